import { expect } from 'chai';
import { remembered } from './remembered.ts';
import { fold, sortKey, words } from './fold.ts';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import {
  displayPhone,
  knownPhone,
  normalisePhone,
  overseasFrance,
  phoneSearchKeys,
} from './phone.ts';

describe('fold and words', () => {
  it('removes accents and unfolds ligatures', () => {
    expect(fold('Éloïse Lœuvre, Ægir, Straße')).to.equal(
      'eloise loeuvre, aegir, strasse',
    );
  });

  it('splits on anything that is not a letter or digit', () => {
    expect(words("L'Équipe — Saint-Dupuy (75011)")).to.deep.equal([
      'l',
      'equipe',
      'saint',
      'dupuy',
      '75011',
    ]);
  });
});

describe('sortKey', () => {
  it('folds names and cities into keys that sort in French order byte by byte', () => {
    const names = [
      'Dupontel',
      'Œhmichen',
      'da Silva',
      'Écoffier',
      "D'Arcy",
      'Dupont-Aignan',
      'Dabadie',
      'Dupont',
      'Eckert',
    ];
    const keys = names.map((name) => sortKey(name) as string);
    expect(keys.sort()).to.deep.equal([
      'd arcy',
      'da silva',
      'dabadie',
      'dupont',
      'dupont aignan',
      'dupontel',
      'eckert',
      'ecoffier',
      'oehmichen',
    ]);
  });

  it('gives no key when nothing is left to sort by, and keeps to the column width', () => {
    expect(sortKey(null)).to.equal(null);
    expect(sortKey(' — ')).to.equal(null);
    expect(sortKey('Æ '.repeat(100))).to.have.length.at.most(120);
    expect(sortKey('Æ '.repeat(100))).not.to.match(/ $/);
  });
});

describe('normalisePhone', () => {
  const cases: [string, string | null][] = [
    ['06 12 34 56 78', '+33612345678'],
    ['06.12.34.56.78', '+33612345678'],
    ['+33 6 12 34 56 78', '+33612345678'],
    ['0033 1 23 45 67 89', '+33123456789'],
    ['+33 (0)1 23 45 67 89', '+33123456789'],
    ['612345678', '+33612345678'],
    ['+44 20 7946 0958', '+442079460958'],
    ['0590 12 34 56', '+590590123456'],
    ['12', null],
    ['not a phone', null],
  ];

  for (const [raw, e164] of cases) {
    it(`reads "${raw}" as ${e164 ?? 'invalid'}`, () => {
      const result = normalisePhone(raw);
      expect(result.e164).to.equal(e164);
      expect(result.raw).to.equal(raw);
    });
  }

  it('gives the usual French forms the answer a full parse gives', () => {
    // What reading any number gives: a parse with region FR, then with each
    // overseas territory for a national number.
    const parsedAs = (raw: string) => {
      const parsed = parsePhoneNumberFromString(raw, 'FR');
      if (parsed?.isValid()) return parsed.number;
      if (!raw.startsWith('0')) return null;
      for (const overseas of overseasFrance) {
        const local = parsePhoneNumberFromString(raw, overseas);
        if (local?.isValid()) return local.number;
      }
      return null;
    };
    let seed = 7;
    const digit = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return String(seed % 10);
    };
    const forms = [
      (n: string) => `0${n}`,
      (n: string) =>
        `0${n.slice(0, 1)} ${n.slice(1).replace(/(..)\B/g, '$1 ')}`,
      (n: string) =>
        `0${n.slice(0, 1)}.${n.slice(1).replace(/(..)\B/g, '$1.')}`,
      (n: string) => `+33 ${n}`,
      (n: string) => `+33${n}`,
    ];
    // Every four-digit start of a national number (valid and not: 089,
    // 0590, 0262, 0639), in the forms checked straight against the plans.
    const seen = new Map<string, number>();
    for (let start = 1000; start < 10_000; start++) {
      const form = forms[start % forms.length] as (n: string) => string;
      const tail = Array.from({ length: 5 }, digit).join('');
      const raw = form(`${start}${tail}`);
      const e164 = parsedAs(raw);
      expect(normalisePhone(raw).e164, raw).to.equal(e164);
      const code = e164?.slice(0, 4) ?? 'none';
      seen.set(code, (seen.get(code) ?? 0) + 1);
    }
    // French, overseas (Guadeloupe, Réunion) and invalid numbers all met.
    for (const code of ['+336', '+331', '+590', '+262', 'none'])
      expect(seen.get(code), code).to.be.above(0);
  });

  it('shows French numbers in national form and others internationally', () => {
    expect(displayPhone('+33612345678', 'x')).to.equal('06 12 34 56 78');
    expect(displayPhone('+442079460958', 'x')).to.equal('+44 20 7946 0958');
    expect(displayPhone(null, '(800) 000-0000')).to.equal('(800) 000-0000');
  });

  it('is found by national and international digits', () => {
    expect(phoneSearchKeys('+33612345678', '06 12 34 56 78')).to.have.members([
      '0612345678',
      '33612345678',
    ]);
  });
});

describe('phone numbers read once', () => {
  it('finds the national number after any calling code, as a parse would', () => {
    const numbers = [
      '+33612345678',
      '+590590123456',
      '+442079460958',
      '+12025550143',
      '+390612345678',
      '+74951234567',
      '+3545512345',
      '+80012345678',
    ];
    for (const e164 of numbers) {
      const national = parsePhoneNumberFromString(e164)?.nationalNumber;
      expect(phoneSearchKeys(e164, ''), e164).to.have.members([
        e164.slice(1),
        ...(national ? [`0${national}`] : []),
      ]);
    }
  });

  it('takes the form a preview worked out instead of parsing again', () => {
    knownPhone(' 06 99 00 00 01 ', 'XX', '+33699000001');
    expect(normalisePhone(' 06 99 00 00 01 ', 'XX')).to.deep.equal({
      e164: '+33699000001',
      raw: '06 99 00 00 01',
    });
    // Region XX has no numbers: only the remembered answer gives one.
    expect(normalisePhone('06 99 00 00 01', 'XX').e164).to.equal(null);
  });
});

describe('remembered', () => {
  it('computes each key once, and forgets everything at its limit', () => {
    const seen: string[] = [];
    const upper = remembered((key: string) => {
      seen.push(key);

      return key.toUpperCase();
    }, 2);
    expect([upper('a'), upper('a'), upper('b')]).to.deep.equal(['A', 'A', 'B']);
    expect(seen).to.deep.equal(['a', 'b']);
    upper('c');
    upper('a');
    expect(seen).to.deep.equal(['a', 'b', 'c', 'a']);
  });

  it('is told an answer worked out before', () => {
    const upper = remembered((key: string) => key.toUpperCase(), 10);
    upper.keep('a', 'told');
    expect(upper('a')).to.equal('told');
  });
});
