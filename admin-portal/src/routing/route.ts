/** A screen of the portal, read from the URL's hash. */
export type Route =
  | { name: 'home' }
  | { name: 'contact'; id: number }
  | { name: 'company'; id: number }
  | { name: 'duplicates' }
  | { name: 'duplicate'; id: number }
  | { name: 'imports' }
  | { name: 'import'; id: number }
  | { name: 'admin' }
  | { name: 'mergeRules' }
  | { name: 'feeds' }
  | { name: 'feedNew' }
  | { name: 'feed'; id: number }
  | { name: 'targeting' }
  | { name: 'savedQuery'; id: number }
  | { name: 'lists' }
  | { name: 'list'; id: number }
  | { name: 'exportSettings' };

/** The sections of the portal, each reached from the main navigation. */
export type Section =
  'search' | 'targeting' | 'lists' | 'duplicates' | 'imports' | 'admin';

const ID = '([1-9]\\d{0,15})';
const RECORD = new RegExp(
  `^#/(contacts|companies|duplicates|imports|targeting|lists)/${ID}/?$`,
);
const LIST = /^#\/(duplicates|imports|targeting|lists)\/?$/;
const FEED = new RegExp(`^#/admin/feeds/${ID}/?$`);

/** The administration screens at fixed paths. */
const adminRoutes: Record<string, Route> = {
  '#/admin': { name: 'admin' },
  '#/admin/merge-rules': { name: 'mergeRules' },
  '#/admin/feeds': { name: 'feeds' },
  '#/admin/feeds/new': { name: 'feedNew' },
  '#/admin/exports': { name: 'exportSettings' },
};

const recordRoutes = {
  contacts: 'contact',
  companies: 'company',
  duplicates: 'duplicate',
  imports: 'import',
  targeting: 'savedQuery',
  lists: 'list',
} as const;

/**
 * Reads `#/contacts/12`, `#/companies/3`, `#/duplicates`, `#/duplicates/5`,
 * `#/imports`, `#/imports/9`, `#/admin`, `#/admin/merge-rules`,
 * `#/admin/feeds`, `#/admin/feeds/new`, `#/admin/feeds/4`,
 * `#/admin/exports`, `#/targeting`, `#/targeting/7` (a saved query),
 * `#/lists` or `#/lists/3`; anything else is the home screen.
 */
export function parseRoute(hash: string): Route {
  const admin = adminRoutes[hash.replace(/(.)\/$/, '$1')];
  if (admin) return admin;
  const feed = FEED.exec(hash);
  if (feed) return { name: 'feed', id: Number(feed[1]) };
  const list = LIST.exec(hash);
  if (list) return { name: list[1] as Section & Route['name'] };
  const match = RECORD.exec(hash);
  if (!match) return { name: 'home' };

  return {
    name: recordRoutes[match[1] as keyof typeof recordRoutes],
    id: Number(match[2]),
  };
}

const adminScreens = new Set<Route['name']>([
  'admin',
  'mergeRules',
  'feeds',
  'feedNew',
  'feed',
  'exportSettings',
]);

/** The section a screen belongs to (the navigation marks it as current). */
export function sectionOf(route: Route): Section {
  if (route.name === 'duplicates' || route.name === 'duplicate')
    return 'duplicates';
  if (route.name === 'imports' || route.name === 'import') return 'imports';
  if (route.name === 'targeting' || route.name === 'savedQuery')
    return 'targeting';
  if (route.name === 'lists' || route.name === 'list') return 'lists';
  if (adminScreens.has(route.name)) return 'admin';

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

/** The administration home, listing its screens. */
export const adminHref = '#/admin';

/** The duplicate rules an administrator sets. */
export const mergeRulesHref = '#/admin/merge-rules';

/** The import feeds, one feed, or the form of a new one (`'new'`). */
export function feedsHref(feedId?: number | 'new'): string {
  return feedId === undefined ? '#/admin/feeds' : `#/admin/feeds/${feedId}`;
}

/** The query builder, empty or opened on a saved query. */
export function targetingHref(savedQueryId?: number): string {
  return savedQueryId === undefined
    ? '#/targeting'
    : `#/targeting/${savedQueryId}`;
}

/** The static lists, or one list. */
export function listsHref(listId?: number): string {
  return listId === undefined ? '#/lists' : `#/lists/${listId}`;
}

/** The export settings (who may export). */
export const exportSettingsHref = '#/admin/exports';

/** Opens a screen by its hash link (the browser keeps the history). */
export function navigate(href: string): void {
  window.location.hash = href;
}
