/**
 * What one piece of a signature line can be: phone numbers with their
 * label, addresses of the web and social accounts, a French postal
 * address, a job function. Each reader looks at one piece of text only;
 * `signature.ts` decides which piece is what in the block.
 */
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { normaliseEmail } from '../../platform/text/email.ts';
import { fold } from '../../platform/text/fold.ts';
import { normalisePhone } from '../../platform/text/phone.ts';
import { oneOf, pattern } from './patterns.ts';

export type PhoneKind = 'mobile' | 'office' | 'fax';
export type FoundPhone = { raw: string; e164: string; kind: PhoneKind };

// A French number (`05 62 11 33 00`, `05.62.11.33.00`, `+33 (0)6 12…`) or
// another country's in international form.
const phonePattern = pattern(
  oneOf([
    String.raw`(?:(?:\+|00)\s?33\s?(?:\(0\)\s?)?[1-9]|\b0[1-9])(?:[\s.\-]?\d{2}){4}\b`,
    String.raw`(?:\+|\b00)[1-9]\d{0,2}[\s.\-]?(?:\(0\)[\s.\-]?)?\d(?:[\s.\-]?\d){5,12}\b`,
  ]),
  'g',
);

const faxLabel = /(?:\bfax\b|t[ée]l[ée]copie|^\s*f\s*[.:])/i;
const mobileLabel = pattern(
  String.raw`\b${oneOf(['mob(?:ile)?', 'portable', 'port', 'cell(?:ulaire)?', 'gsm'])}\b` +
    String.raw`|^\s*m\s*[.:]`,
);
const officeLabel = pattern(
  String.raw`\b${oneOf([
    't[ée]l(?:[ée]phone)?',
    'phone',
    'ligne directe',
    'direct',
    'standard',
    'fixe',
    'bureau',
    'office',
  ])}\b|^\s*t\s*[.:]`,
);
// Every label, to take it out of the text once its number is read.
const anyLabel = pattern(
  String.raw`${oneOf([
    't[ée]l[ée]copie',
    't[ée]l[ée]phone',
    't[ée]l',
    'fax',
    'mob(?:ile)?',
    'portable',
    'port',
    'gsm',
    'ligne directe',
    'direct',
    'standard',
    'fixe',
    'bureau',
    'phone',
    'cell',
  ])}\s*\.?\s*:?`,
  'gi',
);

function kindOfNumber(e164: string): PhoneKind {
  const type = parsePhoneNumberFromString(e164)?.getType();

  return type === 'MOBILE' ? 'mobile' : 'office';
}

/**
 * The phone numbers of a piece of text. The label before each number
 * (`Tél. :`, `Port. :`, `Fax :`) gives its kind; without one, the number
 * itself does (a French 06 or 07 is a mobile).
 */
export function readPhones(
  text: string,
): { phone: FoundPhone; labelled: boolean }[] {
  const found: { phone: FoundPhone; labelled: boolean }[] = [];
  let labelFrom = 0;
  for (const match of text.matchAll(phonePattern)) {
    const raw = match[0].trim();
    const label = text.slice(labelFrom, match.index);
    labelFrom = match.index + match[0].length;
    const { e164 } = normalisePhone(raw.replace(/\(0\)/, ''), 'FR');
    if (!e164) continue;
    const kind: PhoneKind | null = faxLabel.test(label)
      ? 'fax'
      : mobileLabel.test(label)
        ? 'mobile'
        : officeLabel.test(label)
          ? 'office'
          : null;
    found.push({
      phone: { raw, e164, kind: kind ?? kindOfNumber(e164) },
      labelled: kind !== null,
    });
  }

  return found;
}

/** The text without its phone numbers and their labels. */
export function withoutPhones(text: string): string {
  return text
    .replace(phonePattern, ' ')
    .replace(anyLabel, ' ')
    .replace(/\b[TMF]\s*[.:]\s*/g, ' ')
    .trim();
}

export const emailPattern =
  /[\p{L}\p{N}._%+'-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/gu;

export type SocialNetwork =
  | 'twitter'
  | 'linkedin'
  | 'facebook'
  | 'instagram'
  | 'mastodon'
  | 'bluesky'
  | 'youtube'
  | 'tiktok';
export type FoundSocial = {
  network: SocialNetwork;
  handle: string | null;
  url: string | null;
};

const socialHosts: [RegExp, SocialNetwork][] = [
  [/(?:^|\.)linkedin\.com$/, 'linkedin'],
  [/(?:^|\.)(?:twitter|x)\.com$/, 'twitter'],
  [/(?:^|\.)facebook\.com$/, 'facebook'],
  [/(?:^|\.)instagram\.com$/, 'instagram'],
  [/(?:^|\.)youtube\.com$/, 'youtube'],
  [/(?:^|\.)tiktok\.com$/, 'tiktok'],
  [/(?:^|\.)bsky\.app$/, 'bluesky'],
];

// Bare domains (`ladepeche.fr`) count only under the endings signatures use.
const topLevel = oneOf(
  'fr com org net eu info media tv io be ch lu ca radio news paris app social'.split(
    ' ',
  ),
);
const urlPattern = pattern(
  String.raw`(?:https?:\/\/)?(?:www\.)?(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?\.)+` +
    String.raw`${topLevel}(?:\/[^\s,;()<>]*)?`,
  'giu',
);

const labelNetworks: [RegExp, SocialNetwork][] = [
  [/\b(?:twitter|x)\s*:?\s*$/i, 'twitter'],
  [/\binstagram\s*:?\s*$/i, 'instagram'],
  [/\bbluesky\s*:?\s*$/i, 'bluesky'],
  [/\bmastodon\s*:?\s*$/i, 'mastodon'],
  [/\btiktok\s*:?\s*$/i, 'tiktok'],
];

/** Web addresses, e-mail addresses and social accounts of a piece of text. */
export function readLinks(text: string): {
  websites: string[];
  /** Each account, with how sure its network is (a bare `@` is a guess). */
  socials: { social: FoundSocial; confidence: number }[];
  emails: string[];
  rest: string;
} {
  const websites: string[] = [];
  const socials: { social: FoundSocial; confidence: number }[] = [];
  const emails: string[] = [];
  let rest = text.replace(emailPattern, (address, offset: number) => {
    // A Mastodon handle (`@marie@piaille.fr`) looks like an address.
    if (text[offset - 1] !== '@') {
      emails.push(normaliseEmail(address) ?? address.toLowerCase());
      return ' ';
    }
    const [user, server] = address.split('@') as [string, string];
    socials.push({
      social: {
        network: 'mastodon',
        handle: `@${address}`,
        url: `https://${server}/@${user}`,
      },
      confidence: 0.85,
    });

    return ' ';
  });
  rest = rest.replace(/@\s/g, ' ');
  rest = rest.replace(urlPattern, (found, offset: number, whole: string) => {
    if (whole[offset - 1] === '@') return found;
    const url = /^https?:\/\//i.test(found) ? found : `https://${found}`;
    const host = new URL(url).hostname.replace(/^www\./, '').toLowerCase();
    const network = socialHosts.find(([pattern]) => pattern.test(host))?.[1];
    if (network) {
      const path = new URL(url).pathname.split('/').filter(Boolean);
      const handle = path[path.length - 1] ?? null;
      socials.push({
        social: { network, handle, url: url.replace(/\/$/, '') },
        confidence: 0.9,
      });
    } else if (!host.endsWith('bsky.social')) {
      websites.push(url.replace(/\/$/, ''));
    }

    return ' ';
  });
  rest = rest.replace(
    /(^|[\s(])@([A-Za-z0-9_.-]{2,60})/g,
    (_, before: string, handle: string, offset: number, whole: string) => {
      const label = whole.slice(0, offset + before.length);
      const named = handle.endsWith('.bsky.social')
        ? 'bluesky'
        : labelNetworks.find(([words]) => words.test(label))?.[1];
      // A bare `@handle` is most often an X (Twitter) account: a guess.
      const network: SocialNetwork = named ?? 'twitter';
      socials.push({
        social: { network, handle: `@${handle}`, url: null },
        confidence: named ? 0.85 : 0.5,
      });

      return before;
    },
  );
  rest = rest
    .replace(
      /\b(?:twitter|x|instagram|linkedin|bluesky|mastodon|site|web|internet)\s*:/gi,
      ' ',
    )
    .trim();

  return { websites, socials, emails, rest };
}

export type FoundAddress = {
  street: string | null;
  postalCode: string;
  city: string;
};

// [street, ]postal code, city[ Cedex n][, France]: the code of a French
// département (01 to 98) and three digits.
const postalLine = pattern(
  String.raw`^(?:(.*?)[\s,–-]+)?(?:F-?\s?)?((?:0[1-9]|[1-8]\d|9[0-8])\s?\d{3})\s+` +
    String.raw`(\p{L}[\p{L}'’\- ]*?(?:\s+cedex(?:\s*\d{1,2})?)?)\s*(?:,?\s*france)?\s*\.?$`,
  'iu',
);

const streetWords = pattern(
  String.raw`^(?:\d{1,4}\s?(?:bis|ter|b)?\s*,?\s+)?${oneOf([
    'rue',
    'avenue',
    'av\\.?',
    'boulevard',
    'bd',
    'place',
    'pl\\.',
    'quai',
    'all[ée]e',
    'chemin',
    'impasse',
    'cours',
    'route',
    'square',
    'passage',
    'voie',
    'esplanade',
    'parvis',
    'rond-point',
    'cit[ée]',
    'villa',
    'sentier',
    'promenade',
    'faubourg',
    'fbg',
    'immeuble',
    'b[aâ]timent',
    'zac',
    'zi',
    'za',
  ])}\b`,
);
const postBox = /^(?:BP|CS|TSA)\s*\d+/i;

/** Whether a piece of text is a street line (`80 avenue Jean Baylet`, `BP 41`). */
export function isStreet(text: string): boolean {
  return (
    (streetWords.test(text) && /\p{L}{3}/u.test(text)) || postBox.test(text)
  );
}

/** A postal code and city (`31095 Toulouse Cedex 9`), with a street before it. */
export function readPostal(text: string): FoundAddress | null {
  const match = postalLine.exec(text.trim());
  if (!match) return null;
  const before = match[1]?.trim() ?? '';
  const city = match[3]?.trim() ?? '';
  if (before && !isStreet(before)) return null;
  if (!city || city.split(' ').length > 6) return null;

  return {
    street: before || null,
    postalCode: (match[2] ?? '').replace(/\s/g, ''),
    city: city.replace(/\bcedex\b/i, 'Cedex'),
  };
}

// Job vocabulary of the press and institutions, folded (no accents).
const functionWords = pattern(
  String.raw`\b${oneOf([
    'journaliste',
    'redact(?:eur|rice)',
    'reporter',
    'correspondant',
    'chef(?:fe)?',
    'direct(?:eur|rice)',
    'responsable',
    'charge(?:e)? (?:de|des|d)',
    'attache(?:e)? de presse',
    'secretaire',
    'editorialiste',
    'chroniqueu(?:r|se)',
    'presentat(?:eur|rice)',
    'animat(?:eur|rice)',
    'product(?:eur|rice)',
    'realisat(?:eur|rice)',
    'photographe',
    'photojournaliste',
    'critique',
    'pigiste',
    'envoye(?:e)? special',
    'conseill(?:er|ere)',
    'delegue(?:e)?',
    'president(?:e)?',
    'fondat(?:eur|rice)',
    'gerant(?:e)?',
    'manager',
    'assistant(?:e)?',
    'consultant(?:e)?',
    'coordinat(?:eur|rice)',
    'administrat(?:eur|rice)',
    'head of',
    'editor',
    'journalist',
    'director',
    'officer',
    'founder',
    'partner',
    'associe(?:e)?',
    'avocat(?:e)?',
    'maire',
    'depute(?:e)?',
    'senat(?:eur|rice)',
    'prefet',
    'ministre',
    'porte-parole',
    'webmaster',
    'cadreu(?:r|se)',
    'monteu(?:r|se)',
    'documentaliste',
    'stagiaire',
    'ceo',
    'cto',
    'coo',
    'cfo',
    'cmo',
    'dg',
    'drh',
    'pdg',
  ])}\b`,
  '',
);

/** Whether a piece of text names a job (folded comparison). */
export function isFunction(text: string): boolean {
  return functionWords.test(fold(text)) && text.length <= 120;
}

const departmentWords = pattern(
  String.raw`^${oneOf(
    [
      'service rubrique redaction departement direction pole desk bureau',
      'cellule division equipe team section',
    ]
      .join(' ')
      .split(' '),
  )}\b`,
  '',
);

/** Whether a piece of text names a department (`Service Culture`). */
export function isDepartment(text: string): boolean {
  return departmentWords.test(fold(text.trim()));
}

// Words of organisations' names (folded): kinds of outlet and institution,
// and the words the French press titles are made of.
const organisationWords = pattern(
  String.raw`\b${oneOf(
    [
      'journal radio television tele tv magazine mag hebdo quotidien agence',
      'groupe group editions media medias presse press ministere mairie',
      'prefecture conseil region departement universite fondation association',
      'societe sa sas sarl france news info infos midi matin soir monde figaro',
      'liberation parisien ouest echos express point obs afp reuters festival',
      'theatre musee opera orchestre',
    ]
      .join(' ')
      .split(' '),
  )}\b`,
  '',
);

/** Whether a piece of text reads like an organisation's name. */
export function looksLikeOrganisation(text: string): boolean {
  return organisationWords.test(fold(text));
}
