import ICAL from 'ical.js';
import { contactTypeOf } from '../../exports/export-labels.ts';
import { clean, newDraft } from './contact-draft.ts';
import type { ContactDraft } from './contact-draft.ts';
import { birthDateIssue, parseDate } from './dates.ts';
import type { ParsedDate } from './dates.ts';
import type { Label, PhoneKind } from './header-map.ts';
import {
  networkFromName,
  parseCivility,
  socialFromCell,
  splitTerms,
} from './values.ts';

/** One property in jCard form (RFC 7095): name, parameters, value type, values. */
export type JcardProperty = [
  string,
  Record<string, unknown>,
  string,
  ...unknown[],
];

/** Whether a value has the shape of a jCard property. */
export function isJcardProperty(value: unknown): value is JcardProperty {
  return (
    Array.isArray(value) &&
    value.length >= 3 &&
    typeof value[0] === 'string' &&
    typeof value[1] === 'object' &&
    value[1] !== null &&
    !Array.isArray(value[1]) &&
    typeof value[2] === 'string'
  );
}

/**
 * The properties of a jCard card (`["vcard", [...properties], [...]]`),
 * read through ical.js so values come out unescaped and structured.
 *
 * @param card a jCard component
 */
export function cardProperties(card: unknown): JcardProperty[] {
  const component = new ICAL.Component(Array.isArray(card) ? card : []);
  const json: unknown[] = component
    .getAllProperties()
    .map((property) => property.toJSON());

  return json.filter(isJcardProperty);
}

/** Text of a jCard value: components of a list are joined with spaces. */
function textOf(value: unknown): string {
  // ical.js leaves \; \: and \" (written by Sabre, Apple, Google) escaped in plain text values.
  if (typeof value === 'string')
    return value.replace(/\\([;:,"])/g, '$1').trim();
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) {
    return value
      .map(textOf)
      .filter((part) => part !== '')
      .join(' ');
  }

  return '';
}

/** The components of a structured value (N, ADR, ORG); a plain string is one component. */
function components(property: JcardProperty): string[] {
  const value = property[3];
  if (Array.isArray(value)) return value.map(textOf);

  return [textOf(value)];
}

function values(property: JcardProperty): string[] {
  return property
    .slice(3)
    .map(textOf)
    .filter((text) => text !== '');
}

function typesOf(property: JcardProperty): Set<string> {
  const raw = property[1].type;
  const list = Array.isArray(raw) ? raw : [raw];

  return new Set(
    list
      .filter((t): t is string => typeof t === 'string')
      .flatMap((t) => t.split(','))
      .map((t) => t.trim().toLowerCase()),
  );
}

function isPreferred(property: JcardProperty, types: Set<string>): boolean {
  return (
    types.has('pref') || property[1].pref === '1' || property[1].pref === 1
  );
}

function labelOf(
  types: Set<string>,
  groupLabel: string | undefined,
): Label | undefined {
  if (types.has('work')) return 'work';
  if (types.has('home')) return 'home';
  if (types.has('other')) return 'other';
  if (groupLabel === 'work' || groupLabel === 'home' || groupLabel === 'other')
    return groupLabel;

  return undefined;
}

/**
 * A phone's kind from its TYPE list (CELL → mobile, HOME → home,
 * WORK/VOICE → office, FAX → fax) or, failing that, from its Apple label.
 * A TEL without any type is a voice line, as vCard 3.0 defines it.
 */
function phoneKind(
  types: Set<string>,
  groupLabel: string | undefined,
): PhoneKind {
  const listed = [...types].filter(
    (type) => type !== 'pref' && type !== 'internet',
  );
  const has = (pattern: RegExp): boolean =>
    listed.some((type) => pattern.test(type));
  // Roundcube writes its own types: homefax, workfax, home2, work2.
  if (has(/fax/)) return 'fax';
  if (has(/^(cell|mobile|iphone|car)/)) return 'mobile';
  if (has(/^home/)) return 'home';
  if (has(/^(work|voice|main|msg|business)/)) return 'office';
  if (listed.length > 0) return 'other';
  const label = groupLabel ?? '';
  if (/fax/.test(label)) return 'fax';
  if (/mobile|cell|iphone/.test(label)) return 'mobile';
  if (/home/.test(label)) return 'home';
  if (label === '' || /work|main/.test(label)) return 'office';

  return 'other';
}

/** BDAY in any vCard form: `1996-04-15`, `19800322`, `--0214`, a date-time, or text. */
function parseBirthday(text: string): ParsedDate {
  const partial = /^--(\d{2})-?(\d{2})/.exec(text);
  if (partial) return parseDate(`--${partial[1]}-${partial[2]}`);
  const full = /^(\d{4})-?(\d{2})-?(\d{2})(?:$|T)/.exec(text);
  if (full) return parseDate(`${full[1]}-${full[2]}-${full[3]}`);

  return parseDate(text);
}

function addAddress(
  draft: ContactDraft,
  property: JcardProperty,
  groupLabel?: string,
): void {
  const [
    pobox = '',
    extended = '',
    streetText = '',
    city,
    region,
    postalCode,
    country,
  ] = components(property);
  const types = typesOf(property);
  const lines = (text: string): string[] =>
    text
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter((l) => l !== '');
  // ADR's street may hold several lines: the first is the street, the rest go to street2.
  // Google puts the whole address in the extended part and leaves the street empty.
  let streetLines = lines(streetText);
  let extendedText = extended;
  if (streetLines.length === 0) {
    streetLines = lines(extended);
    extendedText = '';
  }
  // A house number alone on its line (Lotus Notes) belongs with the street name.
  if (/^\d+\w?$/.test(streetLines[0] ?? '') && streetLines.length > 1) {
    streetLines = [
      `${streetLines[0]} ${streetLines[1]}`,
      ...streetLines.slice(2),
    ];
  }
  const extra = [extendedText, ...streetLines.slice(1), pobox]
    .flatMap((part) => part.split(/\r?\n/))
    .map((part) => part.trim())
    .filter(Boolean);
  const address: ContactDraft['addresses'][number] = {};
  if (streetLines[0]) address.street = streetLines[0];
  if (extra.length > 0) address.street2 = extra.join(', ');
  if (postalCode) address.postalCode = postalCode;
  if (city) address.city = city;
  if (region) address.region = region;
  if (country) address.country = country;
  const label = labelOf(types, groupLabel);
  if (label) address.label = label;
  if (isPreferred(property, types)) address.pref = true;
  draft.addresses.push(address);
}

function addSocial(
  draft: ContactDraft,
  name: string,
  property: JcardProperty,
): void {
  const text = values(property)[0];
  if (!text) return;
  const typeName = [...typesOf(property)][0] ?? '';
  const network =
    networkFromName(name.replace(/^x-/, '')) ??
    networkFromName(typeName) ??
    'other';
  const value = text.replace(/^x-apple:/i, '');
  const account = socialFromCell(value, network);
  if (account) draft.socialAccounts.push(account);
}

/**
 * Builds a draft from one card's jCard properties; the same code serves
 * vCard text (after ical.js), jCard and xCard.
 *
 * @param properties the card's properties
 * @param labels Apple's item-group labels, by lower-cased group name
 */
export function draftFromProperties(
  properties: readonly JcardProperty[],
  labels: ReadonlyMap<string, string> = new Map(),
): ContactDraft {
  const draft = newDraft();
  let nameSeen = false;
  let title: string | undefined;
  let role: string | undefined;
  let department: string | undefined;
  let birthdaySeen = false;

  for (const property of properties) {
    const name = property[0].toLowerCase();
    if (name === 'version') continue;
    const rawGroup = property[1].group;
    const group =
      typeof rawGroup === 'string' ? rawGroup.toLowerCase() : undefined;
    const groupLabel = group ? labels.get(group) : undefined;
    const types = typesOf(property);
    draft.hasData = true;
    switch (name) {
      case 'n': {
        if (nameSeen) break;
        nameSeen = true;
        const [family = '', given = '', , prefix = ''] = components(property);
        if (family) draft.lastName = family;
        if (given) draft.firstName = given;
        const civility = prefix.split(/\s+/).map(parseCivility).find(Boolean);
        if (civility) draft.civility = civility;
        break;
      }
      case 'fn':
        draft.displayName ??= values(property)[0];
        break;
      case 'nickname':
        draft.nicknames.push(
          ...values(property).flatMap((v) => v.split(/\s*,\s*/)),
        );
        break;
      case 'org': {
        const [company = '', dept] = components(property);
        draft.affiliations.push(
          dept
            ? { companyName: company, department: dept }
            : { companyName: company },
        );
        break;
      }
      case 'title':
        title ??= values(property)[0];
        break;
      case 'role':
        role ??= values(property)[0];
        break;
      case 'x-department':
        department ??= values(property)[0];
        break;
      case 'tel': {
        const number = values(property)[0]?.replace(/^tel:/i, '');
        if (number) {
          draft.phones.push({
            number,
            kind: phoneKind(types, groupLabel),
            pref: isPreferred(property, types),
          });
        }
        break;
      }
      case 'email': {
        const address = values(property)[0]?.replace(/^mailto:/i, '');
        if (!address) break;
        const label = labelOf(types, groupLabel);
        const email: ContactDraft['emails'][number] = {
          address,
          pref: isPreferred(property, types),
        };
        if (label) email.label = label;
        draft.emails.push(email);
        break;
      }
      case 'adr':
        addAddress(draft, property, groupLabel);
        break;
      case 'bday': {
        if (birthdaySeen) break;
        birthdaySeen = true;
        const text = values(property)[0] ?? '';
        const parsed = parseBirthday(text);
        const issue = birthDateIssue(parsed, text);
        if (issue) draft.issues.push(issue);
        else if (parsed.kind === 'date') draft.birthDate = parsed.value;
        break;
      }
      case 'categories':
        for (const value of values(property)) {
          for (const term of splitTerms(value, 'category')) {
            // Relais writes the contact type as a category (`CATEGORIES:VIP`).
            const type =
              term.path.length === 1 ? contactTypeOf(term.path[0]!) : null;
            if (type && !draft.contactType) draft.contactType = type;
            else draft.terms.push(term);
          }
        }
        break;
      case 'note':
        draft.notes.push(...values(property));
        break;
      case 'url':
        draft.websites.push(...values(property));
        break;
      case 'uid':
        draft.externalId ??= values(property)[0];
        break;
      case 'kind':
        if (/^org/i.test(values(property)[0] ?? ''))
          draft.isOrganisation = true;
        break;
      case 'x-abshowas':
        if (/company/i.test(values(property)[0] ?? ''))
          draft.isOrganisation = true;
        break;
      default:
        if (
          /^x-(socialprofile|twitter|linkedin|facebook|instagram|mastodon|bluesky)$/.test(
            name,
          )
        ) {
          addSocial(draft, name, property);
        }
    }
  }

  // TITLE and ROLE may come before ORG: they are attached once the card is read.
  const job = title ?? role;
  const firstAffiliation = draft.affiliations[0];
  if (job) {
    if (firstAffiliation) firstAffiliation.function = job;
    else draft.affiliations.push({ function: job });
  }
  if (department && firstAffiliation)
    firstAffiliation.department ??= department;
  draft.displayName = clean(draft.displayName);

  return draft;
}
