import type { ContactInput } from '../../contacts/contacts.schemas.ts';

/** Where a taxonomy value read from a file belongs. */
export type ImportedTermKind = 'domain' | 'sector' | 'category';

/**
 * A taxonomy value as written in a file, before it is matched to a term id:
 * `Culture > Musique` becomes `{ kind: 'domain', path: ['Culture', 'Musique'] }`.
 */
export type ImportedTerm = { kind: ImportedTermKind; path: string[] };

/**
 * One contact as a reader found it: the contact schema's input, with terms
 * still written as labels (the import service resolves them to ids) and the
 * identifier the source file gave the record, if any.
 */
export type ImportedContact = Omit<ContactInput, 'termIds'> & {
  terms?: ImportedTerm[];
  externalId?: string;
};
