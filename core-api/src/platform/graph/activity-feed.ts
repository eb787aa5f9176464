import {
  httpsJson,
  IdentityServiceError,
  type HttpsOptions,
} from '../auth/entra/https-json.ts';

/**
 * One Teams activity feed notification, as Microsoft Graph takes it
 * (`sendActivityNotification`). Its `activityType` must be declared in the
 * app's manifest, whose template text the `templateParameters` fill.
 */
export type ActivityNotification = {
  topic: { source: 'text'; value: string; webUrl: string };
  activityType: string;
  previewText: { content: string };
  templateParameters: { name: string; value: string }[];
  /** The Teams app (manifest id) the notification comes from. */
  teamsAppId: string;
};

/** What Graph made of a notification. */
export type ActivityOutcome =
  | { kind: 'sent' }
  /** Too many requests, or Graph busy: send again after `retryAfterS`. */
  | { kind: 'throttled'; status: number; retryAfterS: number }
  /** Refused for good (permission, unknown user, app not installed…). */
  | { kind: 'refused'; status: number; code: string }
  /** Graph failing or unreachable: a later attempt may succeed. */
  | { kind: 'failed'; status: number | null; reason: string };

/** How long to wait when a throttled answer names no delay. */
const defaultRetryAfterS = 60;

/** `Retry-After` in seconds, or as an HTTP date. */
export function retryAfterSeconds(
  value: string | undefined,
  now = Date.now(),
): number {
  if (!value) return defaultRetryAfterS;
  if (/^\d+$/.test(value.trim())) return Number(value.trim());
  const at = Date.parse(value);

  return Number.isNaN(at)
    ? defaultRetryAfterS
    : Math.max(0, Math.ceil((at - now) / 1000));
}

function errorCode(body: unknown): string {
  const code = (body as { error?: { code?: unknown } } | null)?.error?.code;

  return typeof code === 'string' ? code : 'unknown';
}

/**
 * Sends activity notifications through Microsoft Graph, with an application
 * token. Nothing is retried here: the caller (a background job) decides,
 * from the outcome, whether and when to try again.
 */
export class GraphActivityFeed {
  constructor(
    private readonly options: HttpsOptions & {
      /** `https://graph.microsoft.com`, or a national cloud's host. */
      baseUrl: string;
    },
  ) {}

  /**
   * @param token an application token carrying `TeamsActivity.Send`
   * @param userId the recipient's Entra ID object id
   */
  async notify(
    token: string,
    userId: string,
    activity: ActivityNotification,
  ): Promise<ActivityOutcome> {
    const base = this.options.baseUrl.replace(/\/+$/, '');
    const url =
      `${base}/v1.0/users/${encodeURIComponent(userId)}` +
      '/teamwork/sendActivityNotification';
    let answer: Awaited<ReturnType<typeof httpsJson>>;
    try {
      answer = await httpsJson(url, {
        ...this.options,
        method: 'POST',
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'application/json',
        },
        body: JSON.stringify(activity),
      });
    } catch (error) {
      const reason =
        error instanceof IdentityServiceError ? error.message : String(error);
      return { kind: 'failed', status: null, reason };
    }
    const { status, headers, body } = answer;
    if (status >= 200 && status < 300) return { kind: 'sent' };
    if (status === 429 || (status === 503 && headers['retry-after']))
      return {
        kind: 'throttled',
        status,
        retryAfterS: retryAfterSeconds(headers['retry-after']),
      };
    // 401: a token gone stale meanwhile; a later attempt gets a fresh one.
    if (status >= 400 && status < 500 && status !== 408 && status !== 401)
      return { kind: 'refused', status, code: errorCode(body) };

    return { kind: 'failed', status, reason: errorCode(body) };
  }
}
