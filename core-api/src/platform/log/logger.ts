import { pino, type Logger, type DestinationStream } from 'pino';

export type { Logger };

/**
 * Fields that may hold secrets or personal data. pino replaces them with
 * `[redacted]` wherever they appear, two levels deep.
 */
const redactedKeys = [
  'password',
  'passwordHash',
  'totp',
  'totpSecret',
  'code',
  'token',
  'accessToken',
  'refreshToken',
  'authorization',
  'cookie',
  'email',
  'phone',
  'firstName',
  'lastName',
  'name',
  'address',
  'body',
  'row',
];

const redactPaths = [
  ...redactedKeys,
  ...redactedKeys.map((key) => `*.${key}`),
  ...redactedKeys.map((key) => `*.*.${key}`),
  'req.headers.authorization',
  'req.headers.cookie',
];

/**
 * Creates the project's logger: JSON lines, ids and counts only.
 *
 * @param level smallest level written
 * @param destination where lines go, stdout by default
 */
export function createLogger(
  level: string,
  destination?: DestinationStream,
): Logger {
  const options = {
    level,
    base: { service: 'relais' },
    redact: { paths: redactPaths, censor: '[redacted]' },
    timestamp: pino.stdTimeFunctions.isoTime,
  };

  return destination ? pino(options, destination) : pino(options);
}
