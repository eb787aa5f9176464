import { z } from 'zod';
import { typedEmailAddress } from '../common.schemas.ts';

/** The languages a template is written in: they decide civilities and salutations. */
export const templateLanguages = ['fr', 'en'] as const;

/** Largest HTML or text body, in characters (images belong in links or attachments). */
export const templateBodyLimit = 500_000;

const words = z.object({ fr: z.string(), en: z.string() });

export const emailTemplateInput = z.object({
  name: z.string().trim().min(1).max(200),
  description: z.string().trim().max(1000).nullish(),
  subject: z
    .string()
    .trim()
    .min(1)
    .max(500)
    .refine((subject) => !/[\r\n]/.test(subject), {
      message: 'une seule ligne / a single line',
    }),
  /** The HTML body; cleaned against an allow-list when saved. */
  html: z.string().min(1).max(templateBodyLimit),
  /** The plain-text body; derived from the HTML when left out. */
  text: z.string().max(templateBodyLimit).nullish(),
  language: z.enum(templateLanguages).default('fr'),
  /** Everyone may use it; otherwise only its owner. */
  shared: z.boolean().default(false),
});

export const emailTemplateUpdate = emailTemplateInput.extend({
  version: z.number().int().positive(),
});

export type EmailTemplateInput = z.input<typeof emailTemplateInput>;
export type EmailTemplateUpdate = z.input<typeof emailTemplateUpdate>;

const person = z.object({ id: z.number().int(), displayName: z.string() });

/** A template as listed: everything but its bodies. */
export const emailTemplateSummary = z.object({
  id: z.number().int(),
  name: z.string(),
  description: z.string().nullable(),
  subject: z.string(),
  language: z.enum(templateLanguages),
  shared: z.boolean(),
  owner: person.nullable(),
  /** The caller may change and delete it (its owner, an administrator). */
  canEdit: z.boolean(),
  /** The merge fields it uses, by their e-mail names (`prenom`). */
  fields: z.array(z.string()),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const emailTemplateDto = emailTemplateSummary.extend({
  html: z.string(),
  /** The plain-text body as written, or null when derived from the HTML. */
  text: z.string().nullable(),
  createdBy: person.nullable(),
  updatedBy: person.nullable(),
});

export type EmailTemplateSummary = z.infer<typeof emailTemplateSummary>;
export type EmailTemplateDto = z.infer<typeof emailTemplateDto>;

export const emailTemplateList = z.object({
  items: z.array(emailTemplateSummary),
});
export type EmailTemplateList = z.infer<typeof emailTemplateList>;

export const emailTemplateListQuery = z.object({
  /** Part of the name, any case. */
  q: z.string().trim().max(200).optional(),
  /** `usable`: shared ones and the caller's own; `all`: administrators only. */
  scope: z.enum(['usable', 'all']).default('usable'),
});
export type EmailTemplateListQuery = z.input<typeof emailTemplateListQuery>;

/** Whom a template is filled for, as an e-mail's recipients. */
export const renderInput = z.object({
  recipients: z
    .array(
      z.object({
        email: typedEmailAddress,
        name: z.string().trim().max(300).optional(),
      }),
    )
    .min(1)
    .max(500),
});
export type RenderInput = z.input<typeof renderInput>;

export const renderedTemplate = z.object({
  subject: z.string(),
  html: z.string(),
  text: z.string(),
  /** Each recipient as given, with the contact its address belongs to. */
  recipients: z.array(
    z.object({ email: z.string(), contactId: z.number().int().nullable() }),
  ),
  /** The fields (`prenom`) written with their fallback: not shared, or unknown. */
  fallbacks: z.array(z.string()),
});
export type RenderedTemplate = z.infer<typeof renderedTemplate>;

/** A template being edited, filled for one contact (or with examples). */
export const previewInput = z.object({
  subject: z.string().max(500).default(''),
  html: z.string().max(templateBodyLimit).default(''),
  text: z.string().max(templateBodyLimit).nullish(),
  language: z.enum(templateLanguages).default('fr'),
  /** Without a contact, each field shows its example. */
  contactId: z.number().int().positive().nullish(),
});
export type PreviewInput = z.input<typeof previewInput>;

export const templatePreview = z.object({
  subject: z.string(),
  html: z.string(),
  text: z.string(),
  fallbacks: z.array(z.string()),
  /** What cleaning took out of the HTML (`<script>`, `onclick`, `style: position`). */
  removed: z.array(z.string()),
  contactId: z.number().int().nullable(),
  /**
   * The filled HTML sealed by the API, for a frame to post (form field
   * `document`) to `previewDocumentPath`, which shows it as recipients would
   * see it, remote images included; valid for ten minutes.
   */
  document: z.string(),
});
export type TemplatePreview = z.infer<typeof templatePreview>;

/** Where a frame posts a preview's `document` to show it as a page. */
export const previewDocumentPath = '/api/email-templates/preview-document';

/** One merge field of the catalogue shared with DOCX letters. */
export const mergeFieldDto = z.object({
  /** How a template writes it: `{{prenom}}`. */
  tag: z.string(),
  /** Its names in a DOCX template or a Word CSV. */
  names: words,
  label: words,
  example: words,
  /** Other names a template may use. */
  aliases: z.array(z.string()),
});
export type MergeFieldDto = z.infer<typeof mergeFieldDto>;

export const mergeFieldList = z.object({ items: z.array(mergeFieldDto) });
export type MergeFieldList = z.infer<typeof mergeFieldList>;
