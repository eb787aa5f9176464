/** A problem with one field of a request, named by its path (`emails.0.address`). */
export type FieldProblem = { path: string; message: string };

/** The stable codes an API error can carry. Clients switch on these. */
export type ErrorCode =
  | 'VALIDATION_FAILED'
  | 'UNAUTHENTICATED'
  | 'INVALID_CREDENTIALS'
  | 'MFA_REQUIRED'
  | 'MFA_INVALID'
  | 'STAGE_INCOMPLETE'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'GONE'
  | 'VERSION_CONFLICT'
  | 'CONFLICT'
  | 'PAYLOAD_TOO_LARGE'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'IMPORT_FILE_INVALID'
  | 'EXPORT_TEMPLATE_INVALID'
  | 'RATE_LIMITED'
  | 'TOKEN_REFUSED'
  | 'IDENTITY_UNAVAILABLE'
  | 'INTERNAL';

const statusOf: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  MFA_REQUIRED: 401,
  MFA_INVALID: 401,
  STAGE_INCOMPLETE: 403,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  GONE: 410,
  VERSION_CONFLICT: 409,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  IMPORT_FILE_INVALID: 422,
  EXPORT_TEMPLATE_INVALID: 422,
  RATE_LIMITED: 429,
  TOKEN_REFUSED: 401,
  IDENTITY_UNAVAILABLE: 503,
  INTERNAL: 500,
};

/** Default wording per code, French first. */
const messages: Record<ErrorCode, [fr: string, en: string]> = {
  VALIDATION_FAILED: [
    'Certains champs sont invalides.',
    'Some fields are invalid.',
  ],
  UNAUTHENTICATED: ['Connexion requise.', 'Sign-in required.'],
  INVALID_CREDENTIALS: [
    'Adresse ou mot de passe incorrect.',
    'Wrong email or password.',
  ],
  MFA_REQUIRED: ['Code de vérification requis.', 'Verification code required.'],
  MFA_INVALID: ['Code de vérification incorrect.', 'Wrong verification code.'],
  STAGE_INCOMPLETE: [
    'Terminez d’abord la connexion (second facteur ou nouveau mot de passe).',
    'Finish signing in first (second factor or new password).',
  ],
  FORBIDDEN: [
    'Action réservée à un autre rôle.',
    'This action needs another role.',
  ],
  NOT_FOUND: ['Introuvable.', 'Not found.'],
  GONE: ['Supprimé.', 'Deleted.'],
  VERSION_CONFLICT: [
    'Cette fiche a été modifiée entre-temps par quelqu’un d’autre. Rechargez-la.',
    'Someone else changed this record meanwhile. Reload it.',
  ],
  CONFLICT: [
    'Conflit avec une donnée existante.',
    'Conflicts with existing data.',
  ],
  PAYLOAD_TOO_LARGE: ['Envoi trop volumineux.', 'Upload too large.'],
  UNSUPPORTED_MEDIA_TYPE: [
    'Corps attendu en JSON (Content-Type: application/json).',
    'The body must be JSON (Content-Type: application/json).',
  ],
  IMPORT_FILE_INVALID: ['Fichier illisible.', 'Unreadable file.'],
  EXPORT_TEMPLATE_INVALID: [
    'Modèle de publipostage refusé.',
    'Mail merge template refused.',
  ],
  RATE_LIMITED: [
    'Trop de tentatives, réessayez plus tard.',
    'Too many attempts, retry later.',
  ],
  TOKEN_REFUSED: ['Jeton Microsoft refusé.', 'Microsoft token refused.'],
  IDENTITY_UNAVAILABLE: [
    'Service d’identité Microsoft injoignable, réessayez plus tard.',
    'Microsoft identity service unreachable, retry later.',
  ],
  INTERNAL: ['Erreur interne.', 'Internal error.'],
};

/** An error the API reports to its caller as is. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly messageFr: string;
  readonly messageEn: string;
  readonly fields?: FieldProblem[];
  /** A finer, stable cause under the code (`audience`, `expired`...). */
  readonly reason?: string;
  /** Seconds to wait before trying again, sent as `Retry-After`. */
  readonly retryAfterSeconds?: number;

  constructor(
    code: ErrorCode,
    options: {
      fr?: string;
      en?: string;
      fields?: FieldProblem[];
      reason?: string;
      retryAfterSeconds?: number;
    } = {},
  ) {
    const [fr, en] = messages[code];
    super(options.en ?? en);
    this.code = code;
    this.status = statusOf[code];
    this.messageFr = options.fr ?? fr;
    this.messageEn = options.en ?? en;
    this.fields = options.fields;
    this.reason = options.reason;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }
}

/** What each kind of record is called in English, from its French name. */
const englishNames: Record<string, string> = {
  Contact: 'Contact',
  Fusion: 'Merge',
  Import: 'Import',
  Paire: 'Pair',
  'Profil de correspondance': 'Mapping profile',
  Société: 'Company',
  Terme: 'Term',
};

/**
 * A record that does not exist, named in French and English: `what` is the
 * French name (`Paire`), or both names already joined (`Flux / feed`).
 */
export const notFound = (what: string, id: number | string) => {
  const [fr, en] = what.includes(' / ')
    ? (what.split(' / ') as [string, string])
    : [what, englishNames[what] ?? what];

  return new AppError('NOT_FOUND', {
    fr: `${fr} ${id} introuvable.`,
    en: `${en.charAt(0).toUpperCase()}${en.slice(1)} ${id} not found.`,
  });
};

export const forbidden = () => new AppError('FORBIDDEN');

export const versionConflict = (current: number) =>
  new AppError('VERSION_CONFLICT', {
    fields: [
      {
        path: 'version',
        message: `version actuelle / current version: ${current}`,
      },
    ],
  });
