import { expect } from 'chai';
import { fold } from '../../platform/text/fold.ts';
import { mergeFieldIndex, mergeFields } from '../exports/export-labels.ts';
import { unknownFields, usedFields } from './template-merge.ts';

describe('merge fields shared by e-mail templates and DOCX letters', () => {
  it('gives each name, tag and alias to one field only', () => {
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    for (const field of mergeFields) {
      const names = [
        field.name.fr,
        field.name.en,
        field.tag,
        ...(field.aliases ?? []),
      ];
      for (const key of new Set(
        names.map((name) => fold(name).replace(/[^a-z0-9]/g, '')),
      )) {
        if (owner.has(key) && owner.get(key) !== field.key) clashes.push(key);
        owner.set(key, field.key);
      }
    }
    expect(clashes).to.deep.equal([]);
  });

  it('writes tags in lower case without accents, as a template types them', () => {
    for (const field of mergeFields)
      expect(field.tag, field.key).to.match(/^[a-z0-9_]+$/);
  });

  it('finds a field by any of its names, whatever the case and accents', () => {
    const firstName = mergeFields.findIndex((f) => f.key === 'firstName');
    for (const name of [
      'prenom',
      'Prénom',
      'PRENOM',
      'First_name',
      'first name',
    ])
      expect(mergeFieldIndex(name), name).to.equal(firstName);
    const salutation = mergeFields.findIndex((f) => f.key === 'salutation');
    for (const name of ['formule', 'Formule_d_appel', 'Greeting'])
      expect(mergeFieldIndex(name), name).to.equal(salutation);
    expect(mergeFieldIndex('pointure')).to.equal(undefined);
  });

  it('lists the unknown and the used fields of a text, each once', () => {
    const text =
      '{{prenom}} {{ Prénom | cher ami }} {{nom|}} {{age}} {{age}} {{ }} {{societe}}';
    expect(unknownFields(text)).to.deep.equal(['age', '']);
    expect(usedFields(text)).to.deep.equal(['prenom', 'nom', 'societe']);
  });
});
