import { z } from 'zod';
import {
  emailAddress,
  fieldSource,
  nameWords,
  pageOf,
  singleLine,
} from '../common.schemas.ts';
import {
  contactTypes,
  socialInput,
  socialNetworks,
} from '../contacts/contacts.schemas.ts';

const optionalText = (max: number) => singleLine().min(1).max(max).nullish();

const companyFields = {
  name: singleLine().min(1, { message: 'nom requis / name required' }).max(300),
  legalName: optionalText(300),
  companyType: optionalText(60),
  sectorId: z.number().int().positive().nullish(),
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
  phone: optionalText(60),
  fax: optionalText(60),
  email: emailAddress.nullish(),
  website: z
    .url({ message: 'adresse web invalide / invalid web address' })
    .max(500)
    .nullish(),
  notes: z.string().max(10_000).nullish(),
  origin: optionalText(120),
  socialAccounts: z.array(socialInput).max(20).default([]),
  termIds: z.array(z.number().int().positive()).max(200).default([]),
};

export const companyInput = z.object(companyFields);
export const companyUpdate = z.object({
  ...companyFields,
  version: z.number().int().positive(),
});

export type CompanyInput = z.input<typeof companyInput>;

export const companyDto = z.object({
  id: z.number().int(),
  name: z.string(),
  legalName: z.string().nullable(),
  companyType: z.string().nullable(),
  sector: z.object({ id: z.number().int(), label: z.string() }).nullable(),
  street: z.string().nullable(),
  street2: z.string().nullable(),
  postalCode: z.string().nullable(),
  city: z.string().nullable(),
  region: z.string().nullable(),
  country: z.string().nullable(),
  phone: z
    .object({
      e164: z.string().nullable(),
      raw: z.string(),
      display: z.string(),
    })
    .nullable(),
  fax: z
    .object({
      e164: z.string().nullable(),
      raw: z.string(),
      display: z.string(),
    })
    .nullable(),
  email: z.string().nullable(),
  website: z.string().nullable(),
  notes: z.string().nullable(),
  origin: z.string().nullable(),
  socialAccounts: z.array(
    z.object({
      id: z.number().int(),
      network: z.enum(socialNetworks),
      handle: z.string().nullable(),
      url: z.string().nullable(),
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
  contacts: z.array(
    z.object({
      id: z.number().int(),
      displayName: z.string(),
      contactType: z.enum(contactTypes),
      function: z.string().nullable(),
      current: z.boolean(),
    }),
  ),
  fieldSources: z.record(z.string(), fieldSource),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  deletedAt: z.string().nullable(),
});

export type CompanyDto = z.infer<typeof companyDto>;

export const companySummary = z.object({
  id: z.number().int(),
  name: z.string(),
  companyType: z.string().nullable(),
  city: z.string().nullable(),
  contactCount: z.number().int(),
  updatedAt: z.string(),
});

export const companyListQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
  sort: z.enum(['name', 'createdAt', 'updatedAt', 'deletedAt']).default('name'),
  order: z.enum(['asc', 'desc']).default('asc'),
  deleted: z.enum(['only', 'exclude']).default('exclude'),
  /** Words of the name, each one found in it. */
  name: nameWords,
});

export const companyPage = pageOf(companySummary);
export type CompanyPage = z.infer<typeof companyPage>;
