import { fold } from '../../../platform/text/fold.ts';
import { frenchDepartments } from '../../contacts/french-departments.ts';
import { countryCode } from './countries.ts';

const departments = frenchDepartments;

const key = (text: string): string =>
  fold(text)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

const byKey = new Map<string, string>();
for (const [code, name] of Object.entries(departments)) {
  byKey.set(key(code), name);
  byKey.set(key(name), name);
  // "69 - Rhône", "Rhône (69)": both as address books write them.
  byKey.set(key(`${code} ${name}`), name);
  byKey.set(key(`${name} ${code}`), name);
}
byKey.set('reunion', 'La Réunion');
byKey.set('corse du sud', 'Corse-du-Sud');
byKey.set('20a', 'Corse-du-Sud');
byKey.set('20b', 'Haute-Corse');

/** Overseas departments have their own ISO country code besides FR. */
const FRENCH_CODES = new Set(['FR', 'GP', 'MQ', 'GF', 'RE', 'YT']);

/**
 * The official name of a French department written as its number (`69`,
 * `2A`, `974`) or its name in any case or accents (`RHONE`, `cote d or`,
 * `69 - Rhône`), when the address is French or names no country; null
 * otherwise, so a region (`Île-de-France`) or a foreign state stays as written.
 *
 * @param region the region or department cell
 * @param country the country written in the same address, if any
 */
export function departmentName(
  region: string,
  country: string | undefined,
): string | null {
  const code = country?.trim() ? countryCode(country) : 'FR';
  if (!code || !FRENCH_CODES.has(code)) return null;

  return byKey.get(key(region).replace(/^(\d)$/, '0$1')) ?? null;
}
