import { expect } from 'chai';
import {
  applyChoices,
  columnKeys,
  isColumnKey,
  keyOfTarget,
  targetOfKey,
} from './column-keys.ts';
import { mapHeaders } from './header-map.ts';

describe('column keys', () => {
  it('names every target the header mapper gives a known key, and back', () => {
    const headers = [
      'Civilité',
      'Nom',
      'Prénom',
      'Société',
      'Fonction',
      'E-mail',
      'Portable',
      'Tél. bureau',
      'Adresse',
      'CP',
      'Ville',
      'Rubrique',
      'Twitter',
    ];
    const { columns } = mapHeaders(headers);
    columns.forEach((target, index) => {
      expect(target, headers[index]).to.not.equal(null);
      const key = keyOfTarget(target!);
      expect(isColumnKey(key), key).to.equal(true);
      expect(keyOfTarget(targetOfKey(key, index, columns)!)).to.equal(key);
    });
    expect(new Set(columnKeys).size).to.equal(columnKeys.length);
  });

  it('applies choices by header and by position, the position first', () => {
    // French Outlook writes "Titre" twice: civility, then the job title.
    const headers = ['Titre', 'Nom', 'Titre', 'Divers'];
    const suggested = mapHeaders(headers).columns;
    const chosen = applyChoices(headers, suggested, {
      Titre: null,
      '#3': 'function',
      Divers: 'notes',
    });
    expect(chosen.map((target) => target && keyOfTarget(target))).to.deep.equal(
      [null, 'lastName', 'function', 'notes'],
    );
  });

  it('joins the parts of one address and a company with its function', () => {
    const headers = ['Rue', 'Localité', 'Journal', 'Poste occupé'];
    const chosen = applyChoices(headers, [null, null, null, null], {
      Rue: 'address.street',
      Localité: 'address.city',
      Journal: 'company',
      'Poste occupé': 'function',
    });
    expect(chosen[0]).to.deep.equal({
      field: 'address',
      slot: 'main',
      part: 'street',
    });
    expect(chosen[1]).to.deep.include({ slot: 'main', part: 'city' });
    expect(chosen[2]).to.deep.equal({ field: 'company', slot: 'org' });
    expect(chosen[3]).to.deep.equal({ field: 'function', slot: 'org' });
    expect(targetOfKey('shoeSize', 0, [])).to.equal(null);
  });
});
