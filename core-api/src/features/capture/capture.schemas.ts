import { z } from 'zod';
import { emailAddress } from '../common.schemas.ts';
import {
  contactInput,
  contactSummary,
  phoneKinds,
  socialNetworks,
} from '../contacts/contacts.schemas.ts';

/** An e-mail as the Outlook add-in reads it, to capture its sender. */
export const suggestInput = z.object({
  displayName: z.string().trim().max(300).nullish(),
  address: emailAddress,
  /** The body, plain text or HTML; 200,000 characters at most. */
  body: z.string().max(200_000).default(''),
  bodyType: z.enum(['text', 'html']).default('text'),
});
export type SuggestInput = z.input<typeof suggestInput>;

/** Where a value was read: how sure (0 to 1), and the line of the body. */
function located<T extends z.ZodType>(value: T) {
  return z.object({
    value,
    confidence: z.number().min(0).max(1),
    line: z.number().int(),
    text: z.string(),
  });
}

export const signatureReading = z.object({
  block: z
    .object({ firstLine: z.number().int(), lastLine: z.number().int() })
    .nullable(),
  name: z
    .object({
      civility: z.enum(['M', 'MME']).nullable(),
      firstName: z.string().nullable(),
      lastName: z.string().nullable(),
      confidence: z.number(),
      from: z.enum(['displayName', 'address', 'signature']),
    })
    .nullable(),
  phones: z.array(
    located(
      z.object({
        raw: z.string(),
        e164: z.string(),
        kind: z.enum(phoneKinds),
      }),
    ),
  ),
  function: located(z.string()).nullable(),
  department: located(z.string()).nullable(),
  organisation: located(z.string()).nullable(),
  website: located(z.string()).nullable(),
  address: located(
    z.object({
      street: z.string().nullable(),
      postalCode: z.string(),
      city: z.string(),
    }),
  ).nullable(),
  socials: z.array(
    located(
      z.object({
        network: z.enum(socialNetworks),
        handle: z.string().nullable(),
        url: z.string().nullable(),
      }),
    ),
  ),
  emails: z.array(located(z.string())),
});
export type SignatureReadingDto = z.infer<typeof signatureReading>;

/** A contact already in the base that may be the same person. */
export const possibleDuplicate = z.object({
  contact: contactSummary,
  score: z.number(),
  /** `same`: almost surely the same person; `maybe`: worth a look. */
  outcome: z.enum(['same', 'maybe']),
  /** The fields the match rests on (`email`, `lastName`, `phone`...). */
  fields: z.array(z.string()),
});

export const suggestion = z.object({
  /** A contact ready for `POST /api/contacts`, to check before saving. */
  draft: contactInput,
  signature: signatureReading,
  possibleDuplicates: z.array(possibleDuplicate),
});
export type Suggestion = z.infer<typeof suggestion>;
export type PossibleDuplicate = z.infer<typeof possibleDuplicate>;
