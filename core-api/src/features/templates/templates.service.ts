import {
  col,
  fn,
  Op,
  where,
  type Transaction,
  type WhereOptions,
} from 'sequelize';
import { isAdmin, type Ctx } from '../../platform/context.ts';
import type { EmailTemplateRow } from '../../platform/db/models.ts';
import { updateVersioned } from '../../platform/db/versioned.ts';
import {
  AppError,
  forbidden,
  notFound,
  type FieldProblem,
} from '../../platform/http/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { sanitizeHtml } from './html-sanitizer.ts';
import { unknownFields, usedFields } from './template-merge.ts';
import type {
  EmailTemplateDto,
  EmailTemplateSummary,
  emailTemplateInput,
  emailTemplateListQuery,
} from './templates.schemas.ts';
import type { z } from 'zod';

const what = 'Modèle d’e-mail / email template';

type Input = z.output<typeof emailTemplateInput>;

/** The owner and administrators change a template. */
export function canEditTemplate(ctx: Ctx, row: EmailTemplateRow): boolean {
  return isAdmin(ctx.actor) || row.ownerId === ctx.actor.id;
}

/** Shared templates are everyone's to use; private ones their owner's (and administrators'). */
function canUse(ctx: Ctx, row: EmailTemplateRow): boolean {
  return row.shared || canEditTemplate(ctx, row);
}

/**
 * A template the caller may use. Someone else's private template answers
 * "not found", as if it did not exist: its name is nobody else's business.
 */
export async function usableTemplate(
  ctx: Ctx,
  id: number,
  transaction?: Transaction,
): Promise<EmailTemplateRow> {
  const row = await ctx.db.models.EmailTemplate.findByPk(id, { transaction });
  if (!row || !canUse(ctx, row)) throw notFound(what, id);

  return row;
}

type People = Map<number, { id: number; displayName: string }>;

async function peopleOf(ctx: Ctx, rows: EmailTemplateRow[]): Promise<People> {
  const ids = new Set<number>();
  for (const row of rows) {
    for (const id of [row.ownerId, row.createdById, row.updatedById])
      if (id !== null) ids.add(id);
  }
  if (ids.size === 0) return new Map();
  const users = await ctx.db.models.User.findAll({
    where: { id: [...ids] },
    attributes: ['id', 'displayName'],
  });

  return new Map(
    users.map((user) => [
      user.id,
      { id: user.id, displayName: user.displayName },
    ]),
  );
}

function summaryOf(
  ctx: Ctx,
  row: EmailTemplateRow,
  people: People,
): EmailTemplateSummary {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    subject: row.subject,
    language: row.language,
    shared: row.shared,
    owner: people.get(row.ownerId) ?? null,
    canEdit: canEditTemplate(ctx, row),
    fields: usedFields(
      `${row.subject}\n${row.bodyHtml}\n${row.bodyText ?? ''}`,
    ),
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

async function present(
  ctx: Ctx,
  row: EmailTemplateRow,
): Promise<EmailTemplateDto> {
  const people = await peopleOf(ctx, [row]);
  const person = (id: number | null) =>
    id === null ? null : (people.get(id) ?? null);

  return {
    ...summaryOf(ctx, row, people),
    html: row.bodyHtml,
    text: row.bodyText,
    createdBy: person(row.createdById),
    updatedBy: person(row.updatedById),
  };
}

/** What the audit trail keeps of a template (bodies by size only). */
function auditView(row: EmailTemplateRow) {
  return {
    name: row.name,
    subject: row.subject,
    language: row.language,
    shared: row.shared,
    ownerId: row.ownerId,
    htmlLength: row.bodyHtml.length,
    textLength: row.bodyText?.length ?? null,
  };
}

/** The unknown merge fields of each part, named, as field problems. */
export function fieldProblems(parts: Record<string, string>): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const [path, text] of Object.entries(parts)) {
    const unknown = unknownFields(text);
    if (unknown.length === 0) continue;
    const fr = unknown.map((name) => `« ${name} »`).join(', ');
    const en = unknown.map((name) => `"${name}"`).join(', ');
    problems.push({
      path,
      message: `champ de fusion inconnu ${fr} / unknown merge field ${en}`,
    });
  }

  return problems;
}

/** Refuses unknown merge fields, naming each part and field. */
export function refuseUnknownFields(parts: Record<string, string>): void {
  const problems = fieldProblems(parts);
  if (problems.length === 0) return;
  const names = [
    ...new Set(Object.values(parts).flatMap((text) => unknownFields(text))),
  ];
  throw new AppError('VALIDATION_FAILED', {
    fr: `Champ de fusion inconnu : ${names.map((n) => `{{${n}}}`).join(', ')}.`,
    en: `Unknown merge field: ${names.map((n) => `{{${n}}}`).join(', ')}.`,
    fields: problems,
  });
}

/** The stored form of a template: checked fields, cleaned HTML. */
function contentOf(input: Input) {
  const html = sanitizeHtml(input.html).html;
  const text = input.text?.trim() ? input.text : null;
  refuseUnknownFields({
    subject: input.subject,
    html,
    ...(text ? { text } : {}),
  });
  if (!/\S/.test(html.replace(/<(?!img\b)[^>]*>/g, ''))) {
    throw new AppError('VALIDATION_FAILED', {
      fields: [
        {
          path: 'html',
          message:
            'vide une fois nettoyé (seuls des éléments non autorisés) / ' +
            'empty once cleaned (only elements that are not allowed)',
        },
      ],
    });
  }

  return {
    name: input.name,
    description: input.description?.trim() || null,
    subject: input.subject,
    bodyHtml: html,
    bodyText: text,
    language: input.language,
    shared: input.shared,
  };
}

/** Templates the caller may use (shared ones and their own), by name. */
export async function listTemplates(
  ctx: Ctx,
  query: z.output<typeof emailTemplateListQuery>,
): Promise<{ items: EmailTemplateSummary[] }> {
  if (query.scope === 'all' && !isAdmin(ctx.actor)) throw forbidden();
  const conditions: WhereOptions<EmailTemplateRow>[] = [];
  if (query.scope === 'usable') {
    conditions.push({
      [Op.or]: [{ shared: true }, { ownerId: ctx.actor.id ?? -1 }],
    });
  }
  // Case-insensitive on every dialect (PostgreSQL's LIKE is not).
  if (query.q) {
    conditions.push(
      where(fn('lower', col('name')), {
        [Op.like]: `%${query.q.toLowerCase().replace(/[%_\\[]/g, '')}%`,
      }),
    );
  }
  const rows = await ctx.db.models.EmailTemplate.findAll({
    where: { [Op.and]: conditions },
    order: [
      ['name', 'ASC'],
      ['id', 'ASC'],
    ],
  });
  const people = await peopleOf(ctx, rows);

  return { items: rows.map((row) => summaryOf(ctx, row, people)) };
}

export async function getTemplate(
  ctx: Ctx,
  id: number,
): Promise<EmailTemplateDto> {
  return present(ctx, await usableTemplate(ctx, id));
}

/** Saves a new template; its creator owns it. */
export async function createTemplate(
  ctx: Ctx,
  input: Input,
): Promise<EmailTemplateDto> {
  if (ctx.actor.id === null) throw forbidden();
  const ownerId = ctx.actor.id;
  const content = contentOf(input);
  const row = await ctx.db.sequelize.transaction(async (transaction) => {
    const created = await ctx.db.models.EmailTemplate.create(
      { ...content, ownerId, createdById: ownerId, updatedById: ownerId },
      { transaction },
    );
    await recordAudit(
      ctx,
      {
        action: 'create',
        entityType: 'email_template',
        entityId: created.id,
        summary: created.name,
        after: auditView(created),
      },
      transaction,
    );

    return created;
  });
  ctx.log.info({ templateId: row.id }, 'template.created');

  return present(ctx, row);
}

/** Replaces a template, given the version read; its owner or an administrator. */
export async function updateTemplate(
  ctx: Ctx,
  id: number,
  input: Input & { version: number },
): Promise<EmailTemplateDto> {
  const content = contentOf(input);
  const row = await ctx.db.sequelize.transaction(async (transaction) => {
    const current = await usableTemplate(ctx, id, transaction);
    if (!canEditTemplate(ctx, current)) throw forbidden();
    const before = auditView(current);
    await updateVersioned(
      ctx.db.models.EmailTemplate,
      { id, read: input.version, found: current.version },
      { ...content, updatedById: ctx.actor.id },
      transaction,
    );
    const updated = await usableTemplate(ctx, id, transaction);
    await recordAudit(
      ctx,
      {
        action: 'update',
        entityType: 'email_template',
        entityId: id,
        summary: updated.name,
        before,
        after: auditView(updated),
      },
      transaction,
    );

    return updated;
  });

  return present(ctx, row);
}

/** Deletes a template (kept, soft-deleted, for the audit trail). */
export async function deleteTemplate(ctx: Ctx, id: number): Promise<void> {
  await ctx.db.sequelize.transaction(async (transaction) => {
    const row = await usableTemplate(ctx, id, transaction);
    if (!canEditTemplate(ctx, row)) throw forbidden();
    await row.destroy({ transaction });
    await recordAudit(
      ctx,
      {
        action: 'delete',
        entityType: 'email_template',
        entityId: id,
        summary: row.name,
        before: auditView(row),
      },
      transaction,
    );
  });
  ctx.log.info({ templateId: id }, 'template.deleted');
}
