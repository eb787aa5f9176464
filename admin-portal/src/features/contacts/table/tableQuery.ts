import type { QueryItem, TargetEntity, TargetQuery } from 'core-api/client';

/** The filters of the contacts table, as the person set them. */
export type ContactFilters = {
  /** Free text: each word begins a word of the record. */
  text: string;
  contactTypes: string[];
  /** Domains, sectors, categories (sub-domains included by the API). */
  termIds: number[];
  email: 'any' | 'yes' | 'no';
  departments: string[];
};

export const noFilters: ContactFilters = {
  text: '',
  contactTypes: [],
  termIds: [],
  email: 'any',
  departments: [],
};

/** How many filters besides the free text are set (the button's count). */
export function activeFilters(filters: ContactFilters): number {
  return (
    (filters.contactTypes.length > 0 ? 1 : 0) +
    (filters.termIds.length > 0 ? 1 : 0) +
    (filters.email !== 'any' ? 1 : 0) +
    (filters.departments.length > 0 ? 1 : 0)
  );
}

/** The free-text criterion, when something was typed. */
function textItems(text: string): QueryItem[] {
  const typed = text.trim().slice(0, 200);

  return typed ? [{ field: 'text', operator: 'contains', value: typed }] : [];
}

/**
 * The filters as a target query: the same model as the query builder, so
 * the table, its count, the export and the deletion read one definition.
 */
export function contactQuery(filters: ContactFilters): TargetQuery {
  const items: QueryItem[] = textItems(filters.text);
  if (filters.contactTypes.length > 0) {
    items.push({
      field: 'contactType',
      operator: 'in',
      value: filters.contactTypes,
    });
  }
  if (filters.termIds.length > 0) {
    items.push({ field: 'terms', operator: 'anyOf', value: filters.termIds });
  }
  if (filters.email !== 'any') {
    items.push({
      field: 'hasEmail',
      operator: 'is',
      value: filters.email === 'yes',
    });
  }
  if (filters.departments.length > 0) {
    items.push({
      field: 'department',
      operator: 'in',
      value: filters.departments,
    });
  }

  return { entity: 'contact', where: { op: 'and', items } };
}

/** A query of one entity filtered by free text only (the companies table). */
export function textQuery(entity: TargetEntity, text: string): TargetQuery {
  return { entity, where: { op: 'and', items: textItems(text) } };
}
