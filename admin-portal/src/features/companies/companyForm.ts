import type { CompanyDto, CompanyInput } from 'core-api/client';
import type { Translate } from '../../i18n/translate.ts';
import {
  describeShared,
  fieldLabel,
  orDash,
  textOrNull,
  type RecordFields,
} from '../records/recordFields.ts';
import type { SocialAccountRow } from '../records/SocialRows.tsx';
import type { HeldTerm } from '../records/TermsForm.tsx';

/** A company as its card's forms edit it: text as typed. */
export type CompanyForm = {
  name: string;
  legalName: string;
  companyType: string;
  sector: { id: number; label: string } | null;
  street: string;
  street2: string;
  postalCode: string;
  city: string;
  region: string;
  country: string;
  /** As typed then, so an untouched number goes back unchanged. */
  phone: string;
  fax: string;
  email: string;
  website: string;
  notes: string;
  origin: string;
  socialAccounts: SocialAccountRow[];
  terms: HeldTerm[];
};

const text = (value: string | null | undefined) => value ?? '';

/** A new company's form: nothing typed yet. */
export function blankCompanyForm(): CompanyForm {
  return companyFormOf({ country: 'FR' });
}

/** A stored company (or an audit event's before and after) as the form edits it. */
export function companyFormOf(value: unknown): CompanyForm {
  const c = value as Partial<CompanyDto>;

  return {
    name: text(c.name),
    legalName: text(c.legalName),
    companyType: text(c.companyType),
    sector: c.sector ? { id: c.sector.id, label: c.sector.label } : null,
    street: text(c.street),
    street2: text(c.street2),
    postalCode: text(c.postalCode),
    city: text(c.city),
    region: text(c.region),
    country: text(c.country),
    phone: text(c.phone?.raw),
    fax: text(c.fax?.raw),
    email: text(c.email),
    website: text(c.website),
    notes: text(c.notes),
    origin: text(c.origin),
    socialAccounts: (c.socialAccounts ?? []).map((s) => ({
      network: s.network,
      handle: text(s.handle),
      url: text(s.url),
    })),
    terms: (c.terms ?? []).map(({ id, kind, label, parentId }) => ({
      id,
      kind,
      label,
      parentId,
    })),
  };
}

/** The form less the social accounts left blank. */
export function pruneCompanyForm(form: CompanyForm): CompanyForm {
  return {
    ...form,
    socialAccounts: form.socialAccounts.filter(
      (s) => s.handle.trim() !== '' || s.url.trim() !== '',
    ),
  };
}

/** The form as the API takes it; every rule is the API's. */
export function companyInputOf(form: CompanyForm): CompanyInput {
  return {
    name: form.name.trim(),
    legalName: textOrNull(form.legalName),
    companyType: textOrNull(form.companyType),
    sectorId: form.sector?.id ?? null,
    street: textOrNull(form.street),
    street2: textOrNull(form.street2),
    postalCode: textOrNull(form.postalCode),
    city: textOrNull(form.city),
    region: textOrNull(form.region),
    country: textOrNull(form.country.toUpperCase()),
    phone: textOrNull(form.phone),
    fax: textOrNull(form.fax),
    email: textOrNull(form.email),
    website: textOrNull(form.website),
    notes: textOrNull(form.notes),
    origin: textOrNull(form.origin),
    socialAccounts: form.socialAccounts.map((s) => ({
      network: s.network,
      handle: textOrNull(s.handle),
      url: textOrNull(s.url),
    })),
    termIds: form.terms.map((term) => term.id),
  };
}

/** The fields of a company as its card edits and compares them. */
export const companyFields: RecordFields<CompanyForm> = {
  fields: [
    'name',
    'legalName',
    'companyType',
    'sector',
    'origin',
    'street',
    'street2',
    'postalCode',
    'city',
    'region',
    'country',
    'phone',
    'fax',
    'email',
    'website',
    'socialAccounts',
    'terms',
    'notes',
  ],
  label: fieldLabel,
  describe: (field, form, t) => describeCompanyField(field, form, t),
  formOf: companyFormOf,
};

function describeCompanyField(
  field: keyof CompanyForm,
  form: CompanyForm,
  t: Translate,
): string {
  switch (field) {
    case 'sector':
      return orDash(form.sector?.label);
    case 'socialAccounts':
    case 'terms':
      return describeShared(field, form, t);
    default:
      return orDash(form[field]);
  }
}
