/// <reference types="mocha" />
import { expect } from 'chai';
import { adminEn, adminFr } from './adminMessages.ts';
import { duplicatesEn, duplicatesFr } from './duplicatesMessages.ts';
import { historyEn, historyFr } from './historyMessages.ts';
import { importsEn, importsFr } from './importsMessages.ts';
import { listsEn, listsFr } from './listsMessages.ts';
import { en, fr } from './messages.ts';
import { targetingEn, targetingFr } from './targetingMessages.ts';
import { templatesEn, templatesFr } from './templatesMessages.ts';
import { sendersEn, sendersFr } from './sendersMessages.ts';
import { cardsEn, cardsFr } from './cardsMessages.ts';
import { tablesEn, tablesFr } from './tablesMessages.ts';
import { adminScreensEn, adminScreensFr } from './adminScreensMessages.ts';
import { shortcutsEn, shortcutsFr } from './shortcutsMessages.ts';
import { deletedEn, deletedFr } from './deletedMessages.ts';
import { translate } from './translate.ts';

const placeholders = (message: string) =>
  [...message.matchAll(/\{(?:de:)?(\w+)(?:\|[^{}]*)?\}/g)]
    .map((match) => match[1])
    .sort();

describe('message catalogue', () => {
  it('gives French and English exactly the same keys', () => {
    expect(Object.keys(en).sort()).to.deep.equal(Object.keys(fr).sort());
  });

  it('lets no section catalogue take another one’s key', () => {
    type Section = [Record<string, string>, Record<string, string>];
    const sections: Section[] = [
      [adminFr, adminEn],
      [duplicatesFr, duplicatesEn],
      [historyFr, historyEn],
      [importsFr, importsEn],
      [listsFr, listsEn],
      [targetingFr, targetingEn],
      [templatesFr, templatesEn],
      [sendersFr, sendersEn],
      [cardsFr, cardsEn],
      [tablesFr, tablesEn],
      [adminScreensFr, adminScreensEn],
      [shortcutsFr, shortcutsEn],
      [deletedFr, deletedEn],
    ];
    const owner = new Map<string, number>();
    const taken: string[] = [];
    for (const [index, [sectionFr, sectionEn]] of sections.entries()) {
      for (const [key, message] of Object.entries(sectionFr)) {
        if (owner.has(key)) taken.push(key);
        owner.set(key, index);
        expect(fr[key as keyof typeof fr], key).to.equal(message);
        expect(en[key as keyof typeof en], key).to.equal(sectionEn[key]);
      }
    }
    expect(taken).to.deep.equal([]);
  });

  it('leaves no message empty in either language', () => {
    for (const catalogue of [fr, en]) {
      const empty = Object.entries(catalogue).filter(
        ([, message]) => message.trim() === '',
      );
      expect(empty).to.deep.equal([]);
    }
  });

  it('agrees nouns with their number rather than writing « (s) »', () => {
    for (const catalogue of [fr, en]) {
      const hedged = Object.entries(catalogue).filter(([, message]) =>
        /\((?:s|es|ies)\)/.test(message),
      );
      expect(hedged).to.deep.equal([]);
    }
  });

  it('uses the same placeholders in both languages', () => {
    for (const [key, message] of Object.entries(fr)) {
      expect(placeholders(en[key as keyof typeof fr]), key).to.deep.equal(
        placeholders(message),
      );
    }
  });

  it('fills placeholders and leaves an unknown one as written', () => {
    expect(translate('fr', 'search.noResult', { query: 'dupond' })).to.equal(
      'Aucun résultat pour « dupond ».',
    );
    expect(translate('en', 'search.noResult')).to.equal(
      'No result for “{query}”.',
    );
  });
});
