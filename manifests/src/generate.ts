import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import JSZip from 'jszip';
import { checkTeamsPackage } from './check-json.ts';
import { checkXmlManifest } from './check-xml.ts';
import type { Environment } from './environment.ts';
import { addinIcon, addinIconSizes, colorIcon, outlineIcon } from './icons.ts';
import { locales } from './texts.ts';
import {
  buildLocalization,
  buildUnifiedManifest,
  packageFiles,
} from './unified-manifest.ts';
import { webPaths } from './urls.ts';
import { buildXmlManifest } from './xml-manifest.ts';

/** Everything generated for one environment, before it is written. */
export type Generated = {
  /** The Teams package's files by name (all at the zip root). */
  teamsPackage: Map<string, Buffer>;
  /** The XML add-in manifest. */
  xmlManifest: string;
  /** Files the web front serves, by path under the base URL. */
  webFiles: Map<string, Buffer>;
};

/** Generated manifests that break a rule Microsoft 365 enforces. */
export class ManifestError extends Error {
  readonly problems: string[];

  constructor(problems: string[]) {
    super(
      `Manifestes refusés / manifests rejected:\n  ${problems.join('\n  ')}`,
    );
    this.problems = problems;
  }
}

const json = (value: unknown) =>
  Buffer.from(`${JSON.stringify(value, null, 2)}\n`);

/** Builds every manifest and icon of an environment in memory. */
export function generate(environment: Environment): Generated {
  const teamsPackage = new Map<string, Buffer>([
    [packageFiles.manifest, json(buildUnifiedManifest(environment))],
    [packageFiles.color, colorIcon(environment.accentColor)],
    [packageFiles.outline, outlineIcon()],
  ]);
  for (const locale of locales)
    teamsPackage.set(
      packageFiles.localization(locale),
      json(buildLocalization(environment, locale)),
    );

  const webFiles = new Map<string, Buffer>();
  for (const size of addinIconSizes)
    webFiles.set(
      webPaths.addinIcon(size),
      addinIcon(size, environment.accentColor),
    );

  return { teamsPackage, xmlManifest: buildXmlManifest(environment), webFiles };
}

/** The problems of generated manifests, against the schemas and checks. */
export function problemsOf(generated: Generated): string[] {
  return [
    ...checkTeamsPackage(generated.teamsPackage),
    ...checkXmlManifest(generated.xmlManifest).map((p) => `manifest.xml: ${p}`),
  ];
}

/**
 * The Teams app package: a zip whose root holds the manifest, both icons and
 * the localisation files. Entries carry a fixed date so that the same
 * environment always gives the same bytes.
 */
export async function zipTeamsPackage(
  files: Map<string, Buffer>,
): Promise<Buffer> {
  const zip = new JSZip();
  const date = new Date(Date.UTC(2026, 0, 1));
  for (const [name, content] of [...files].sort(([a], [b]) =>
    a.localeCompare(b),
  ))
    zip.file(name, content, { date });
  return zip.generateAsync({
    type: 'nodebuffer',
    compression: 'DEFLATE',
    compressionOptions: { level: 9 },
  });
}

/** Paths written by {@link writeGenerated}, relative to the output folder. */
export const outputLayout = {
  packageDir: (name: string) => join(name, 'package'),
  xmlManifest: (name: string) => join(name, 'manifest.xml'),
  webDir: (name: string) => join(name, 'web'),
  zip: (name: string) => `relais-${name}.zip`,
} as const;

/**
 * Checks then writes one environment's files under `outDir`:
 * `<name>/package/` (the Teams package's files), `<name>/manifest.xml`,
 * `<name>/web/` (icons the web front serves) and, with `zip`, the package
 * `relais-<name>.zip`. Nothing is written when a check fails.
 */
export async function writeGenerated(
  environment: Environment,
  outDir: string,
  options: { zip: boolean },
): Promise<string[]> {
  const generated = generate(environment);
  const problems = problemsOf(generated);
  if (problems.length > 0) throw new ManifestError(problems);

  const name = environment.name;
  const written: string[] = [];
  const put = (path: string, content: Buffer | string) => {
    const target = join(outDir, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, content);
    written.push(target);
  };
  for (const [file, content] of generated.teamsPackage)
    put(join(outputLayout.packageDir(name), file), content);
  put(outputLayout.xmlManifest(name), generated.xmlManifest);
  for (const [path, content] of generated.webFiles)
    put(join(outputLayout.webDir(name), path), content);
  if (options.zip)
    put(outputLayout.zip(name), await zipTeamsPackage(generated.teamsPackage));
  return written;
}
