import type { TargetQuery } from 'core-api/client';

/**
 * What a table has selected: rows picked one by one (or by ranges), or
 * every row matching the filters less those unticked since.
 */
export type Selection =
  | { mode: 'ids'; ids: ReadonlySet<number> }
  | { mode: 'all'; except: ReadonlySet<number> };

export const noSelection: Selection = { mode: 'ids', ids: new Set() };

/** The most contacts one action takes (an export's limit). */
export const selectionLimit = 100_000;

export function isSelected(selection: Selection, id: number): boolean {
  return selection.mode === 'ids'
    ? selection.ids.has(id)
    : !selection.except.has(id);
}

/** The selection with the given rows ticked (`on`) or unticked. */
export function withRows(
  selection: Selection,
  ids: readonly number[],
  on: boolean,
): Selection {
  if (selection.mode === 'ids') {
    const next = new Set(selection.ids);
    for (const id of ids) {
      if (on) next.add(id);
      else next.delete(id);
    }
    return { mode: 'ids', ids: next };
  }
  const except = new Set(selection.except);
  for (const id of ids) {
    if (on) except.delete(id);
    else except.add(id);
  }

  return { mode: 'all', except };
}

/** The selection with one row switched. */
export function toggled(selection: Selection, id: number): Selection {
  return withRows(selection, [id], !isSelected(selection, id));
}

/** Every row matching the filters. */
export function everything(): Selection {
  return { mode: 'all', except: new Set() };
}

/** How many rows are selected, out of the `total` matching. */
export function selectedCount(selection: Selection, total: number): number {
  return selection.mode === 'ids'
    ? selection.ids.size
    : Math.max(0, total - selection.except.size);
}

/**
 * The selection as a target query: the chosen ids, or the filters' query
 * less the rows unticked, so the server acts on exactly what was seen.
 */
export function selectionQuery(
  selection: Selection,
  filters: TargetQuery,
): TargetQuery {
  if (selection.mode === 'ids') {
    return {
      entity: filters.entity,
      where: {
        op: 'and',
        items: [{ field: 'id', operator: 'in', value: [...selection.ids] }],
      },
    };
  }
  if (selection.except.size === 0) return filters;

  return {
    entity: filters.entity,
    where: {
      op: 'and',
      items: [
        filters.where,
        { field: 'id', operator: 'notIn', value: [...selection.except] },
      ],
    },
  };
}
