import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { expect } from 'chai';
import { readContacts } from './index.ts';
import { ImportFileError } from './read-types.ts';
import type { ReadOptions } from './read-types.ts';
import { fixture, readAllRows } from './test-support.ts';

/** Reads to the end; returns the error thrown, or the counts when none was. */
async function outcome(
  name: string,
  data: Buffer | string,
  options?: ReadOptions,
) {
  try {
    const { contacts, issues } = await readAllRows(name, data, options);

    return { contacts: contacts.length, issues: issues.length };
  } catch (error) {
    return { error };
  }
}

function expectFileError(
  result: Awaited<ReturnType<typeof outcome>>,
  reason: RegExp,
): void {
  expect(result).to.have.property('error');
  const error = 'error' in result ? result.error : undefined;
  expect(error).to.be.instanceOf(ImportFileError);
  expect((error as ImportFileError).reason).to.match(reason);
  expect((error as ImportFileError).reasonEn)
    .to.be.a('string')
    .and.not.equal('');
}

describe('hostile and huge input', function () {
  this.timeout(20_000);
  let dir: string;

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'relais-hostile-'));
  });

  after(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses a zero-byte file, whatever its extension', async function () {
    this.timeout(2000);
    for (const name of ['vide.csv', 'vide.vcf', 'vide.xlsx', 'vide.json']) {
      const result = await outcome(name, Buffer.alloc(0));
      expectFileError(result, /^le fichier est vide$/);
      expect(
        'error' in result && (result.error as ImportFileError).fileName,
      ).to.equal(name);
    }
  });

  it('refuses random bytes under any name, without hanging', async function () {
    this.timeout(2000);
    const noise = randomBytes(200_000);
    // Random bytes may happen to start with a zip header: make sure they do not here.
    noise[0] = 0x01;
    expectFileError(
      await outcome('bruit.bin', noise),
      /format de fichier non reconnu/,
    );
    expectFileError(
      await outcome('bruit.csv', noise, { format: 'csv' }),
      /pas un fichier texte/,
    );
    expectFileError(
      await outcome('bruit.vcf', noise, { format: 'vcard' }),
      /aucune fiche vCard/,
    );
    expectFileError(
      await outcome('bruit.json', noise, { format: 'jcard' }),
      /JSON illisible/,
    );
    expectFileError(
      await outcome('bruit.xml', noise, { format: 'xcard' }),
      /XML mal formé/,
    );
    expectFileError(
      await outcome('bruit.xlsx', noise, { format: 'xlsx' }),
      /classeur Excel illisible/,
    );
  });

  it('refuses a truncated workbook and an old .xls', async function () {
    this.timeout(5000);
    const workbook = readFileSync(fixture('xlsx/fichier_presse_exemple.xlsx'));
    expectFileError(
      await outcome('coupe.xlsx', workbook.subarray(0, 40_000)),
      /classeur Excel illisible/,
    );
    const xls = Buffer.concat([
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      randomBytes(512),
    ]);
    expectFileError(await outcome('ancien.xls', xls), /ancien format Excel/);
  });

  it('refuses a 10 MB single-line file quickly', async function () {
    this.timeout(2000);
    const line = Buffer.alloc(10 * 1024 * 1024, 'a');
    expectFileError(
      await outcome('ligne.csv', line),
      /dépasse 1000000 caractères/,
    );
    const commas = Buffer.from('a,'.repeat(5 * 1024 * 1024));
    expectFileError(
      await outcome('virgules.csv', commas),
      /dépasse 1000000 caractères/,
    );
    expectFileError(
      await outcome('ligne.vcf', line, { format: 'vcard' }),
      /aucune fiche vCard/,
    );
  });

  it('refuses only an unclosed quote’s line, even past the size limit', async function () {
    this.timeout(5000);
    const rows = Array.from({ length: 100_000 }, (_, i) => `Nom${i},note ${i}`);
    const text = `Nom,Notes\nMartin,"début sans fin\n${rows.join('\n')}\n`;
    expect(text.length).to.be.above(1_000_000);
    const { contacts, issues } = await readAllRows(
      'guillemet.csv',
      Buffer.from(text),
    );
    expect(issues.map((i) => [i.line, i.reasonEn])).to.deep.equal([
      [
        2,
        'Line 2: quote never closed in "Martin,"début sans fin": row not imported, ' +
          'reading resumes on the next line',
      ],
    ]);
    expect(contacts).to.have.length(100_000);
    expect(contacts[99_999]).to.deep.equal({
      line: 100_002,
      contact: { lastName: 'Nom99999', notes: 'note 99999' },
    });
  });

  it('reads a CSV with 10,000 columns, listing the unknown ones as unmapped', async function () {
    this.timeout(2000);
    const extra = Array.from({ length: 9997 }, (_, i) => i);
    const headers = [
      'Prénom',
      'Nom',
      'E-mail',
      ...extra.map((i) => `Champ ${i}`),
    ];
    const row = [
      'Léa',
      'Martin',
      'lea@exemple.fr',
      ...extra.map((i) => `v${i}`),
    ];
    const result = await readAllRows(
      'large.csv',
      Buffer.from(`${headers.join(',')}\n${row.join(',')}\n`),
    );
    expect(result.contacts.map((c) => c.contact)).to.deep.equal([
      {
        firstName: 'Léa',
        lastName: 'Martin',
        emails: [{ address: 'lea@exemple.fr', isPrimary: true }],
      },
    ]);
    const { mapHeaders } = await import('./header-map.ts');
    expect(mapHeaders(headers).unmapped).to.have.length(9997);
    // Past 20,000 columns it is not a contact list.
    const tooWide = Buffer.from(`${'x,'.repeat(30_000)}\n`);
    const refused = await outcome('trop.csv', tooWide);
    expectFileError(refused, /plus de 20000 colonnes/);
    // The refusal names the file, though it comes while the delimiter is sought.
    expect(
      'error' in refused && (refused.error as ImportFileError).fileName,
    ).to.equal('trop.csv');
  });

  it('reads a 20,000-column row without a header in a moment', async function () {
    this.timeout(5000);
    const names = Array.from({ length: 19_997 }, (_unused, i) => `Nom${i}`);
    const file = Buffer.from(
      `${names.join(',')}\n${['Anne', 'Large', 'anne@large.test', ...names.slice(3)].join(',')}\n`,
    );
    const started = performance.now();
    const read = await outcome('large.csv', file);
    expect(read).to.deep.include({ contacts: 1 });
    expect(performance.now() - started).to.be.below(3000);
  });

  it('refuses text that is not a contact list at all', async function () {
    this.timeout(2000);
    expectFileError(
      await outcome(
        'texte.txt',
        Buffer.from('Bonjour,\nvoici le compte rendu.\n'),
      ),
      /aucune colonne de contact reconnue/,
    );
    expectFileError(
      await outcome(
        'x.xml',
        Buffer.from('<?xml version="1.0"?><vcards><vcard><fn>'),
      ),
      /XML mal formé/,
    );
    expectFileError(
      await outcome(
        'doctype.xml',
        Buffer.from(
          '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><vcards ' +
            'xmlns="urn:ietf:params:xml:ns:vcard-4.0"/>',
        ),
      ),
      /XML mal formé/,
    );
    expectFileError(
      await outcome('absent.csv', join(dir, 'absent.csv')),
      /introuvable ou illisible/,
    );
  });

  it('streams a 50,000-row CSV from disk without holding it in memory', async function () {
    this.timeout(15_000);
    const path = join(dir, 'grand.csv');
    const out = createWriteStream(path);
    out.write(
      'Civilité;Prénom;Nom;Société;Fonction;E-mail;Portable;CP;Ville;Date de ' +
        'naissance;Rubrique(s)\n',
    );
    for (let i = 0; i < 50_000; i++) {
      const line =
        `Mme;Éloïse${i};Lœuvre${i};Journal ${i % 300};Journaliste;e${i}@exemple.fr;` +
        `06 12 34 ${String(i % 100).padStart(2, '0')} 00;75011;Paris;0${(i % 9) + 1}/02/1980;` +
        `"Culture ; Culture > Musique"\n`;
      if (!out.write(line)) await once(out, 'drain');
    }
    out.end();
    await once(out, 'finish');

    global.gc?.();
    const before = process.memoryUsage().rss;
    let peak = before;
    let contacts = 0;
    let issues = 0;
    for await (const row of readContacts('grand.csv', path)) {
      if ('contact' in row) contacts++;
      else issues++;
      if (contacts % 5000 === 0)
        peak = Math.max(peak, process.memoryUsage().rss);
    }
    expect(contacts).to.equal(50_000);
    expect(issues).to.equal(0);
    expect((peak - before) / 1024 / 1024).to.be.below(150);
  });
});
