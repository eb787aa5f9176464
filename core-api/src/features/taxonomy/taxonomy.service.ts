import { Op, type Transaction } from 'sequelize';
import type { z } from 'zod';
import { isAdmin, type Ctx } from '../../platform/context.ts';
import type { TermRow } from '../../platform/db/models.ts';
import {
  AppError,
  forbidden,
  notFound,
  versionConflict,
} from '../../platform/http/errors.ts';
import { fold } from '../../platform/text/fold.ts';
import { recordAudit } from '../audit/audit.service.ts';
import type {
  TermDto,
  TermKind,
  termInput,
  termListQuery,
  termUpdate,
} from './taxonomy.schemas.ts';

export function presentTerm(term: TermRow): TermDto {
  return {
    id: term.id,
    kind: term.kind,
    label: term.label,
    labelEn: term.labelEn,
    parentId: term.parentId,
    position: term.position,
    version: term.version,
    deletedAt: term.deletedAt ? term.deletedAt.toISOString() : null,
  };
}

/** Only administrators change the taxonomy (R4); everyone reads it. */
function requireAdmin(ctx: Ctx): void {
  if (!isAdmin(ctx.actor)) throw forbidden();
}

/**
 * Checks where a term may hang: only domains have sub-domains, one level
 * deep is enough for the client's lists, and a term is never its own parent.
 */
async function checkParent(
  ctx: Ctx,
  kind: TermKind,
  parentId: number | null | undefined,
  selfId: number | null,
  transaction: Transaction,
): Promise<void> {
  if (!parentId) return;
  const parent = await ctx.db.models.Term.findByPk(parentId, { transaction });
  const problem = !parent
    ? 'parent inconnu / unknown parent'
    : kind !== 'domain' || parent.kind !== 'domain'
      ? 'seuls les domaines ont des sous-domaines / only domains have sub-domains'
      : parent.parentId
        ? 'un sous-domaine ne peut avoir de sous-domaine / a sub-domain cannot have one'
        : parent.id === selfId
          ? 'un terme ne peut être son propre parent / a term cannot be its own parent'
          : null;
  if (problem)
    throw new AppError('VALIDATION_FAILED', {
      fields: [{ path: 'parentId', message: problem }],
    });
  // Moving a domain under another would push its own sub-domains a level
  // deeper than the taxonomy has.
  if (selfId !== null) {
    const children = await ctx.db.models.Term.count({
      where: { parentId: selfId },
      transaction,
    });
    if (children > 0)
      throw new AppError('VALIDATION_FAILED', {
        fields: [
          {
            path: 'parentId',
            message:
              'ce domaine a des sous-domaines / this domain has sub-domains',
          },
        ],
      });
  }
}

async function checkUnique(
  ctx: Ctx,
  kind: TermKind,
  label: string,
  parentId: number | null,
  selfId: number | null,
  transaction: Transaction,
): Promise<void> {
  const siblings = await ctx.db.models.Term.findAll({
    where: { kind, parentId },
    transaction,
  });
  const clash = siblings.find(
    (term) => term.id !== selfId && fold(term.label) === fold(label),
  );
  if (clash) {
    throw new AppError('CONFLICT', {
      fields: [
        {
          path: 'label',
          message:
            'ce libellé existe déjà ici / this label already exists here',
        },
      ],
    });
  }
}

export async function listTerms(
  ctx: Ctx,
  query: z.output<typeof termListQuery>,
): Promise<TermDto[]> {
  const onlyDeleted = query.deleted === 'only';
  const terms = await ctx.db.models.Term.findAll({
    where: {
      ...(query.kind ? { kind: query.kind } : {}),
      ...(onlyDeleted ? { deletedAt: { [Op.ne]: null } } : {}),
    },
    paranoid: !onlyDeleted,
    order: [
      ['kind', 'ASC'],
      ['position', 'ASC'],
      ['label', 'ASC'],
    ],
  });

  return terms.map(presentTerm);
}

export async function createTerm(
  ctx: Ctx,
  input: z.output<typeof termInput>,
): Promise<TermDto> {
  requireAdmin(ctx);

  return ctx.db.sequelize.transaction(async (transaction) => {
    await checkParent(ctx, input.kind, input.parentId, null, transaction);
    await checkUnique(
      ctx,
      input.kind,
      input.label,
      input.parentId ?? null,
      null,
      transaction,
    );
    const term = await ctx.db.models.Term.create(
      {
        kind: input.kind,
        label: input.label,
        labelEn: input.labelEn ?? null,
        parentId: input.parentId ?? null,
        position: input.position,
      },
      { transaction },
    );
    const dto = presentTerm(term);
    await recordAudit(
      ctx,
      { action: 'create', entityType: 'term', entityId: term.id, after: dto },
      transaction,
    );

    return dto;
  });
}

export async function updateTerm(
  ctx: Ctx,
  id: number,
  input: z.output<typeof termUpdate>,
): Promise<TermDto> {
  requireAdmin(ctx);

  return ctx.db.sequelize.transaction(async (transaction) => {
    const term = await ctx.db.models.Term.findByPk(id, { transaction });
    if (!term) throw notFound('Terme', id);
    if (term.version !== input.version) throw versionConflict(term.version);
    await checkParent(ctx, term.kind, input.parentId, id, transaction);
    await checkUnique(
      ctx,
      term.kind,
      input.label,
      input.parentId ?? null,
      id,
      transaction,
    );

    const before = presentTerm(term);
    const [count] = await ctx.db.models.Term.update(
      {
        label: input.label,
        labelEn: input.labelEn ?? null,
        parentId: input.parentId ?? null,
        position: input.position,
        version: input.version + 1,
      },
      { where: { id, version: input.version }, transaction },
    );
    if (count === 0) throw versionConflict(input.version + 1);
    await term.reload({ transaction });
    const after = presentTerm(term);
    await recordAudit(
      ctx,
      { action: 'update', entityType: 'term', entityId: id, before, after },
      transaction,
    );

    return after;
  });
}

/**
 * Soft-deletes a term and its sub-domains, all at one instant: restoring
 * the domain brings back the sub-domains that went with it, not those
 * deleted before. Contacts keep the link until it is restored or purged.
 */
export async function deleteTerm(ctx: Ctx, id: number): Promise<void> {
  requireAdmin(ctx);
  await ctx.db.sequelize.transaction(async (transaction) => {
    const term = await ctx.db.models.Term.findByPk(id, { transaction });
    if (!term) throw notFound('Terme', id);
    const children = await ctx.db.models.Term.findAll({
      where: { parentId: id },
      transaction,
    });
    const doomed = [...children, term];
    await ctx.db.models.Term.update(
      { deletedAt: new Date() },
      { where: { id: doomed.map((one) => one.id) }, transaction },
    );
    for (const gone of doomed) {
      const before = presentTerm(gone);
      await recordAudit(
        ctx,
        { action: 'delete', entityType: 'term', entityId: gone.id, before },
        transaction,
      );
    }
  });
}

/**
 * Brings a deleted term back with the sub-domains deleted with it. A
 * sub-domain waits for its domain; a label taken since by a live sibling
 * is refused, as creating it again would be.
 */
export async function restoreTerm(ctx: Ctx, id: number): Promise<TermDto> {
  requireAdmin(ctx);

  return ctx.db.sequelize.transaction(async (transaction) => {
    const { Term } = ctx.db.models;
    const term = await Term.findByPk(id, { transaction, paranoid: false });
    if (!term) throw notFound('Terme', id);
    if (!term.deletedAt) return presentTerm(term);
    if (term.parentId) {
      const parent = await Term.findByPk(term.parentId, { transaction });
      if (!parent) {
        throw new AppError('CONFLICT', {
          fr: 'Restaurez d’abord le domaine de ce sous-domaine.',
          en: 'Restore the domain of this sub-domain first.',
        });
      }
    }
    const deletedWith = await Term.findAll({
      where: { parentId: id, deletedAt: term.deletedAt },
      paranoid: false,
      transaction,
    });
    for (const back of [term, ...deletedWith]) {
      await checkUnique(
        ctx,
        back.kind,
        back.label,
        back.parentId,
        back.id,
        transaction,
      );
      await back.restore({ transaction });
      await recordAudit(
        ctx,
        {
          action: 'restore',
          entityType: 'term',
          entityId: back.id,
          after: presentTerm(back),
        },
        transaction,
      );
    }

    return presentTerm(term);
  });
}

/**
 * Finds terms by label path (`['Culture', 'Musique']`), creating missing ones
 * when the actor is an administrator. Used by imports.
 *
 * @param created receives the ids of the terms created, so an import's
 *   undo can take them back
 * @returns the id of the deepest term of each path, or null where the actor
 *   may not create it
 */
export async function resolveTermPaths(
  ctx: Ctx,
  paths: { kind: TermKind; path: string[] }[],
  transaction: Transaction,
  cache: Map<string, number>,
  created?: number[],
): Promise<(number | null)[]> {
  const { Term } = ctx.db.models;
  if (cache.size === 0) {
    const all = await Term.findAll({ transaction });
    const byId = new Map(all.map((term) => [term.id, term]));
    for (const term of all) {
      const parent = term.parentId ? byId.get(term.parentId) : undefined;
      const key = [
        term.kind,
        ...(parent ? [fold(parent.label)] : []),
        fold(term.label),
      ].join('>');
      cache.set(key, term.id);
    }
  }

  const result: (number | null)[] = [];
  for (const { kind, path } of paths) {
    let parentId: number | null = null;
    let key: string = kind;
    for (const label of path.slice(0, kind === 'domain' ? 2 : 1)) {
      key = `${key}>${fold(label)}`;
      let id = cache.get(key);
      if (id === undefined) {
        if (!isAdmin(ctx.actor)) {
          parentId = null;
          break;
        }
        const term: TermRow = await Term.create(
          { kind, label: label.slice(0, 200), labelEn: null, parentId },
          { transaction },
        );
        await recordAudit(
          ctx,
          {
            action: 'create',
            entityType: 'term',
            entityId: term.id,
            after: presentTerm(term),
          },
          transaction,
        );
        id = term.id;
        cache.set(key, id);
        created?.push(id);
      }
      parentId = id;
    }
    result.push(parentId);
  }

  return result;
}
