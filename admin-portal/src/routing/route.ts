/** A screen of the portal, read from the URL's hash. */
export type Route =
  | { name: 'home' }
  | { name: 'contacts' }
  | { name: 'companies' }
  | { name: 'contact'; id: number }
  | { name: 'company'; id: number }
  | { name: 'contactNew' }
  | { name: 'companyNew' }
  | { name: 'deletedContacts' }
  | { name: 'deletedCompanies' }
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
  | { name: 'exportSettings' }
  | { name: 'templates' }
  | { name: 'templateNew' }
  | { name: 'template'; id: number }
  | { name: 'senderAddresses' }
  | { name: 'departments' }
  | { name: 'users' }
  | { name: 'taxonomy' }
  | { name: 'auditLog' }
  /** An address leading to no screen: said so, not shown as another one. */
  | { name: 'notFound' };

/** The sections of the portal, each reached from the main navigation. */
export type Section =
  | 'contacts'
  | 'companies'
  | 'targeting'
  | 'lists'
  | 'templates'
  | 'duplicates'
  | 'imports'
  | 'admin';

const ID = '([1-9]\\d{0,15})';
const RECORD = new RegExp(
  `^#/(contacts|companies|duplicates|imports|targeting|lists|templates)/${ID}/?$`,
);
const LIST =
  /^#\/(contacts|companies|duplicates|imports|targeting|lists|templates)\/?$/;
const FEED = new RegExp(`^#/admin/feeds/${ID}/?$`);
/** The portal's own address, with no screen named. */
const HOME = /^#?\/?$/;

/** The screens at fixed paths: administration, a new template. */
export const adminRoutes: Readonly<Record<string, Route>> = {
  '#/admin': { name: 'admin' },
  '#/admin/merge-rules': { name: 'mergeRules' },
  '#/admin/feeds': { name: 'feeds' },
  '#/admin/feeds/new': { name: 'feedNew' },
  '#/admin/exports': { name: 'exportSettings' },
  '#/admin/senders': { name: 'senderAddresses' },
  '#/admin/departments': { name: 'departments' },
  '#/admin/users': { name: 'users' },
  '#/admin/taxonomy': { name: 'taxonomy' },
  '#/admin/audit': { name: 'auditLog' },
  '#/templates/new': { name: 'templateNew' },
  '#/contacts/new': { name: 'contactNew' },
  '#/companies/new': { name: 'companyNew' },
  '#/contacts/deleted': { name: 'deletedContacts' },
  '#/companies/deleted': { name: 'deletedCompanies' },
};

const recordRoutes = {
  contacts: 'contact',
  companies: 'company',
  duplicates: 'duplicate',
  imports: 'import',
  targeting: 'savedQuery',
  lists: 'list',
  templates: 'template',
} as const;

/**
 * Reads `#/contacts` and `#/companies` (the tables), `#/contacts/12`,
 * `#/companies/3`, `#/contacts/new`, `#/companies/new`,
 * `#/contacts/deleted`, `#/companies/deleted` (the deleted records),
 * `#/duplicates`, `#/duplicates/5`,
 * `#/imports`, `#/imports/9`, `#/admin`, `#/admin/merge-rules`,
 * `#/admin/feeds`, `#/admin/feeds/new`, `#/admin/feeds/4`,
 * `#/admin/exports`, `#/admin/senders`, `#/admin/departments`,
 * `#/admin/users`, `#/admin/taxonomy`, `#/admin/audit`, `#/targeting`,
 * `#/targeting/7` (a saved query),
 * `#/lists`, `#/lists/3`, `#/templates`, `#/templates/new` or
 * `#/templates/2`; no hash (or `#/`) is the home screen, anything else
 * leads nowhere (`notFound`).
 */
export function parseRoute(hash: string): Route {
  if (HOME.test(hash)) return { name: 'home' };
  const admin = adminRoutes[hash.replace(/(.)\/$/, '$1')];
  if (admin) return admin;
  const feed = FEED.exec(hash);
  if (feed) return { name: 'feed', id: Number(feed[1]) };
  const list = LIST.exec(hash);
  if (list) return { name: list[1] as Section & Route['name'] };
  const match = RECORD.exec(hash);
  if (!match) return { name: 'notFound' };

  return {
    name: recordRoutes[match[1] as keyof typeof recordRoutes],
    id: Number(match[2]),
  };
}

/** The administration's screens, refused to editors. */
export const adminScreens: ReadonlySet<Route['name']> = new Set<Route['name']>([
  'admin',
  'mergeRules',
  'feeds',
  'feedNew',
  'feed',
  'exportSettings',
  'senderAddresses',
  'departments',
  'users',
  'taxonomy',
  'auditLog',
]);

/**
 * The section a screen belongs to (the navigation marks it as current);
 * none for an address leading nowhere.
 */
export function sectionOf(route: Route): Section | null {
  if (route.name === 'notFound') return null;
  if (
    route.name === 'companies' ||
    route.name === 'company' ||
    route.name === 'companyNew' ||
    route.name === 'deletedCompanies'
  )
    return 'companies';
  if (route.name === 'duplicates' || route.name === 'duplicate')
    return 'duplicates';
  if (route.name === 'imports' || route.name === 'import') return 'imports';
  if (route.name === 'targeting' || route.name === 'savedQuery')
    return 'targeting';
  if (route.name === 'lists' || route.name === 'list') return 'lists';
  if (
    route.name === 'templates' ||
    route.name === 'template' ||
    route.name === 'templateNew'
  )
    return 'templates';
  if (adminScreens.has(route.name)) return 'admin';

  // The home screen is the contacts table, below the search box.
  return 'contacts';
}

/** The contacts table (also the home screen). */
export const contactsHref = '#/contacts';

/** The companies table. */
export const companiesHref = '#/companies';

/** The deleted contacts or companies, to find and restore. */
export function deletedHref(entity: 'contact' | 'company'): string {
  return entity === 'contact' ? '#/contacts/deleted' : '#/companies/deleted';
}

/** The link to a contact's card. */
export function contactHref(id: number): string {
  return `#/contacts/${id}`;
}

/** The link to a company's card. */
export function companyHref(id: number): string {
  return `#/companies/${id}`;
}

/** The form of a new contact. */
export const newContactHref = '#/contacts/new';

/** The form of a new company. */
export const newCompanyHref = '#/companies/new';

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

/** The e-mail templates, one template, or the form of a new one (`'new'`). */
export function templatesHref(templateId?: number | 'new'): string {
  return templateId === undefined ? '#/templates' : `#/templates/${templateId}`;
}

/** The sender addresses and who may use them. */
export const senderAddressesHref = '#/admin/senders';

/** The departments (services) of the staff. */
export const departmentsHref = '#/admin/departments';

/** The users and their departments. */
export const usersHref = '#/admin/users';

/** The taxonomy editor: domains, sub-domains, sectors, categories. */
export const taxonomyHref = '#/admin/taxonomy';

/** The audit log with its filters. */
export const auditLogHref = '#/admin/audit';

/** Opens a screen by its hash link (the browser keeps the history). */
export function navigate(href: string): void {
  window.location.hash = href;
}
