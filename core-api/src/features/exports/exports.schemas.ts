import { z } from 'zod';
import { channels } from '../contacts/contacts.schemas.ts';
import { targetQuery } from '../targeting/query.schemas.ts';

/**
 * The export formats: Excel, Outlook CSV, vCard 3.0 and 4.0, a printable
 * page, and mail merge (a CSV for Word, DOCX letters and address labels).
 */
export const exportFormats = [
  'xlsx',
  'outlook-csv',
  'vcard3',
  'vcard4',
  'html',
  'word-csv',
  'docx-letters',
  'docx-labels',
] as const;
export type ExportFormat = (typeof exportFormats)[number];

const positiveId = z.number().int().positive().max(2_147_483_647);

/** What an export starts from: a query, a saved query, a list, or chosen contacts. */
export const exportTarget = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('query'), query: targetQuery }),
  z.object({ kind: z.literal('savedQuery'), savedQueryId: positiveId }),
  z.object({ kind: z.literal('list'), listId: positiveId }),
  z.object({
    kind: z.literal('contacts'),
    // Past `literalIdLimit`, a selection is stored while it is read, so a
    // screen's "select all" of a large target exports as well as a list.
    contactIds: z.array(positiveId).min(1).max(100_000, {
      message: '100 000 contacts au plus / 100,000 contacts at most',
    }),
  }),
]);

/** A DOCX template sent with the request, base64-encoded. */
export const templateUpload = z.object({
  /** The name the user gave the file: checked with the content, and named in any refusal. */
  fileName: z.string().trim().min(1).max(200),
  contentBase64: z
    .string()
    .min(1)
    // 5 MB of file once decoded.
    .max(7_000_000, {
      message:
        'modèle trop volumineux (5 Mo au plus) / template too large (5 MB at most)',
    })
    .regex(/^[A-Za-z0-9+/\r\n]*={0,2}\s*$/, {
      message: 'base64 attendu / base64 expected',
    }),
});

/**
 * An export request. `channel` leaves out who opted out of it or must not
 * be contacted; each format has a default (email for Outlook and vCards,
 * post for mail merge, none for Excel and HTML), and `none` keeps everyone.
 */
export const exportRequest = z
  .object({
    target: exportTarget,
    format: z.enum(exportFormats),
    lang: z.enum(['fr', 'en']).default('fr'),
    channel: z.enum([...channels, 'none']).optional(),
    template: templateUpload.optional(),
  })
  .refine(
    (request) =>
      !request.template ||
      request.format === 'docx-letters' ||
      request.format === 'docx-labels',
    {
      message:
        'un modèle ne sert qu’aux courriers et étiquettes DOCX / ' +
        'a template only applies to DOCX letters and labels',
      path: ['template'],
    },
  );
export type ExportRequest = z.infer<typeof exportRequest>;

/** The administrators' export settings. */
export const exportSettings = z.object({
  /** Only administrators may export when true. */
  adminOnly: z.boolean().default(false),
});
export type ExportSettings = z.infer<typeof exportSettings>;

/** The settings with the version to send back when saving them. */
export const exportSettingsDto = z.object({
  settings: exportSettings,
  version: z.number().int().min(0),
  updatedAt: z.string().nullable(),
});

/** Saving the settings: `version` is the one read (0 before the first save). */
export const exportSettingsInput = z.object({
  settings: exportSettings,
  version: z.number().int().min(0),
});

/** The counts of an export, also sent as response headers. */
export const exportSummary = z.object({
  format: z.enum(exportFormats),
  /** Contacts the target matched. */
  matched: z.number().int(),
  /** Of those, left out for the channel (opted out, do not contact). */
  excluded: z.number().int(),
  channel: z.enum(channels).nullable(),
  fileName: z.string(),
});
export type ExportSummary = z.infer<typeof exportSummary>;
