import { QueryTypes } from 'sequelize';
import type { Ctx } from '../../platform/context.ts';
import { AppError, type FieldProblem } from '../../platform/http/errors.ts';
import { fieldSpec } from './query-fields.ts';
import { isGroup, type QueryGroup, type TargetQuery } from './query.schemas.ts';

/** A criterion naming lists or taxonomy terms, and where it sits in the query. */
type Reference = {
  source: 'lists' | 'taxonomy';
  ids: number[];
  path: string;
};

function references(query: TargetQuery): Reference[] {
  const found: Reference[] = [];
  const walk = (group: QueryGroup, path: string) => {
    group.items.forEach((item, index) => {
      const itemPath = `${path}.items.${index}`;
      if (isGroup(item)) return walk(item, itemPath);
      const source = fieldSpec(query.entity, item.field)?.source;
      if (
        (source === 'lists' || source === 'taxonomy') &&
        Array.isArray(item.value)
      ) {
        found.push({
          source,
          ids: item.value.map(Number),
          path: `${itemPath}.value`,
        });
      }
    });
  };
  walk(query.where, 'where');

  return found;
}

/** The taxonomy term ids a query names, sub-domains aside. */
export function termIdsNamed(query: TargetQuery): number[] {
  return references(query)
    .filter((reference) => reference.source === 'taxonomy')
    .flatMap((reference) => reference.ids);
}

const wording = {
  lists: ['liste', 'list', 'introuvable ou supprimée'],
  taxonomy: ['terme', 'term', 'introuvable ou supprimé'],
} as const;

/**
 * Refuses a query naming a list or a taxonomy term that does not exist (or
 * no more): `notIn`/`noneOf` would otherwise match everyone, `in` nobody,
 * without a word. A list of companies in a contact query (or the reverse) is
 * refused too. One 400 names every such criterion by its path.
 */
export async function checkReferences(
  ctx: Ctx,
  query: TargetQuery,
): Promise<void> {
  const named = references(query);
  if (named.length === 0) return;
  const read = async (sql: string, ids: number[]) =>
    ids.length === 0
      ? []
      : ctx.db.sequelize.query<{ id: number; entity?: string }>(sql, {
          type: QueryTypes.SELECT,
          replacements: { ids },
          transaction: ctx.transaction,
        });
  const idsOf = (source: Reference['source']) => [
    ...new Set(
      named.filter((ref) => ref.source === source).flatMap((ref) => ref.ids),
    ),
  ];
  const [lists, terms] = await Promise.all([
    read(
      'SELECT id, entity FROM lists WHERE id IN (:ids) AND deleted_at IS NULL',
      idsOf('lists'),
    ),
    read(
      'SELECT id FROM taxonomy_terms WHERE id IN (:ids) AND deleted_at IS NULL',
      idsOf('taxonomy'),
    ),
  ]);
  const listEntity = new Map(lists.map((row) => [Number(row.id), row.entity]));
  const termIds = new Set(terms.map((row) => Number(row.id)));

  const fields: FieldProblem[] = [];
  for (const { source, ids, path } of named) {
    const [fr, en, gone] = wording[source];
    const known = source === 'lists' ? listEntity : termIds;
    for (const id of ids.filter((id) => !known.has(id))) {
      fields.push({
        path,
        message: `${fr} ${id} ${gone} / ${en} ${id} unknown or deleted`,
      });
    }
    if (source !== 'lists') continue;
    for (const id of ids.filter((id) => listEntity.has(id))) {
      if (listEntity.get(id) === query.entity) continue;
      fields.push({
        path,
        message:
          query.entity === 'contact'
            ? `la liste ${id} contient des sociétés, pas des contacts / ` +
              `list ${id} holds companies, not contacts`
            : `la liste ${id} contient des contacts, pas des sociétés / ` +
              `list ${id} holds contacts, not companies`,
      });
    }
  }
  if (fields.length > 0) throw new AppError('VALIDATION_FAILED', { fields });
}
