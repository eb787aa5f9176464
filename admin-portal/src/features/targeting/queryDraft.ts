/**
 * The query being built on screen: the API's tree of groups and criteria,
 * each node with a key of its own so React keeps focus and state on the
 * right row when rows are added, moved or removed. Pure functions, tested
 * without a DOM.
 */

/** A criterion row: a field, an operator, and a value suited to both. */
export type DraftCriterion = {
  kind: 'criterion';
  key: string;
  field: string;
  operator: string;
  value: unknown;
};

/** A group: its rows all (`and`) or any (`or`) true, or negated. */
export type DraftGroup = {
  kind: 'group';
  key: string;
  op: 'and' | 'or';
  not: boolean;
  items: DraftNode[];
};

export type DraftNode = DraftCriterion | DraftGroup;

let counter = 0;

/** A key unique in this tab. */
export function newKey(): string {
  counter += 1;

  return `n${counter}`;
}

/** An empty criterion on `field` with its first operator. */
export function newCriterion(
  field: string,
  operator: string,
  value: unknown = null,
): DraftCriterion {
  return { kind: 'criterion', key: newKey(), field, operator, value };
}

/** An empty group. */
export function newGroup(op: 'and' | 'or' = 'and'): DraftGroup {
  return { kind: 'group', key: newKey(), op, not: false, items: [] };
}

/** The tree with the node `key` replaced by `change(node)`. */
export function updateNode(
  root: DraftGroup,
  key: string,
  change: (node: DraftNode) => DraftNode,
): DraftGroup {
  if (root.key === key) return change(root) as DraftGroup;

  return {
    ...root,
    items: root.items.map((item) => {
      if (item.key === key) return change(item);

      return item.kind === 'group' ? updateNode(item, key, change) : item;
    }),
  };
}

/** The tree without the node `key` (the root itself is never removed). */
export function removeNode(root: DraftGroup, key: string): DraftGroup {
  return {
    ...root,
    items: root.items
      .filter((item) => item.key !== key)
      .map((item) => (item.kind === 'group' ? removeNode(item, key) : item)),
  };
}

/** The tree with `node` added at the end of the group `groupKey`. */
export function appendTo(
  root: DraftGroup,
  groupKey: string,
  node: DraftNode,
): DraftGroup {
  return updateNode(root, groupKey, (group) =>
    group.kind === 'group'
      ? { ...group, items: [...group.items, node] }
      : group,
  );
}

/** How many criteria the tree holds, at any depth. */
export function countCriteria(node: DraftNode): number {
  if (node.kind === 'criterion') return 1;

  return node.items.reduce((sum, item) => sum + countCriteria(item), 0);
}

/** Whether a value was given: not null, not blank, not an empty list. */
export function hasValue(value: unknown): boolean {
  if (value === null || value === undefined) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.length > 0;

  return true;
}
