/** Why a feed run failed, stable for clients and the run history. */
export type FeedErrorCode =
  | 'URL_REFUSED'
  | 'ADDRESS_REFUSED'
  | 'DNS_FAILED'
  | 'TOO_MANY_REDIRECTS'
  | 'HTTP_STATUS'
  | 'TOO_LARGE'
  | 'TIMEOUT'
  | 'NETWORK'
  | 'FOLDER_REFUSED'
  | 'FOLDER_UNREADABLE'
  | 'MAPPING_PROFILE_MISSING'
  | 'IMPORT_REFUSED'
  | 'INTERRUPTED'
  | 'INTERNAL';

/**
 * A failure of a feed run, worded for the administrator in French and in
 * English. It never quotes file contents, so it can go into the run report,
 * the alert and the audit trail.
 */
export class FeedError extends Error {
  readonly code: FeedErrorCode;
  readonly fr: string;
  readonly en: string;

  constructor(code: FeedErrorCode, fr: string, en: string) {
    super(en);
    this.code = code;
    this.fr = fr;
    this.en = en;
  }
}

/** Any failure as a feed error; unknown ones keep no detail. */
export function asFeedError(error: unknown): FeedError {
  if (error instanceof FeedError) return error;

  return new FeedError(
    'INTERNAL',
    'Erreur interne pendant l’exécution du flux (voir le journal).',
    'Internal error while running the feed (see the log).',
  );
}
