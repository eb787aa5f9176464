/** A screen of the portal, read from the URL's hash. */
export type Route =
  | { name: 'home' }
  | { name: 'contact'; id: number }
  | { name: 'company'; id: number }
  | { name: 'duplicates' }
  | { name: 'duplicate'; id: number }
  | { name: 'imports' }
  | { name: 'import'; id: number };

/** The sections of the portal, each reached from the main navigation. */
export type Section = 'search' | 'duplicates' | 'imports';

const ID = '([1-9]\\d{0,15})';
const RECORD = new RegExp(
  `^#/(contacts|companies|duplicates|imports)/${ID}/?$`,
);
const LIST = /^#\/(duplicates|imports)\/?$/;

const recordRoutes = {
  contacts: 'contact',
  companies: 'company',
  duplicates: 'duplicate',
  imports: 'import',
} as const;

/**
 * Reads `#/contacts/12`, `#/companies/3`, `#/duplicates`, `#/duplicates/5`,
 * `#/imports` or `#/imports/9`; anything else is the home screen.
 */
export function parseRoute(hash: string): Route {
  const list = LIST.exec(hash);
  if (list) return { name: list[1] as 'duplicates' | 'imports' };
  const match = RECORD.exec(hash);
  if (!match) return { name: 'home' };

  return {
    name: recordRoutes[match[1] as keyof typeof recordRoutes],
    id: Number(match[2]),
  };
}

/** The section a screen belongs to (the navigation marks it as current). */
export function sectionOf(route: Route): Section {
  if (route.name === 'duplicates' || route.name === 'duplicate')
    return 'duplicates';
  if (route.name === 'imports' || route.name === 'import') return 'imports';

  return 'search';
}

/** The link to a contact's card. */
export function contactHref(id: number): string {
  return `#/contacts/${id}`;
}

/** The link to a company's card. */
export function companyHref(id: number): string {
  return `#/companies/${id}`;
}

/** The link to the duplicate review queue, or to one pair of it. */
export function duplicatesHref(pairId?: number): string {
  return pairId === undefined ? '#/duplicates' : `#/duplicates/${pairId}`;
}

/** The link to the imports (history and upload), or to one import. */
export function importsHref(batchId?: number): string {
  return batchId === undefined ? '#/imports' : `#/imports/${batchId}`;
}

/** Opens a screen by its hash link (the browser keeps the history). */
export function navigate(href: string): void {
  window.location.hash = href;
}
