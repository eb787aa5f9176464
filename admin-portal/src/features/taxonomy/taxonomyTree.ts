import type { TermDto, TermUsageDto } from 'core-api/client';

/** A term with the terms under it (a domain's sub-domains; none otherwise). */
export type TermNode = { term: TermDto; children: TermDto[] };

/**
 * The live terms of one kind as the editor shows them: top-level terms in
 * the API's order (position, then label), each with its sub-domains.
 */
export function treeOf(terms: TermDto[], kind: TermDto['kind']): TermNode[] {
  const ofKind = terms.filter((term) => term.kind === kind);

  return ofKind
    .filter((term) => term.parentId === null)
    .map((term) => ({
      term,
      children: ofKind.filter((child) => child.parentId === term.id),
    }));
}

/** The terms beside `term`: same kind, same parent, in order. */
export function siblingsOf(terms: TermDto[], term: TermDto): TermDto[] {
  return terms.filter(
    (other) => other.kind === term.kind && other.parentId === term.parentId,
  );
}

/**
 * The ids of a level once `id` moved `delta` places (-1 up, +1 down), or
 * null when it cannot go further that way.
 */
export function movedIds(
  ids: number[],
  id: number,
  delta: -1 | 1,
): number[] | null {
  const from = ids.indexOf(id);
  const to = from + delta;
  if (from < 0 || to < 0 || to >= ids.length) return null;
  const next = [...ids];
  next.splice(from, 1);
  next.splice(to, 0, id);

  return next;
}

/** No use at all: what a term nothing uses counts. */
const unused = {
  contacts: 0,
  companies: 0,
  contactsWithin: 0,
  companiesWithin: 0,
};

/** The usage of each term by id; terms nothing uses count zero. */
export function usageLookup(items: TermUsageDto[]) {
  const byId = new Map(items.map((item) => [item.termId, item]));

  return (id: number) => byId.get(id) ?? { termId: id, ...unused };
}
