import { fold } from '../../../platform/text/fold.ts';
import { clean, newDraft } from './contact-draft.ts';
import type { AddressDraft, ContactDraft } from './contact-draft.ts';

type Channel = NonNullable<ContactDraft['preferredChannel']>;
import { birthDateIssue, parseDate } from './dates.ts';
import type { CellValue, ParsedDate } from './dates.ts';
import { phonesFromCell, restorePostalCode } from './excel-values.ts';
import { channelOf } from '../../exports/export-labels.ts';
import { googleLabel } from './header-map.ts';
import type { ColumnTarget, PhoneKind } from './header-map.ts';
import type { DateOrder } from './read-types.ts';
import {
  emailsOfCell,
  isHonorific,
  parseCivility,
  parseContactType,
  socialFromCell,
  splitTerms,
} from './values.ts';

/** The text of a cell as a string field takes it. */
export function cellText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    return Number.isNaN(value.getTime())
      ? ''
      : value.toISOString().slice(0, 10);
  }

  // Called several times per cell of a large file: a string without a
  // non-breaking space, or a number, needs no replacing.
  if (typeof value === 'string') {
    return value.includes('\u00a0')
      ? value.replace(/\u00a0/g, ' ').trim()
      : value.trim();
  }

  return String(value);
}

const truthy = (text: string): boolean =>
  ['1', 'yes', 'y', 'oui', 'o', 'true', 'vrai', 'x'].includes(
    fold(text).trim(),
  );

function phoneKindFromLabel(text: string): PhoneKind {
  const label = fold(text);
  if (label.includes('fax') || label.includes('telecopie')) return 'fax';
  if (/mobile|cell|portable|gsm|iphone/.test(label)) return 'mobile';
  if (/home|domicile|perso/.test(label)) return 'home';
  if (/work|business|bureau|main|office|pro/.test(label)) return 'office';

  return 'other';
}

type Slotted = {
  affiliations: Map<string, ContactDraft['affiliations'][number]>;
  addresses: Map<
    string,
    AddressDraft & {
      street3?: string;
      pobox?: string;
      extended?: string;
      formatted?: string;
    }
  >;
  emailLabels: Map<string, string>;
  phoneKinds: Map<string, string>;
  addressLabels: Map<string, string>;
  /** Values of a civility column that are no civility: a job title, most often. */
  notCivilities: string[];
};

function first<K extends keyof ContactDraft>(
  draft: ContactDraft,
  key: K,
  value: ContactDraft[K],
) {
  if (draft[key] === undefined) draft[key] = value;
}

function slotAffiliation(slots: Slotted, slot: string) {
  const affiliation = slots.affiliations.get(slot) ?? {};
  slots.affiliations.set(slot, affiliation);

  return affiliation;
}

function slotAddress(slots: Slotted, slot: string) {
  let address = slots.addresses.get(slot);
  if (!address) {
    address = {};
    slots.addresses.set(slot, address);
  }

  return address;
}

function applyCell(
  draft: ContactDraft,
  slots: Slotted,
  target: ColumnTarget,
  value: CellValue,
  text: string,
  dates: { birth?: CellValue; year?: string; month?: string; day?: string },
): void {
  switch (target.field) {
    case 'civility': {
      const civility = parseCivility(text);
      if (civility) first(draft, 'civility', civility);
      else if (isHonorific(text)) first(draft, 'title', text);
      else slots.notCivilities.push(text);
      break;
    }
    case 'title':
    case 'firstName':
    case 'lastName':
    case 'displayName':
    case 'origin':
      first(draft, target.field, text);
      break;
    case 'preferredChannel': {
      const channel = channelOf(text);
      if (channel) first(draft, 'preferredChannel', channel as Channel);
      else {
        draft.issues.push({
          field: 'preferredChannel',
          reason: `canal préféré inconnu « ${text} » (non importé)`,
          reasonEn: `unknown preferred channel "${text}" (not imported)`,
        });
      }
      break;
    }
    case 'externalId':
      first(draft, 'externalId', text);
      break;
    case 'nickname':
      draft.nicknames.push(text);
      break;
    case 'notes':
      draft.notes.push(text);
      break;
    case 'function': {
      const civility = target.fromTitle ? parseCivility(text) : undefined;
      if (civility) first(draft, 'civility', civility);
      else if (target.fromTitle && isHonorific(text))
        first(draft, 'title', text);
      else slotAffiliation(slots, target.slot).function ??= text;
      break;
    }
    case 'company':
    case 'department': {
      const affiliation = slotAffiliation(slots, target.slot);
      const key = target.field === 'company' ? 'companyName' : target.field;
      affiliation[key] ??= text;
      break;
    }
    case 'birthDate':
      dates.birth ??= value;
      break;
    case 'birthYear':
      dates.year ??= text;
      break;
    case 'birthMonth':
      dates.month ??= text;
      break;
    case 'birthDay':
      dates.day ??= text;
      break;
    case 'contactType': {
      const type = parseContactType(text);
      if (type) first(draft, 'contactType', type);
      else {
        draft.issues.push({
          field: 'contactType',
          reason: `type de contact inconnu « ${text} » (type par défaut)`,
          reasonEn: `unknown contact type "${text}" (default type used)`,
        });
      }
      break;
    }
    case 'terms':
      draft.terms.push(...splitTerms(text, target.kind));
      break;
    case 'email':
      for (const { address, name } of emailsOfCell(text)) {
        draft.emails.push(
          target.label
            ? { address, label: target.label }
            : { address, slot: target.slot },
        );
        draft.emailName ??= name;
      }
      break;
    case 'emailType':
      slots.emailLabels.set(target.slot, text);
      break;
    case 'phone': {
      const { numbers, issue } = phonesFromCell(value, text);
      for (const number of numbers)
        draft.phones.push({ number, kind: target.kind, slot: target.slot });
      if (issue) draft.issues.push(issue);
      break;
    }
    case 'phoneType':
      slots.phoneKinds.set(target.slot, text);
      break;
    case 'address': {
      const address = slotAddress(slots, target.slot);
      if (target.label) address.label = target.label;
      address[target.part] ??= text;
      break;
    }
    case 'addressType':
      slots.addressLabels.set(target.slot, text);
      break;
    case 'website':
      draft.websites.push(text);
      break;
    case 'websiteType':
      break;
    case 'social': {
      const account = socialFromCell(text, target.network);
      if (account) draft.socialAccounts.push(account);
      break;
    }
    case 'optOut':
      if (truthy(text)) draft.optOut[target.channel] = true;
      break;
    case 'doNotContact':
      if (truthy(text)) draft.doNotContact = true;
      break;
  }
}

function applyDates(
  draft: ContactDraft,
  dates: { birth?: CellValue; year?: string; month?: string; day?: string },
  order: DateOrder,
): void {
  let parsed: ParsedDate = { kind: 'empty' };
  let raw = '';
  if (dates.birth !== undefined) {
    raw = cellText(dates.birth);
    parsed = parseDate(dates.birth, order);
  } else if (dates.month && dates.day) {
    raw = [dates.day, dates.month, dates.year].filter(Boolean).join('/');
    const monthDay = `${dates.month.padStart(2, '0')}-${dates.day.padStart(2, '0')}`;
    const iso = dates.year
      ? `${dates.year.padStart(4, '0')}-${monthDay}`
      : `--${monthDay}`;
    parsed = parseDate(iso, 'ymd');
  }
  const issue = birthDateIssue(parsed, raw);
  if (issue) draft.issues.push(issue);
  else if (parsed.kind === 'date') draft.birthDate = parsed.value;
}

/**
 * What a civility column held that is no civility nor title: the function
 * when the row has none (a "Titre" column of job titles), else a warning
 * naming the value, never dropped unsaid.
 */
function settleNotCivilities(draft: ContactDraft, slots: Slotted): void {
  for (const text of slots.notCivilities) {
    const affiliation = slotAffiliation(slots, 'org');
    if (!affiliation.function) {
      affiliation.function = text;
      continue;
    }
    draft.issues.push({
      field: 'civility',
      reason:
        `« ${text} » n’est ni une civilité ni un titre, et la fonction est ` +
        'déjà remplie (non importé)',
      reasonEn:
        `"${text}" is neither a civility nor a title, and the function is ` +
        'already filled (not imported)',
    });
  }
}

function settleSlots(draft: ContactDraft, slots: Slotted): void {
  settleNotCivilities(draft, slots);
  for (const affiliation of slots.affiliations.values())
    draft.affiliations.push(affiliation);

  for (const email of draft.emails) {
    const type = email.slot ? slots.emailLabels.get(email.slot) : undefined;
    if (type) {
      const label = googleLabel(fold(type).replace(/\*/g, '').trim());
      if (label) email.label = label;
    }
    delete email.slot;
  }
  for (const phone of draft.phones) {
    const type = phone.slot ? slots.phoneKinds.get(phone.slot) : undefined;
    if (type) phone.kind = phoneKindFromLabel(type);
    delete phone.slot;
  }
  for (const [slot, address] of slots.addresses) {
    const type = slots.addressLabels.get(slot);
    const label = type
      ? googleLabel(fold(type).replace(/\*/g, '').trim())
      : undefined;
    const extra = [
      address.street2,
      address.street3,
      address.extended,
      address.pobox,
    ]
      .map(clean)
      .filter(Boolean);
    const result: AddressDraft = {};
    const street =
      address.street ?? (address.city ? undefined : address.formatted);
    if (street) result.street = street;
    if (extra.length > 0) result.street2 = extra.join(', ');
    if (address.postalCode)
      result.postalCode = restorePostalCode(
        address.postalCode,
        address.country,
      );
    if (address.city) result.city = address.city;
    if (address.region) result.region = address.region;
    if (address.country) result.country = address.country;
    const finalLabel = label ?? address.label;
    if (finalLabel) result.label = finalLabel;
    draft.addresses.push(result);
  }
}

/**
 * Builds the draft for one row from its cells and the column targets.
 *
 * @param cells the row's values
 * @param targets what each column feeds
 * @param order how ambiguous numeric dates read
 */
export function draftFromCells(
  cells: readonly CellValue[],
  targets: readonly (ColumnTarget | null)[],
  order: DateOrder,
): ContactDraft {
  const draft = newDraft();
  const slots: Slotted = {
    affiliations: new Map(),
    addresses: new Map(),
    emailLabels: new Map(),
    phoneKinds: new Map(),
    addressLabels: new Map(),
    notCivilities: [],
  };
  const dates: {
    birth?: CellValue;
    year?: string;
    month?: string;
    day?: string;
  } = {};
  cells.forEach((value, index) => {
    const text = cellText(value);
    if (text === '') return;
    draft.hasData = true;
    const target = targets[index];
    if (target) applyCell(draft, slots, target, value, text, dates);
  });
  settleSlots(draft, slots);
  applyDates(draft, dates, order);

  return draft;
}
