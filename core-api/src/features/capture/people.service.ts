import type { z } from 'zod';
import type { Ctx } from '../../platform/context.ts';
import {
  inputOf,
  presentContact,
  presentContactSummary,
} from '../contacts/contacts.presenter.ts';
import type { ContactDto } from '../contacts/contacts.schemas.ts';
import {
  contactIncludes,
  loadContact,
  updateContact,
} from '../contacts/contacts.service.ts';
import { contactsByAddress, presentInteractions } from '../history/index.ts';
import type {
  PeopleLookup,
  PersonCard,
  completeInput,
  peopleLookupInput,
} from './people.schemas.ts';

/** History lines a card shows: enough to recall the last exchanges. */
const latestCount = 3;

/**
 * Tells which addresses of an e-mail belong to contacts of the base, with
 * each contact's compact card: summary, lists, latest history. Contacts are
 * found by address the way logging the e-mail finds them.
 */
export async function lookUpPeople(
  ctx: Ctx,
  input: z.output<typeof peopleLookupInput>,
): Promise<PeopleLookup> {
  const addresses = [...new Set(input.addresses)];
  const owners = await contactsByAddress(ctx, addresses);
  const ids = [...new Set([...owners.values()].flat())];
  const cards = await cardsOf(ctx, ids);
  ctx.log.info(
    { addresses: addresses.length, known: owners.size },
    'capture.people.looked_up',
  );

  return {
    people: addresses.map((address) => ({
      address,
      contacts: (owners.get(address) ?? []).flatMap((id) => {
        const card = cards.get(id);
        return card ? [card] : [];
      }),
    })),
  };
}

async function cardsOf(
  ctx: Ctx,
  ids: number[],
): Promise<Map<number, PersonCard>> {
  const cards = new Map<number, PersonCard>();
  if (ids.length === 0) return cards;
  const { Contact, ListContact, List, Interaction } = ctx.db.models;
  const contacts = await Contact.findAll({
    where: { id: ids },
    include: contactIncludes(ctx.db.models),
  });
  const memberships = await ListContact.findAll({
    where: { contactId: ids },
    attributes: ['listId', 'contactId'],
  });
  // Deleted lists keep their members until purged; they are not shown.
  const lists = await List.findAll({
    where: { id: [...new Set(memberships.map((m) => m.listId))] },
    attributes: ['id', 'name'],
    order: [['name', 'ASC']],
  });
  for (const contact of contacts) {
    const rows = await Interaction.findAll({
      where: { contactId: contact.id },
      order: [
        ['occurredAt', 'DESC'],
        ['id', 'DESC'],
      ],
      limit: latestCount,
    });
    const member = new Set(
      memberships
        .filter((m) => m.contactId === contact.id)
        .map((m) => m.listId),
    );
    cards.set(contact.id, {
      contact: presentContactSummary(contact, ctx.region),
      lists: lists
        .filter((list) => member.has(list.id))
        .map((list) => ({ id: list.id, name: list.name })),
      latest: await presentInteractions(ctx, rows),
    });
  }

  return cards;
}

const sameText = (a: string | null | undefined, b: string | null | undefined) =>
  (a ?? '').trim().toLocaleLowerCase('fr') ===
  (b ?? '').trim().toLocaleLowerCase('fr');

/**
 * Completes a contact already in the base with what an e-mail showed, in
 * place of creating its duplicate: the addresses and phones it lacks, and
 * the organisation when it has no affiliation there. Nothing it holds is
 * replaced; a colleague's save since `version` was read gives 409.
 */
export async function completeContact(
  ctx: Ctx,
  input: z.output<typeof completeInput>,
): Promise<ContactDto> {
  const current = presentContact(
    await loadContact(ctx, input.contactId),
    ctx.region,
  );
  const next = inputOf(current);
  const { draft } = input;
  for (const email of draft.emails)
    if (!next.emails.some((e) => sameText(e.address, email.address)))
      next.emails.push({ ...email, isPrimary: next.emails.length === 0 });
  const phones = new Set(current.phones.map((p) => p.e164 ?? p.raw));
  for (const phone of draft.phones)
    if (!phones.has(phone.number))
      next.phones.push({ ...phone, isPrimary: next.phones.length === 0 });
  for (const affiliation of draft.affiliations) {
    const known = current.affiliations.some(
      (a) => !a.endDate && sameText(a.company.name, affiliation.companyName),
    );
    if (!known && affiliation.companyName)
      next.affiliations.push({
        ...affiliation,
        isPrimary: next.affiliations.length === 0,
      });
  }
  const added = {
    emails: next.emails.length - current.emails.length,
    phones: next.phones.length - current.phones.length,
    affiliations: next.affiliations.length - current.affiliations.length,
  };
  ctx.log.info({ contactId: input.contactId, ...added }, 'capture.completed');

  return updateContact(
    ctx,
    input.contactId,
    { ...next, version: input.version },
    undefined,
    { source: 'outlook' },
  );
}
