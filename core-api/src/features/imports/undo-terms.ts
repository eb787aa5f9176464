import { QueryTypes, type Transaction } from 'sequelize';
import type { Ctx } from '../../platform/context.ts';
import { termIdsNamed } from '../targeting/references.ts';
import type { TargetQuery } from '../targeting/query.schemas.ts';

/** Ids in slices small enough for every dialect's parameter limits. */
const slices = (ids: number[], size = 500): number[][] =>
  Array.from({ length: Math.ceil(ids.length / size) }, (_, index) =>
    ids.slice(index * size, (index + 1) * size),
  );

/**
 * Which of some terms a live record uses now: a contact's or a company's
 * classification, a company's sector, or a saved query's criterion.
 */
async function termsInUse(
  ctx: Ctx,
  ids: number[],
  transaction: Transaction,
): Promise<Set<number>> {
  const { sequelize } = ctx.db;
  const used = new Set<number>();
  const statements = [
    'SELECT DISTINCT t.term_id AS id FROM contact_terms t JOIN contacts c ' +
      'ON c.id = t.contact_id WHERE c.deleted_at IS NULL AND t.term_id IN (:ids)',
    'SELECT DISTINCT t.term_id AS id FROM company_terms t JOIN companies c ' +
      'ON c.id = t.company_id WHERE c.deleted_at IS NULL AND t.term_id IN (:ids)',
    'SELECT DISTINCT sector_id AS id FROM companies ' +
      'WHERE deleted_at IS NULL AND sector_id IN (:ids)',
  ];
  for (const slice of slices(ids)) {
    for (const sql of statements) {
      const rows = await sequelize.query<{ id: number }>(sql, {
        type: QueryTypes.SELECT,
        replacements: { ids: slice },
        transaction,
      });
      for (const row of rows) used.add(Number(row.id));
    }
  }
  const saved = await sequelize.query<{ entity: string; definition: string }>(
    'SELECT entity, definition FROM saved_queries WHERE deleted_at IS NULL',
    { type: QueryTypes.SELECT, transaction },
  );
  const wanted = new Set(ids);
  for (const { entity, definition } of saved) {
    let named: number[];
    try {
      const query = JSON.parse(definition) as TargetQuery;
      named = termIdsNamed({ ...query, entity: query.entity ?? entity });
    } catch {
      // A definition no longer readable names nothing a query could run on.
      continue;
    }
    for (const id of named) if (wanted.has(id)) used.add(id);
  }

  return used;
}

/**
 * Takes back the taxonomy terms an import created, once its contacts are
 * gone: a term no live record uses now is deleted (softly, as the terms
 * screen deletes, so an administrator can restore it); one that something
 * else uses (a contact typed in since, a saved query) is kept, and so is a
 * domain whose kept sub-domain hangs from it. Says which went and which stay.
 *
 * @param ids the terms the import created
 */
export async function removeUnusedTerms(
  ctx: Ctx,
  ids: number[],
  transaction: Transaction,
): Promise<{ removed: number[]; kept: { id: number; label: string }[] }> {
  if (ids.length === 0) return { removed: [], kept: [] };
  const { Term } = ctx.db.models;
  const created = await Term.findAll({
    where: { id: ids },
    attributes: ['id', 'label', 'parentId'],
    transaction,
  });
  const used = await termsInUse(ctx, ids, transaction);
  const children = await Term.findAll({
    where: { parentId: ids },
    attributes: ['id', 'parentId'],
    transaction,
  });
  const kept = new Set(created.filter((t) => used.has(t.id)).map((t) => t.id));
  // A sub-domain that stays (used, or not the import's) keeps its domain.
  for (const child of children) {
    const own = created.some((term) => term.id === child.id);
    if ((!own || kept.has(child.id)) && child.parentId !== null)
      kept.add(child.parentId);
  }
  const removed = created.filter((term) => !kept.has(term.id));
  for (const slice of slices(removed.map((term) => term.id)))
    await Term.destroy({ where: { id: slice }, transaction });

  return {
    removed: removed.map((term) => term.id),
    kept: created
      .filter((term) => kept.has(term.id))
      .map((term) => ({ id: term.id, label: term.label })),
  };
}
