import {
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import JSZip from 'jszip';
import { checkTeamsPackage } from './check-json.ts';
import { checkXmlManifest } from './check-xml.ts';
import { main } from './cli.ts';
import { decodePng } from './test-support.ts';

/** Runs the command line with its output captured. */
async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const stdout = process.stdout.write;
  const stderr = process.stderr.write;
  const into =
    (lines: string[]) =>
    (chunk: string): boolean => {
      lines.push(chunk);
      return true;
    };
  process.stdout.write = into(out) as typeof stdout;
  process.stderr.write = into(err) as typeof stderr;
  try {
    const code = await main(argv);
    return { code, out: out.join(''), err: err.join('') };
  } finally {
    process.stdout.write = stdout;
    process.stderr.write = stderr;
  }
}

describe('manifests: Teams package', () => {
  let outDir: string;
  beforeEach(() => {
    outDir = mkdtempSync(join(tmpdir(), 'relais-manifests-'));
  });
  afterEach(() => rmSync(outDir, { recursive: true, force: true }));

  it('zips the manifest, both icons and the localisation files at its root', async () => {
    const { code, out } = await run('package', 'local', '--out', outDir);
    expect(code, out).to.equal(0);

    const zip = await JSZip.loadAsync(
      readFileSync(join(outDir, 'relais-local.zip')),
    );
    const names = Object.keys(zip.files).sort();
    expect(names).to.deep.equal([
      'color.png',
      'en.json',
      'fr.json',
      'manifest.json',
      'outline.png',
    ]);
    expect(Object.values(zip.files).some((entry) => entry.dir)).to.equal(false);

    const files = new Map<string, Buffer>();
    for (const name of names)
      files.set(name, await zip.file(name)!.async('nodebuffer'));
    expect(checkTeamsPackage(files)).to.deep.equal([]);

    const manifest = JSON.parse(files.get('manifest.json')!.toString());
    const color = decodePng(files.get(manifest.icons.color)!);
    const outline = decodePng(files.get(manifest.icons.outline)!);
    expect([
      color.width,
      color.height,
      outline.width,
      outline.height,
    ]).to.deep.equal([192, 192, 32, 32]);
  });

  it('writes the XML manifest and the add-in icons beside the package', async () => {
    await run('generate', 'production.example', '--out', outDir);
    const xml = readFileSync(
      join(outDir, 'production', 'manifest.xml'),
      'utf8',
    );
    expect(checkXmlManifest(xml)).to.deep.equal([]);
    expect(xml).to.contain(
      'https://relais.example.org/addin/assets/icon-80.png',
    );
    const icon = join(
      outDir,
      'production',
      'web',
      'addin',
      'assets',
      'icon-80.png',
    );
    expect(decodePng(readFileSync(icon)).width).to.equal(80);
    expect(existsSync(join(outDir, 'relais-production.zip'))).to.equal(false);
  });

  it('gives the same bytes for the same environment', async () => {
    await run('package', 'local', '--out', outDir);
    const first = readFileSync(join(outDir, 'relais-local.zip'));
    await run('package', 'local', '--out', outDir);
    expect(
      readFileSync(join(outDir, 'relais-local.zip')).equals(first),
    ).to.equal(true);
  });

  it('refuses a wrong environment file and writes nothing', async () => {
    const path = join(outDir, 'broken.json');
    const local = JSON.parse(
      readFileSync(
        new URL('../environments/local.json', import.meta.url),
        'utf8',
      ),
    );
    writeFileSync(
      path,
      JSON.stringify({ ...local, baseUrl: 'http://relais.example.org' }),
    );
    const { code, err } = await run('package', path, '--out', outDir);
    expect(code).to.equal(1);
    expect(err).to.match(/baseUrl: doit commencer par https:\/\//);
    expect(existsSync(join(outDir, 'relais-local.zip'))).to.equal(false);
  });

  it('refuses to write manifests that break a schema', async () => {
    const path = join(outDir, 'long.json');
    const local = JSON.parse(
      readFileSync(
        new URL('../environments/local.json', import.meta.url),
        'utf8',
      ),
    );
    const baseUrl = `https://relais.example.org/${'a'.repeat(2030)}`;
    writeFileSync(path, JSON.stringify({ ...local, baseUrl }));
    const { code, err } = await run('package', path, '--out', outDir);
    expect(code).to.equal(1);
    expect(err).to.match(
      /^Manifestes refusés \/ manifests rejected:\n  manifest\//,
    );
    expect(existsSync(join(outDir, 'local'))).to.equal(false);
  });

  it('prints its usage for an unknown command', async () => {
    const { code, out } = await run('publish');
    expect(code).to.equal(2);
    expect(out).to.match(/^Usage : manifests <generate\|package>/);
  });
});
