import { request } from 'node:https';

/** Options of every call to the identity service. */
export type HttpsOptions = {
  /**
   * Extra certificate authority (PEM) to trust, beside the system's: a test
   * issuer's. Production leaves it unset.
   */
  ca?: string;
  timeoutMs?: number;
};

/** The identity service could not be reached or answered nonsense. */
export class IdentityServiceError extends Error {}

const largestBody = 1_000_000;

/**
 * Sends one HTTPS request and reads a JSON answer (null when the answer has
 * no content). Plain http is refused:
 * keys and metadata fetched in clear could be swapped on the way.
 */
export function httpsJson(
  url: string,
  options: HttpsOptions & {
    method?: 'GET' | 'POST';
    headers?: Record<string, string>;
    body?: string;
  } = {},
): Promise<{ status: number; headers: Record<string, string>; body: unknown }> {
  const target = new URL(url);
  if (target.protocol !== 'https:') {
    return Promise.reject(
      new IdentityServiceError(`not an https address: ${target.origin}`),
    );
  }

  return new Promise((resolve, reject) => {
    const outgoing = request(
      target,
      {
        method: options.method ?? 'GET',
        headers: { accept: 'application/json', ...options.headers },
        ...(options.ca ? { ca: options.ca } : {}),
        timeout: options.timeoutMs ?? 10_000,
      },
      (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        response.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > largestBody) {
            response.destroy(new IdentityServiceError('answer too large'));
            return;
          }
          chunks.push(chunk);
        });
        response.on('error', reject);
        response.on('end', () => {
          const headers: Record<string, string> = {};
          for (const [name, value] of Object.entries(response.headers)) {
            if (typeof value === 'string') headers[name] = value;
          }
          try {
            const text = Buffer.concat(chunks).toString('utf8');
            resolve({
              status: response.statusCode ?? 0,
              headers,
              // Graph answers some calls, and some refusals, with no content.
              body: text === '' ? null : JSON.parse(text),
            });
          } catch {
            reject(
              new IdentityServiceError(
                `unreadable answer from ${target.origin}`,
              ),
            );
          }
        });
      },
    );
    outgoing.on('timeout', () =>
      outgoing.destroy(new IdentityServiceError(`timeout: ${target.origin}`)),
    );
    outgoing.on('error', (error) =>
      reject(
        error instanceof IdentityServiceError
          ? error
          : new IdentityServiceError(`${target.origin}: ${error.message}`),
      ),
    );
    if (options.body) outgoing.write(options.body);
    outgoing.end();
  });
}
