import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import ExcelJS from 'exceljs';
import { runCliInProcess } from '../../test/run-cli.ts';

describe('relais export', function () {
  this.timeout(60_000);
  let dir: string;
  const env = () => ({
    DATABASE_URL: `sqlite:${join(dir, 'cli.sqlite')}`,
    DATA_DIR: dir,
    LOG_LEVEL: 'silent',
  });
  const relais = (...args: string[]) => runCliInProcess(env(), args);

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'relais-export-cli-'));
    const file = join(dir, 'presse.csv');
    writeFileSync(
      file,
      'Nom;Prénom;Email;Type de contact;Société;Fonction\n' +
        'Blanc;Inès;ines.blanc@exemple.fr;presse;Le Monde;Journaliste\n' +
        'Roux;Marc;marc.roux@exemple.fr;VIP;Mairie;Maire\n',
    );
    const imported = await relais('import', file);
    expect(imported.status, imported.stderr).to.equal(0);
  });

  after(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('exports chosen contacts to an xlsx file and says how many', async () => {
    const out = join(dir, 'contacts.xlsx');
    const result = await relais(
      'export',
      '--contacts',
      '1,2',
      '--format',
      'xlsx',
      '--out',
      out,
    );
    expect(result.status, result.stderr).to.equal(0);
    expect(result.stdout).to.include(`2 contacts exportés dans ${out}`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.rowCount).to.equal(3);
    expect(sheet.getRow(1).getCell(4).value).to.equal('Nom');
  });

  it('exports a query read from a JSON file, in English, as JSON output', async () => {
    const query = join(dir, 'vip.json');
    writeFileSync(
      query,
      JSON.stringify({
        entity: 'contact',
        where: {
          op: 'and',
          items: [{ field: 'contactType', operator: 'in', value: ['vip'] }],
        },
      }),
    );
    const out = join(dir, 'vip.csv');
    const result = await relais(
      'export',
      '--query',
      query,
      '--format',
      'outlook-csv',
      '--lang',
      'en',
      '--out',
      out,
      '--json',
    );
    expect(result.status, result.stderr).to.equal(0);
    expect(JSON.parse(result.stdout)).to.deep.include({
      rows: 1,
      matched: 1,
      excluded: 0,
      channel: 'email',
      format: 'outlook-csv',
    });
    const text = readFileSync(out, 'utf8');
    expect(text).to.match(
      /^\uFEFF"Title","First Name","Middle Name","Last Name"/,
    );
    expect(text).to.include('"Roux"');
  });

  it('exports the companies of a company query as vCards', async () => {
    const query = join(dir, 'societes.json');
    writeFileSync(
      query,
      JSON.stringify({
        entity: 'company',
        where: {
          op: 'and',
          items: [{ field: 'name', operator: 'startsWith', value: 'Le' }],
        },
      }),
    );
    const out = join(dir, 'societes.vcf');
    const result = await relais(
      'export',
      '--query',
      query,
      '--format',
      'vcard4',
      '--out',
      out,
    );
    expect(result.status, result.stderr).to.equal(0);
    expect(result.stdout).to.include(`1 société exportée dans ${out}`);
    const text = readFileSync(out, 'utf8');
    expect(text).to.include('KIND:org\r\nFN:Le Monde\r\nORG:Le Monde\r\n');
  });

  it('fails on an unknown list, leaving no file behind', async () => {
    const out = join(dir, 'nothing.docx');
    const result = await relais(
      'export',
      '--list',
      '999',
      '--format',
      'docx-labels',
      '--out',
      out,
    );
    expect(result.status).to.equal(1);
    expect(existsSync(out)).to.equal(false);
    const both = await relais(
      'export',
      '--list',
      '1',
      '--saved',
      '2',
      '--format',
      'html',
      '--out',
      out,
    );
    expect(both.status).to.equal(1);
    expect(both.stderr).to.include('une cible et une seule');
  });

  it('names a folder, a missing folder, unknown ids; deletes nothing it did not make', async () => {
    const asFolder = await relais(
      'export',
      '--contacts',
      '1',
      '--format',
      'xlsx',
      '--out',
      `${dir}/`,
    );
    expect(asFolder.status).to.equal(1);
    expect(asFolder.stderr).to.include(`--out ${dir}/ : c'est un dossier`);
    expect(asFolder.stderr).to.include('this is a folder');
    expect(existsSync(join(dir, 'cli.sqlite'))).to.equal(true);

    const missing = join(dir, 'absent', 'x.xlsx');
    const noFolder = await relais(
      'export',
      '--contacts',
      '1',
      '--format',
      'xlsx',
      '--out',
      missing,
    );
    expect(noFolder.status).to.equal(1);
    expect(noFolder.stderr).to.include(
      `le dossier ${join(dir, 'absent')} n'existe pas`,
    );
    expect(noFolder.stderr).to.include('does not exist');

    // A file already there stays as it was when the export is refused.
    const kept = join(dir, 'garde.xlsx');
    writeFileSync(kept, 'ancien contenu');
    const unknown = await relais(
      'export',
      '--contacts',
      '1,509',
      '--format',
      'xlsx',
      '--out',
      kept,
    );
    expect(unknown.status).to.equal(1);
    expect(unknown.stderr).to.include(
      '1 contact introuvable ou supprimé : 509.',
    );
    expect(readFileSync(kept, 'utf8')).to.equal('ancien contenu');
    expect(
      readdirSync(dir).filter((name) => name.endsWith('.part')),
    ).to.deep.equal([]);
  });
});
