/** A screen of the portal, read from the URL's hash. */
export type Route =
  | { name: 'home' }
  | { name: 'contact'; id: number }
  | { name: 'company'; id: number };

const CARD = /^#\/(contacts|companies)\/([1-9]\d{0,15})\/?$/;

/** Reads `#/contacts/12` or `#/companies/3`; anything else is the home screen. */
export function parseRoute(hash: string): Route {
  const match = CARD.exec(hash);
  if (!match) return { name: 'home' };
  const id = Number(match[2]);

  return match[1] === 'contacts'
    ? { name: 'contact', id }
    : { name: 'company', id };
}

/** The link to a contact's card. */
export function contactHref(id: number): string {
  return `#/contacts/${id}`;
}

/** The link to a company's card. */
export function companyHref(id: number): string {
  return `#/companies/${id}`;
}

/** Opens a screen by its hash link (the browser keeps the history). */
export function navigate(href: string): void {
  window.location.hash = href;
}
