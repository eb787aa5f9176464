/**
 * The typed client of contact capture from an e-mail (issue #5): a draft
 * read from the sender's name and signature, with the contacts it may
 * duplicate. Browser-safe like the rest of the client.
 */
import type {
  SuggestInput,
  Suggestion,
} from '../features/capture/capture.schemas.ts';
import type {
  CompleteInput,
  PeopleLookup,
  PeopleLookupInput,
} from '../features/capture/people.schemas.ts';
import type { ContactDto } from '../features/contacts/contacts.schemas.ts';

export * from '../features/capture/capture.schemas.ts';
export * from '../features/capture/people.schemas.ts';

/** The request function of `createRelaisClient`, as capture uses it. */
type Call = <T>(method: string, path: string, body?: unknown) => Promise<T>;

/** The `capture` part of the client. */
export function captureClient(call: Call) {
  return {
    /** A contact draft from an e-mail, and who may already be that person. */
    suggest: (input: SuggestInput) =>
      call<Suggestion>('POST', '/api/capture/suggest', input),
    /** Which addresses of an e-mail are contacts, with their compact cards. */
    people: (input: PeopleLookupInput) =>
      call<PeopleLookup>('POST', '/api/capture/people', input),
    /** Adds what an e-mail showed to a contact instead of creating a duplicate. */
    complete: (input: CompleteInput) =>
      call<ContactDto>('POST', '/api/capture/complete', input),
  };
}
