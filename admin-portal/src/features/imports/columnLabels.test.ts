/// <reference types="mocha" />
import { expect } from 'chai';
import { columnKeys } from 'core-api/client';
import type { MessageKey } from '../../i18n/messages.ts';
import { translate } from '../../i18n/translate.ts';
import { columnLabel, groupedColumnKeys } from './columnLabels.ts';

const fr = (key: MessageKey, params?: Record<string, string | number>) =>
  translate('fr', key, params);
const en = (key: MessageKey, params?: Record<string, string | number>) =>
  translate('en', key, params);

describe('column labels', () => {
  it('words every column key in both languages, never showing the key', () => {
    for (const key of columnKeys) {
      for (const t of [fr, en]) {
        const label = columnLabel(key, t);
        expect(label, key).not.to.contain('.');
        expect(label, key).not.to.match(/\{\w+\}|\(\)/);
      }
    }
  });

  it('qualifies phones, labelled emails and addresses', () => {
    expect(columnLabel('phone.mobile', fr)).to.equal('Téléphone (Mobile)');
    expect(columnLabel('email.work', en)).to.equal('Email (Work)');
    expect(columnLabel('address.city', fr)).to.equal('Adresse : Ville');
    expect(columnLabel('address.home.postalCode', fr)).to.equal(
      'Adresse (Personnelle) : Code postal',
    );
    expect(columnLabel('emailType.c3', fr)).to.equal(
      'Type d’une autre colonne',
    );
  });

  it('offers every key once, grouped', () => {
    const offered = groupedColumnKeys().flatMap(([, keys]) => keys);

    expect(offered.slice().sort()).to.deep.equal(columnKeys.slice().sort());
    expect(groupedColumnKeys().map(([group]) => group)).to.include.members([
      'person',
      'organisation',
      'phone',
      'address',
    ]);
  });
});
