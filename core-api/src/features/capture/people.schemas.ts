import { z } from 'zod';
import { emailAddress } from '../common.schemas.ts';
import { contactInput, contactSummary } from '../contacts/contacts.schemas.ts';
import { interactionDto } from '../history/history.schemas.ts';

/** How many addresses one look-up may name: an e-mail's sender and recipients. */
export const maxLookupAddresses = 200;

/** The addresses of an e-mail (sender, to, cc), to tell who is in the base. */
export const peopleLookupInput = z.object({
  addresses: z
    .array(emailAddress)
    .min(1, { message: 'au moins une adresse / at least one address' })
    .max(maxLookupAddresses, {
      message: '200 adresses au plus / 200 addresses at most',
    }),
});
export type PeopleLookupInput = z.input<typeof peopleLookupInput>;

/** A contact of the base as the Outlook pane shows it: a compact card. */
export const personCard = z.object({
  contact: contactSummary,
  /** The lists the contact is a member of, by name. */
  lists: z.array(z.object({ id: z.number().int(), name: z.string() })),
  /** The latest lines of the contact's history, newest first. */
  latest: z.array(interactionDto),
});
export type PersonCard = z.infer<typeof personCard>;

export const peopleLookup = z.object({
  /** One entry per address asked, in the same order; no contact: unknown. */
  people: z.array(
    z.object({ address: z.string(), contacts: z.array(personCard) }),
  ),
});
export type PeopleLookup = z.infer<typeof peopleLookup>;

/**
 * Completing a contact already in the base with what an e-mail showed, in
 * place of creating its duplicate: `version` is the one read.
 */
export const completeInput = z.object({
  contactId: z.number().int().positive(),
  version: z.number().int().positive(),
  /** The capture draft, as the person checked it. */
  draft: contactInput,
});
export type CompleteInput = z.input<typeof completeInput>;
