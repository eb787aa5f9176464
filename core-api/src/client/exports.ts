/**
 * The exports part of the typed client: downloading a file (it is not JSON,
 * so it has its own request path) and the administrators' settings.
 * Browser-safe, like the rest of the client.
 */
import type { z } from 'zod';
import type { ErrorBody } from '../features/common.schemas.ts';
import type {
  ExportFormat,
  exportRequest,
  exportSettingsDto,
  ExportSettings,
} from '../features/exports/exports.schemas.ts';
import { RelaisApiError, type ClientOptions } from './index.ts';

export * from '../features/exports/exports.schemas.ts';

/** What to export, how: the body of `POST /api/exports`. */
export type ExportRequestInput = z.input<typeof exportRequest>;
/** The export settings, with the version to send back when saving them. */
export type ExportSettingsDto = z.infer<typeof exportSettingsDto>;

/** A downloaded export: the file, its name, and who was left out. */
export type ExportDownload = {
  blob: Blob;
  /** The name the server gave it (`contacts-2026-12-04.xlsx`). */
  fileName: string;
  format: ExportFormat;
  /** Contacts the target matched. */
  matched: number;
  /** Of those, left out for the channel (opted out, do not contact). */
  excluded: number;
  /** The channel they were left out for, or null. */
  channel: string | null;
};

/** The file name of a `Content-Disposition` header, UTF-8 form first. */
export function fileNameOf(disposition: string | null, fallback: string) {
  const utf8 = /filename\*=UTF-8''([^;]+)/i.exec(disposition ?? '')?.[1];
  if (utf8) return decodeURIComponent(utf8);

  return /filename="([^"]+)"/i.exec(disposition ?? '')?.[1] ?? fallback;
}

/**
 * Sends requests whose answer is a file, not JSON: the answer comes back
 * as is once it is a success; a refusal is read as the API's JSON error.
 */
export function fileRequests(options: ClientOptions) {
  const base = (options.baseUrl ?? '').replace(/\/$/, '');
  const doFetch =
    options.fetch ?? ((...args: Parameters<typeof fetch>) => fetch(...args));

  return async function request(
    method: string,
    path: string,
    body?: unknown,
  ): Promise<Response> {
    const token = await options.getToken();
    const headers: Record<string, string> = {};
    if (token) headers.authorization = `Bearer ${token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (options.locale) headers['accept-language'] = options.locale();
    const response = await doFetch(`${base}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) {
      const payload: unknown = await response.json().catch(() => null);
      throw new RelaisApiError(response.status, payload as ErrorBody | null);
    }

    return response;
  };
}

/** Creates the exports client, bound to the same API and token as the main one. */
export function createExportsClient(options: ClientOptions) {
  const request = fileRequests(options);

  return {
    /**
     * Exports a target and returns the file. The server streams it; a
     * refusal (rights, template, target) arrives as a RelaisApiError before
     * any byte of the file.
     */
    download: async (input: ExportRequestInput): Promise<ExportDownload> => {
      const response = await request('POST', '/api/exports', input);
      const channel = response.headers.get('x-export-channel');

      return {
        blob: await response.blob(),
        fileName: fileNameOf(
          response.headers.get('content-disposition'),
          `contacts.${input.format}`,
        ),
        format: input.format,
        matched: Number(response.headers.get('x-export-matched') ?? 0),
        excluded: Number(response.headers.get('x-export-excluded') ?? 0),
        channel: channel && channel !== 'none' ? channel : null,
      };
    },
    settings: {
      get: async () =>
        (await (
          await request('GET', '/api/exports/settings')
        ).json()) as ExportSettingsDto,
      /** `version` is the one read: a colleague's save in between gets 409. */
      save: async (settings: ExportSettings, version: number) =>
        (await (
          await request('PUT', '/api/exports/settings', { settings, version })
        ).json()) as ExportSettingsDto,
    },
  };
}

export type ExportsClient = ReturnType<typeof createExportsClient>;
