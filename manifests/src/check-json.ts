import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import type { ValidateFunction } from 'ajv';
import { isLoopback } from './environment.ts';
import { manifestVersion } from './unified-manifest.ts';

const require = createRequire(import.meta.url);

/** Folder of the Teams schemas bundled by `@microsoft/app-manifest`. */
export const schemasDir = join(
  dirname(require.resolve('@microsoft/app-manifest/package.json')),
  'build',
  'json-schemas',
  'teams',
  `v${manifestVersion}`,
);

const schemaFiles = {
  manifest: 'MicrosoftTeams.schema.json',
  localization: 'MicrosoftTeams.Localization.schema.json',
} as const;
export type SchemaKind = keyof typeof schemaFiles;

const compiled = new Map<SchemaKind, ValidateFunction>();

/**
 * The validator for one schema, read from the package on disk, never
 * fetched. The schemas are draft-04; their patterns are ECMAScript
 * expressions written without the `u` flag in mind (one escapes `]` in a
 * way `u` refuses), so they are compiled as written, without it.
 */
function validatorFor(kind: SchemaKind): ValidateFunction {
  const cached = compiled.get(kind);
  if (cached) return cached;
  const schema = JSON.parse(
    readFileSync(join(schemasDir, schemaFiles[kind]), 'utf8'),
  );
  const ajv = new Ajv.default({
    allErrors: true,
    strict: false,
    unicodeRegExp: false,
  });
  addFormats.default(ajv);
  const validate = ajv.compile(schema);
  compiled.set(kind, validate);
  return validate;
}

/** Validates a document against the official schema; returns the violations. */
export function schemaProblems(kind: SchemaKind, document: unknown): string[] {
  const validate = validatorFor(kind);
  if (validate(document)) return [];
  return (validate.errors ?? []).map(
    (error) =>
      `${kind}${error.instancePath || ''}: ${error.message ?? 'invalide'}` +
      (error.params ? ` ${JSON.stringify(error.params)}` : ''),
  );
}

type Json = Record<string, unknown>;

/** Follows a localisation key such as `staticTabs[0].name` into the manifest. */
function hasPath(document: unknown, key: string): boolean {
  let current: unknown = document;
  for (const part of key.split(/\.|(?=\[)/)) {
    const index = /^\[(\d+)\]$/.exec(part);
    if (index) {
      if (!Array.isArray(current)) return false;
      current = current[Number(index[1])];
    } else {
      if (typeof current !== 'object' || current === null) return false;
      current = (current as Json)[part];
    }
    if (current === undefined) return false;
  }
  return typeof current === 'string';
}

function collectUrls(value: unknown, path: string, into: [string, string][]) {
  if (typeof value === 'string') {
    if (/^https?:\/\//i.test(value)) into.push([path, value]);
  } else if (Array.isArray(value)) {
    value.forEach((item, index) =>
      collectUrls(item, `${path}[${index}]`, into),
    );
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value))
      if (key !== '$schema')
        collectUrls(item, path ? `${path}.${key}` : key, into);
  }
}

/**
 * Checks a Teams package's manifest and localisation files: each against its
 * official schema, then what the schemas leave open and Teams or Outlook
 * refuse: https addresses (the schema also takes http), pages served from a
 * valid domain, the SSO resource on that domain, icons and localisation files
 * present, every localised key naming a string of the manifest.
 */
export function checkTeamsPackage(files: Map<string, Buffer>): string[] {
  const manifestFile = files.get('manifest.json');
  if (!manifestFile) return ['manifest.json absent / missing'];
  const manifest = JSON.parse(manifestFile.toString('utf8')) as Json;
  const problems = schemaProblems('manifest', manifest);
  if (problems.length > 0) return problems;

  const urls: [string, string][] = [];
  collectUrls(manifest, '', urls);
  const domains = (manifest.validDomains as string[] | undefined) ?? [];
  for (const [path, value] of urls) {
    const url = new URL(value);
    if (url.protocol !== 'https:' && !isLoopback(url))
      problems.push(`${path}: https:// attendu / expected`);
    const developerPage = path.startsWith('developer.');
    if (!developerPage && !domains.includes(url.host))
      problems.push(
        `${path}: ${url.host} absent de validDomains / not a valid domain`,
      );
  }

  const sso = manifest.webApplicationInfo as
    { id: string; resource?: string } | undefined;
  if (sso && sso.resource !== `api://${domains[0]}/${sso.id}`)
    problems.push(
      `webApplicationInfo.resource: api://${domains[0]}/${sso.id} attendu / expected`,
    );

  const icons = manifest.icons as Record<string, string>;
  for (const icon of Object.values(icons))
    if (!files.has(icon))
      problems.push(`icons: ${icon} absent du paquet / not in the package`);

  const localization = manifest.localizationInfo as
    | { defaultLanguageFile?: string; additionalLanguages?: { file: string }[] }
    | undefined;
  const localizationFiles = [
    ...(localization?.defaultLanguageFile
      ? [localization.defaultLanguageFile]
      : []),
    ...(localization?.additionalLanguages ?? []).map(
      (language) => language.file,
    ),
  ];
  for (const name of localizationFiles) {
    const file = files.get(name);
    if (!file) {
      problems.push(
        `localizationInfo: ${name} absent du paquet / not in the package`,
      );
      continue;
    }
    const strings = JSON.parse(file.toString('utf8')) as Json;
    problems.push(
      ...schemaProblems('localization', strings).map((p) => `${name}: ${p}`),
    );
    for (const key of Object.keys(strings))
      if (key !== '$schema' && !hasPath(manifest, key))
        problems.push(
          `${name}: ${key} ne désigne aucun texte du manifeste / names no manifest string`,
        );
  }
  return problems;
}
