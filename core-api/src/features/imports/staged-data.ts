// What a staged row carries from the preview to the commit, apart from the
// reading: the commit's thread loads this without the file readers.
import type { ImportBatchRow } from '../../platform/db/models.ts';
import { AppError } from '../../platform/http/errors.ts';
import { knownPhone } from '../../platform/text/phone.ts';
import type { ContactInputParsed } from '../contacts/contacts.schemas.ts';
import type { ImportedContact } from './readers/index.ts';

/** A pair a staged row takes into the review queue once it is committed. */
export type StagedPair = {
  /** An existing contact, or another row of the file (its sequence number). */
  contactId?: number;
  row?: number;
  /** That row's line, for people. */
  line?: number;
  score: number;
  outcome: 'same' | 'maybe';
  evidence: { field: string; agreement: string; weight: number }[];
};

/** What a staged row keeps for the commit. */
export type StagedData = {
  seq: number;
  input: ContactInputParsed;
  terms?: ImportedContact['terms'];
  pairs?: StagedPair[];
  /** The E.164 form of each of its numbers, read in `region`: parsed once. */
  phones?: { region: string; e164: Record<string, string | null> };
};

/** Spares the commit parsing again the numbers the preview parsed. */
export function rememberPhones(staged: StagedData, region: string): void {
  if (staged.phones?.region !== region) return;
  for (const [number, e164] of Object.entries(staged.phones.e164))
    knownPhone(number, region, e164);
}

/** A batch that cannot be read again or committed in its state. */
export function notStaged(batch: ImportBatchRow): AppError {
  return new AppError('CONFLICT', {
    fr: `L’import ${batch.id} n’est pas en attente de validation (état : ${batch.status}).`,
    en: `Import ${batch.id} is not waiting for a decision (status: ${batch.status}).`,
  });
}

/**
 * Why a batch failed, as it keeps it in both languages: an API error's own
 * words, or the wording given for anything unexpected (never its details).
 */
export function failureReason(
  error: unknown,
  unexpected: { fr: string; en: string },
): { fr: string; en: string } {
  return error instanceof AppError
    ? { fr: error.messageFr, en: error.messageEn }
    : unexpected;
}
