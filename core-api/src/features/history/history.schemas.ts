import { z } from 'zod';
import { normaliseEmail } from '../../platform/text/email.ts';
import { pageOf } from '../common.schemas.ts';

/**
 * What happened with a contact: an e-mail received from them or sent to
 * them, a call, a meeting, a note, a send (mailing) or an event that
 * reached them. Sends and events write theirs through `recordInteraction`.
 */
export const interactionKinds = [
  'email_in',
  'email_out',
  'call',
  'meeting',
  'note',
  'send',
  'event',
] as const;
export type InteractionKind = (typeof interactionKinds)[number];

/** The kinds a person types in by hand; the others come from features. */
export const typedKinds = [
  'email_in',
  'email_out',
  'call',
  'meeting',
  'note',
] as const;

/** Where an interaction was recorded from. */
export const interactionSources = [
  'outlook',
  'portal',
  'send',
  'event',
  'import',
] as const;
export type InteractionSource = (typeof interactionSources)[number];

const httpsUrl = /^https:\/\/[^\s/$.?#][^\s]*$/i;
// An RFC 5322 message id, with or without its angle brackets.
const messageId = /^<?[^\s<>@]+@[^\s<>@]+>?$/;

/** Where to open the interaction: an https address or a message id. */
export const interactionLink = z
  .string()
  .trim()
  .max(1000)
  .refine((value) => httpsUrl.test(value) || messageId.test(value), {
    message:
      'adresse https ou identifiant de message attendu / ' +
      'an https address or a message id is expected',
  });

const dateTime = z.iso.datetime({
  offset: true,
  message: 'date et heure ISO 8601 attendues / ISO 8601 date-time expected',
});

const optional = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((value) => value || null)
    .nullish();

/** An interaction typed by a person on a contact's card. */
export const interactionInput = z.object({
  kind: z.enum(typedKinds),
  /** When it happened; now when left out. */
  occurredAt: dateTime.optional(),
  subject: optional(500),
  summary: optional(2000),
  link: interactionLink.nullish(),
  companyId: z.number().int().positive().nullish(),
});
export type InteractionInput = z.input<typeof interactionInput>;

const userRef = z.object({ id: z.number().int(), displayName: z.string() });

export const interactionDto = z.object({
  id: z.number().int(),
  contactId: z.number().int(),
  companyId: z.number().int().nullable(),
  kind: z.enum(interactionKinds),
  occurredAt: z.string(),
  author: userRef.nullable(),
  subject: z.string().nullable(),
  summary: z.string().nullable(),
  link: z.string().nullable(),
  source: z.enum(interactionSources),
  externalId: z.string().nullable(),
  createdAt: z.string(),
  /** True when the reader may delete it: its author, or an administrator. */
  deletable: z.boolean(),
});
export type InteractionDto = z.infer<typeof interactionDto>;

/** Which page of a history to read, and which kinds (`call,meeting`). */
export const interactionQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
  kind: z
    .string()
    .transform((value) => value.split(',').map((kind) => kind.trim()))
    .pipe(z.array(z.enum(interactionKinds)).min(1))
    .optional(),
});
export type InteractionQuery = z.input<typeof interactionQuery>;

export const interactionPage = pageOf(interactionDto);
export type InteractionPage = z.infer<typeof interactionPage>;

const mailbox = z.object({
  // Not refused when odd (Outlook names some senders by X.500 paths), but
  // written as the base stores addresses, so that it finds their contacts.
  address: z
    .string()
    .trim()
    .toLowerCase()
    .min(3)
    .max(320)
    .transform((address) => normaliseEmail(address) ?? address),
  name: z.string().trim().max(300).nullish(),
});

/** An e-mail as the Outlook add-in sees it, to log in its people's history. */
export const logEmailInput = z.object({
  /** The Internet message id: logging the same e-mail twice changes nothing. */
  internetMessageId: z.string().trim().min(3).max(500),
  subject: optional(500),
  sentAt: dateTime,
  from: mailbox,
  to: z.array(mailbox).max(500).default([]),
  cc: z.array(mailbox).max(500).default([]),
  /** The first lines of the body, as the add-in cut them. */
  excerpt: optional(2000),
  /** A link to open the message (Outlook on the web), when the add-in has one. */
  link: interactionLink.nullish(),
});
export type LogEmailInput = z.input<typeof logEmailInput>;

export const logEmailReport = z.object({
  logged: z.array(
    z.object({
      contactId: z.number().int(),
      interactionId: z.number().int(),
      kind: z.enum(['email_in', 'email_out']),
      /** `created` now, or `existing` when this e-mail was already logged. */
      status: z.enum(['created', 'existing']),
    }),
  ),
  /** Addresses of the e-mail that belong to no contact of the base. */
  unknownAddresses: z.array(z.string()),
});
export type LogEmailReport = z.infer<typeof logEmailReport>;
