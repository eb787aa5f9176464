import type { z } from 'zod';
import type { Ctx } from '../../platform/context.ts';
import { matchIncoming, type PersonRecord } from '../dedup/index.ts';
import { candidateRecords } from '../duplicates/person-records.ts';
import { presentContactSummary } from '../contacts/contacts.presenter.ts';
import type { ContactInput } from '../contacts/contacts.schemas.ts';
import { contactIncludes } from '../contacts/contacts.service.ts';
import { tokensOf } from '../search/search-text.ts';
import type {
  PossibleDuplicate,
  Suggestion,
  suggestInput,
} from './capture.schemas.ts';
import { readSignature, type SignatureReading } from './signature.ts';

/** Below this, a reading is shown but not put in the draft. */
const draftThreshold = 0.5;

const sure = <T extends { confidence: number }>(found: T | null) =>
  found && found.confidence >= draftThreshold ? found : null;

/** The contact a person would type from what the e-mail shows. */
export function draftOf(
  address: string,
  reading: SignatureReading,
): ContactInput {
  const name = reading.name;
  const job = sure(reading.function);
  const organisation = sure(reading.organisation);
  const department = sure(reading.department);
  const place = sure(reading.address);
  const phones = [
    ...new Map(reading.phones.map((p) => [p.value.e164, p])).values(),
  ];

  return {
    civility: name?.civility ?? null,
    firstName: name?.firstName ?? null,
    lastName: name?.lastName ?? null,
    contactType: 'press',
    origin: 'Outlook',
    emails: [{ address, label: 'work', isPrimary: true }],
    phones: phones.map((phone, index) => ({
      number: phone.value.e164,
      kind: phone.value.kind,
      isPrimary: index === 0,
    })),
    addresses: place
      ? [
          {
            label: 'work',
            street: place.value.street,
            postalCode: place.value.postalCode,
            city: place.value.city,
            country: 'FR',
            isPrimary: true,
          },
        ]
      : [],
    socialAccounts: reading.socials.map(({ value }) => ({
      network: value.network,
      handle: value.handle,
      url: value.url,
    })),
    affiliations: organisation
      ? [
          {
            companyName: organisation.value,
            function: job?.value ?? null,
            department: department?.value ?? null,
            isPrimary: true,
          },
        ]
      : [],
  };
}

/**
 * Reads an e-mail's sender and signature into a contact draft, with the
 * contacts of the base that may already be this person: those sharing the
 * address or a phone, or whose surname sounds the same, scored by the
 * dedup engine as imports are.
 */
export async function suggestContact(
  ctx: Ctx,
  input: z.output<typeof suggestInput>,
): Promise<Suggestion> {
  const reading = readSignature(input);
  const draft = draftOf(input.address, reading);
  const possibleDuplicates = await possibleDuplicatesOf(ctx, draft);
  ctx.log.info(
    {
      phones: reading.phones.length,
      function: reading.function !== null,
      organisation: reading.organisation !== null,
      duplicates: possibleDuplicates.length,
    },
    'capture.suggested',
  );

  return {
    draft: draft as Suggestion['draft'],
    signature: reading,
    possibleDuplicates,
  };
}

/**
 * The live contacts a draft may duplicate, scored by the dedup engine as
 * imports are (phones given in E.164), best first.
 */
export async function possibleDuplicatesOf(
  ctx: Ctx,
  draft: ContactInput,
): Promise<PossibleDuplicate[]> {
  const phones = (draft.phones ?? []).map((phone) => phone.number);
  const emails = (draft.emails ?? []).map((email) => email.address);
  const incoming: PersonRecord = {
    id: 'incoming',
    civility: draft.civility,
    firstName: draft.firstName,
    lastName: draft.lastName,
    emails,
    phones,
    companies: (draft.affiliations ?? []).map((a) => ({
      name: a.companyName ?? null,
      function: a.function,
    })),
    city: draft.addresses?.[0]?.city,
    postalCode: draft.addresses?.[0]?.postalCode,
    street: draft.addresses?.[0]?.street,
  };
  const tokens = tokensOf('name', draft.lastName);
  const existing = await candidateRecords(ctx, {
    emails,
    phones,
    namePhonetics: tokens.flatMap((t) => (t.phonetic ? [t.phonetic] : [])),
    nameSounds: tokens.flatMap((t) => (t.sound ? [t.sound] : [])),
  });
  if (existing.length === 0) return [];
  const { pairs } = matchIncoming([incoming], existing, {
    withinIncoming: false,
  });
  const scored = pairs
    .filter((pair) => pair.a === 'incoming')
    .sort((x, y) => y.score - x.score)
    .slice(0, 10);
  // The same address is the same mailbox, whatever the names say.
  const byEmail = existing
    .filter((record) => record.emails?.some((e) => e && emails.includes(e)))
    .map((record) => record.id)
    .filter((id) => !scored.some((pair) => pair.b === id));
  const ids = [...scored.map((pair) => pair.b), ...byEmail].map(Number);
  if (ids.length === 0) return [];
  const contacts = await ctx.db.models.Contact.findAll({
    where: { id: ids },
    include: contactIncludes(ctx.db.models),
  });
  const byId = new Map(contacts.map((contact) => [contact.id, contact]));
  const found: PossibleDuplicate[] = [];
  for (const pair of scored) {
    const contact = byId.get(Number(pair.b));
    if (!contact) continue;
    found.push({
      contact: presentContactSummary(contact, ctx.region),
      score: Math.round(pair.score * 10) / 10,
      outcome: pair.outcome,
      fields: pair.evidence.filter((e) => e.weight > 0).map((e) => e.field),
    });
  }
  for (const id of byEmail) {
    const contact = byId.get(Number(id));
    if (!contact) continue;
    found.push({
      contact: presentContactSummary(contact, ctx.region),
      score: 0,
      outcome: 'maybe',
      fields: ['email'],
    });
  }

  return found;
}
