import { z } from 'zod';
import {
  birthDate,
  emailAddress,
  fieldSource,
  isoDate,
  nameWords,
  pageOf,
  singleLine,
} from '../common.schemas.ts';
import {
  emailLabels,
  phoneKinds,
  socialNetworks,
} from './contact-vocabulary.ts';

export { emailLabels, phoneKinds, socialNetworks };

export const civilities = ['M', 'MME'] as const;
export const contactTypes = [
  'press',
  'public_relations',
  'institutional',
  'vip',
  'decision_maker',
  'partner',
  'internal',
] as const;
export const channels = ['email', 'sms', 'post', 'phone', 'fax'] as const;

const text = (max: number) => singleLine().min(1).max(max);
const optionalText = (max: number) => text(max).nullish();

export const emailInput = z.object({
  address: emailAddress,
  label: z.enum(emailLabels).nullish(),
  isPrimary: z.boolean().optional(),
});

export const phoneInput = z.object({
  number: text(60),
  kind: z.enum(phoneKinds).default('office'),
  isPrimary: z.boolean().optional(),
});

export const addressInput = z.object({
  label: z.enum(emailLabels).nullish(),
  street: optionalText(300),
  street2: optionalText(300),
  postalCode: optionalText(20),
  city: optionalText(120),
  region: optionalText(120),
  country: z
    .string()
    .regex(/^[A-Z]{2}$/, {
      message: 'code pays ISO à deux lettres / two-letter ISO country code',
    })
    .nullish(),
  isPrimary: z.boolean().optional(),
});

export const socialInput = z
  .object({
    network: z.enum(socialNetworks),
    handle: optionalText(200),
    url: z.url().max(500).nullish(),
  })
  .refine((value) => value.handle || value.url, {
    message:
      'un identifiant ou une adresse est requis / a handle or a URL is required',
    path: ['handle'],
  });

export const affiliationInput = z
  .object({
    companyId: z.number().int().positive().optional(),
    companyName: optionalText(300),
    function: optionalText(200),
    department: optionalText(200),
    startDate: isoDate.nullish(),
    endDate: isoDate.nullish(),
    isPrimary: z.boolean().optional(),
  })
  .refine((value) => value.companyId || value.companyName, {
    message: 'société requise / company required',
    path: ['companyId'],
  })
  .refine(
    (value) =>
      !value.startDate || !value.endDate || value.startDate <= value.endDate,
    {
      message: 'la fin précède le début / end date is before start date',
      path: ['endDate'],
    },
  );

export const optOutInput = z.object({
  email: z.boolean().default(false),
  sms: z.boolean().default(false),
  post: z.boolean().default(false),
  phone: z.boolean().default(false),
});

const contactFields = {
  civility: z.enum(civilities).nullish(),
  title: optionalText(120),
  firstName: optionalText(120),
  lastName: optionalText(120),
  birthDate: birthDate.nullish(),
  contactType: z.enum(contactTypes).default('press'),
  preferredChannel: z.enum(channels).nullish(),
  origin: optionalText(120),
  intermediaryId: z.number().int().positive().nullish(),
  intermediaryRole: optionalText(120),
  notes: z.string().max(10_000).nullish(),
  doNotContact: z.boolean().default(false),
  optOut: optOutInput.default({
    email: false,
    sms: false,
    post: false,
    phone: false,
  }),
  emails: z.array(emailInput).max(20).default([]),
  phones: z.array(phoneInput).max(20).default([]),
  addresses: z.array(addressInput).max(10).default([]),
  socialAccounts: z.array(socialInput).max(20).default([]),
  affiliations: z.array(affiliationInput).max(20).default([]),
  termIds: z.array(z.number().int().positive()).max(200).default([]),
};

/** A contact as written by a user, an import or a feed. */
export const contactInput = z
  .object(contactFields)
  .refine(
    (c) =>
      c.lastName ||
      c.firstName ||
      c.emails.length > 0 ||
      c.affiliations.length > 0,
    {
      message:
        'un nom, un prénom, un e-mail ou une société est requis / ' +
        'a surname, first name, email or company is required',
      path: ['lastName'],
    },
  );

/** An update: the whole record as the writer last read it, plus that version. */
export const contactUpdate = z
  .object({ ...contactFields, version: z.number().int().positive() })
  .refine(
    (c) =>
      c.lastName ||
      c.firstName ||
      c.emails.length > 0 ||
      c.affiliations.length > 0,
    {
      message:
        'un nom, un prénom, un e-mail ou une société est requis / ' +
        'a surname, first name, email or company is required',
      path: ['lastName'],
    },
  );

export type ContactInput = z.input<typeof contactInput>;
export type ContactInputParsed = z.output<typeof contactInput>;
export type ContactUpdate = z.input<typeof contactUpdate>;

export const contactDto = z.object({
  id: z.number().int(),
  displayName: z.string(),
  civility: z.enum(civilities).nullable(),
  title: z.string().nullable(),
  firstName: z.string().nullable(),
  lastName: z.string().nullable(),
  birthDate: z.string().nullable(),
  contactType: z.enum(contactTypes),
  preferredChannel: z.enum(channels).nullable(),
  origin: z.string().nullable(),
  intermediary: z
    .object({
      id: z.number().int(),
      displayName: z.string(),
      role: z.string().nullable(),
    })
    .nullable(),
  notes: z.string().nullable(),
  doNotContact: z.boolean(),
  optOut: z.object({
    email: z.boolean(),
    sms: z.boolean(),
    post: z.boolean(),
    phone: z.boolean(),
  }),
  emails: z.array(
    z.object({
      id: z.number().int(),
      address: z.string(),
      label: z.enum(emailLabels).nullable(),
      isPrimary: z.boolean(),
    }),
  ),
  phones: z.array(
    z.object({
      id: z.number().int(),
      kind: z.enum(phoneKinds),
      e164: z.string().nullable(),
      raw: z.string(),
      display: z.string(),
      isPrimary: z.boolean(),
    }),
  ),
  addresses: z.array(
    z.object({
      id: z.number().int(),
      label: z.enum(emailLabels).nullable(),
      street: z.string().nullable(),
      street2: z.string().nullable(),
      postalCode: z.string().nullable(),
      city: z.string().nullable(),
      region: z.string().nullable(),
      country: z.string().nullable(),
      isPrimary: z.boolean(),
    }),
  ),
  socialAccounts: z.array(
    z.object({
      id: z.number().int(),
      network: z.enum(socialNetworks),
      handle: z.string().nullable(),
      url: z.string().nullable(),
    }),
  ),
  affiliations: z.array(
    z.object({
      id: z.number().int(),
      company: z.object({ id: z.number().int(), name: z.string() }),
      function: z.string().nullable(),
      department: z.string().nullable(),
      startDate: z.string().nullable(),
      endDate: z.string().nullable(),
      isPrimary: z.boolean(),
      current: z.boolean(),
    }),
  ),
  terms: z.array(
    z.object({
      id: z.number().int(),
      kind: z.string(),
      label: z.string(),
      parentId: z.number().int().nullable(),
    }),
  ),
  fieldSources: z.record(z.string(), fieldSource),
  importBatchId: z.number().int().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  deletedAt: z.string().nullable(),
  /** Set when the feed that brought the contact stopped carrying it. */
  deactivatedAt: z.string().nullable().default(null),
});

export type ContactDto = z.infer<typeof contactDto>;

/** One row of a contact table: enough to recognise a person. */
export const contactSummary = z.object({
  id: z.number().int(),
  displayName: z.string(),
  civility: z.enum(civilities).nullable(),
  firstName: z.string().nullable(),
  lastName: z.string().nullable(),
  contactType: z.enum(contactTypes),
  primaryEmail: z.string().nullable(),
  primaryPhone: z.string().nullable(),
  company: z.string().nullable(),
  function: z.string().nullable(),
  city: z.string().nullable(),
  updatedAt: z.string(),
});

export type ContactSummary = z.infer<typeof contactSummary>;

export const contactSortKeys = [
  'lastName',
  'firstName',
  'createdAt',
  'updatedAt',
  'deletedAt',
] as const;

export const contactListQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
  sort: z.enum(contactSortKeys).default('lastName'),
  order: z.enum(['asc', 'desc']).default('asc'),
  contactType: z.enum(contactTypes).optional(),
  deleted: z.enum(['only', 'exclude']).default('exclude'),
  /** Words of a name: each one found in the first or the last name. */
  name: nameWords,
});

export const contactPage = pageOf(contactSummary);
export type ContactPage = z.infer<typeof contactPage>;
