import { z } from 'zod';
import { emailAddress, pageOf, singleLine } from '../common.schemas.ts';
import { contactSummary } from '../contacts/contacts.schemas.ts';
import { targetQuery } from '../targeting/query.schemas.ts';

/** What a list holds: contacts or companies, never both. */
export const listEntities = ['contact', 'company'] as const;
export type ListEntity = (typeof listEntities)[number];

export const requestStatuses = [
  'pending',
  'approved',
  'rejected',
  'withdrawn',
] as const;
export type RequestStatus = (typeof requestStatuses)[number];

/**
 * What approving a request did: `applied`, or why nothing was left to do
 * (the member was already there or already gone, or was deleted meanwhile);
 * `merged` when a contact merge folded it into an identical request.
 */
export const requestOutcomes = [
  'applied',
  'already_member',
  'not_member',
  'member_deleted',
  'merged',
] as const;
export type RequestOutcome = (typeof requestOutcomes)[number];

const ids = z
  .array(z.number().int().positive().max(2_147_483_647))
  .min(1, { message: 'au moins un identifiant / at least one id' })
  .max(10_000, { message: '10 000 au plus / 10,000 at most' });

const note = z.string().trim().max(1000).optional();

/** Where a new list's members come from. */
export const listSource = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('empty') }),
  z.object({ kind: z.literal('ids'), ids }),
  z.object({ kind: z.literal('query'), query: targetQuery }),
  z.object({
    kind: z.literal('savedQuery'),
    savedQueryId: z.number().int().positive(),
  }),
]);

export const listInput = z.object({
  name: singleLine().min(1).max(200),
  description: z.string().trim().max(4000).nullish(),
  entity: z.enum(listEntities).default('contact'),
  source: listSource.default({ kind: 'empty' }),
});
export type ListInput = z.input<typeof listInput>;

export const listUpdate = z.object({
  name: singleLine().min(1).max(200),
  description: z.string().trim().max(4000).nullish(),
  version: z.number().int().positive(),
});
export type ListUpdate = z.input<typeof listUpdate>;

const userRef = z.object({ id: z.number().int(), displayName: z.string() });

export const listDto = z.object({
  id: z.number().int(),
  name: z.string(),
  description: z.string().nullable(),
  entity: z.enum(listEntities),
  owner: userRef,
  /** The query the list was built from, as it was then. */
  sourceDefinition: z.unknown().nullable(),
  memberCount: z.number().int(),
  pendingCount: z.number().int(),
  /** What the caller may do: change it directly, or only propose. */
  canManage: z.boolean(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ListDto = z.infer<typeof listDto>;

export const listQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
  entity: z.enum(listEntities).optional(),
  /** `me`: my lists only. */
  owner: z.enum(['me', 'all']).default('all'),
  q: z.string().trim().max(200).optional(),
});
export const listPage = pageOf(listDto);
export type ListPage = z.infer<typeof listPage>;

const membership = {
  addedAt: z.string(),
  /** Who added the member, or proposed it when a request brought it. */
  addedBy: userRef.nullable(),
  /** Who approved that request; null when the member was added directly. */
  approvedBy: userRef.nullable(),
};

export const contactMember = contactSummary.extend(membership);
export const companyMember = z.object({
  id: z.number().int(),
  name: z.string(),
  companyType: z.string().nullable(),
  city: z.string().nullable(),
  email: z.string().nullable(),
  ...membership,
});
export type ContactMember = z.infer<typeof contactMember>;
export type CompanyMember = z.infer<typeof companyMember>;

export const memberQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export const memberPage = z.object({
  entity: z.enum(listEntities),
  items: z.array(z.union([contactMember, companyMember])),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type MemberPage = z.infer<typeof memberPage>;

/**
 * Members to add or remove: contact ids or company ids, as the list holds;
 * `entity` says which, so that ids of the other kind are refused.
 */
export const memberChange = z.object({
  entity: z.enum(listEntities),
  ids,
  note,
});
export type MemberChange = z.input<typeof memberChange>;

export const requestDto = z.object({
  id: z.number().int(),
  listId: z.number().int(),
  listName: z.string(),
  action: z.enum(['add', 'remove']),
  entity: z.enum(listEntities),
  memberId: z.number().int(),
  /** The contact's or company's name, as it reads now. */
  memberLabel: z.string(),
  proposedBy: userRef,
  proposedAt: z.string(),
  note: z.string().nullable(),
  status: z.enum(requestStatuses),
  outcome: z.enum(requestOutcomes).nullable(),
  decidedBy: userRef.nullable(),
  /** The owner an administrator decided for, when one did. */
  decidedFor: userRef.nullable(),
  decidedAt: z.string().nullable(),
  decisionNote: z.string().nullable(),
});
export type RequestDto = z.infer<typeof requestDto>;
export const requestPage = pageOf(requestDto);
export type RequestPage = z.infer<typeof requestPage>;

export const requestQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
  status: z.enum([...requestStatuses, 'all']).default('pending'),
});

export const pendingQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
  /** Administrators: every owner's pending requests, not only theirs. */
  scope: z.enum(['mine', 'all']).default('mine'),
});

/**
 * What a change of members did: applied at once (the owner, or an
 * administrator for the owner), or turned into requests awaiting the owner.
 * Ids with nothing to do are named, never silently dropped.
 */
export const changeReport = z.object({
  mode: z.enum(['applied', 'requested']),
  applied: z.array(z.number().int()),
  requests: z.array(z.number().int()),
  alreadyMember: z.array(z.number().int()),
  notMember: z.array(z.number().int()),
  /** A request for the same change was already waiting: that one stands. */
  alreadyPending: z.array(z.number().int()),
});
export type ChangeReport = z.infer<typeof changeReport>;

export const decisionInput = z.object({ note });
/** Several requests of a list at once: the ids given, or every pending one. */
export const bulkDecisionInput = z.object({
  requestIds: z.array(z.number().int().positive()).max(10_000).optional(),
  note,
});
export const decisionReport = z.object({
  decided: z.array(requestDto),
  /** Requests named but no longer pending (decided or withdrawn meanwhile). */
  skipped: z.array(z.number().int()),
});
export type DecisionReport = z.infer<typeof decisionReport>;

export const handOverInput = z
  .object({
    toUserId: z.number().int().positive().optional(),
    toEmail: emailAddress.optional(),
    note,
  })
  .refine((value) => (value.toUserId ?? value.toEmail) !== undefined, {
    message: 'toUserId ou toEmail requis / toUserId or toEmail required',
    path: ['toUserId'],
  });
export type HandOverInput = z.input<typeof handOverInput>;

export const listEventActions = [
  'created',
  'updated',
  'deleted',
  'members_added',
  'members_removed',
  'request_created',
  'request_approved',
  'request_rejected',
  'request_withdrawn',
  'handed_over',
  'merge_moved',
  'merge_undone',
] as const;

export const listEventDto = z.object({
  id: z.number().int(),
  occurredAt: z.string(),
  action: z.enum(listEventActions),
  actor: userRef.nullable(),
  /** The owner an administrator acted for, when one did. */
  actingFor: userRef.nullable(),
  requestId: z.number().int().nullable(),
  proposedBy: userRef.nullable(),
  memberCount: z.number().int().nullable(),
  details: z.record(z.string(), z.unknown()).nullable(),
});
export type ListEventDto = z.infer<typeof listEventDto>;
export const listEventPage = pageOf(listEventDto);
export type ListEventPage = z.infer<typeof listEventPage>;

export const pendingCount = z.object({ count: z.number().int() });
