import { z } from 'zod';
import { isoDate, pageOf } from '../common.schemas.ts';

export const auditEventDto = z.object({
  id: z.number().int(),
  occurredAt: z.string(),
  actorId: z.number().int().nullable(),
  actorLabel: z.string(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  parentId: z.number().int().nullable(),
  summary: z.string().nullable(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  requestId: z.string().nullable(),
});

export type AuditEventDto = z.infer<typeof auditEventDto>;

export const auditQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
  entityType: z.string().max(40).optional(),
  entityId: z.string().max(64).optional(),
  actorId: z.coerce.number().int().positive().optional(),
  action: z.string().max(40).optional(),
  parentId: z.coerce.number().int().positive().optional(),
  /** First day shown, in Europe/Paris (`YYYY-MM-DD`). */
  from: isoDate.optional(),
  /** Last day shown, included, in Europe/Paris. */
  to: isoDate.optional(),
});

/** The filters of the audit log, without its paging (the CSV export's query). */
export const auditFilterQuery = auditQuery.omit({ page: true, pageSize: true });

/** The values the log's filters can take: what was recorded so far. */
export const auditFacets = z.object({
  actions: z.array(z.string()),
  entityTypes: z.array(z.string()),
});

export type AuditFacets = z.infer<typeof auditFacets>;

export const auditPage = pageOf(auditEventDto);
export type AuditPage = z.infer<typeof auditPage>;
