/**
 * The typed client of contact capture from an e-mail (issue #5): a draft
 * read from the sender's name and signature, with the contacts it may
 * duplicate. Browser-safe like the rest of the client.
 */
import type {
  SuggestInput,
  Suggestion,
} from '../features/capture/capture.schemas.ts';

export * from '../features/capture/capture.schemas.ts';

/** The request function of `createRelaisClient`, as capture uses it. */
type Call = <T>(method: string, path: string, body?: unknown) => Promise<T>;

/** The `capture` part of the client. */
export function captureClient(call: Call) {
  return {
    /** A contact draft from an e-mail, and who may already be that person. */
    suggest: (input: SuggestInput) =>
      call<Suggestion>('POST', '/api/capture/suggest', input),
  };
}
