import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type { Lang } from './export-labels.ts';
import type { ExportRow } from './export-rows.ts';

/** Whom an export lists: people, or companies. */
export type Entity = 'contact' | 'company';

/** What a format writer is given besides the rows. */
export type WriteOptions = {
  lang: Lang;
  /** Whether the rows are contacts or companies (columns, words, cards). */
  entity: Entity;
  /** The document's title (HTML page, workbook). */
  title: string;
  /** A user's DOCX template, for letters and labels. */
  template?: Buffer;
  /** The template's file name, for messages. */
  templateName?: string;
};

/**
 * Writes rows, batch by batch, to `out` and ends it. Resolves with the
 * number of rows written once everything is flushed.
 */
export type FormatWriter = (
  batches: AsyncIterable<ExportRow[]>,
  out: Writable,
  options: WriteOptions,
) => Promise<number>;

/** Writes text and waits when the destination asks to (backpressure). */
export async function put(out: Writable, chunk: string | Buffer) {
  if (out.destroyed) throw closed();
  if (!out.write(chunk)) await waitForDrain(out);
}

const closed = () => new Error('export destination closed');

/** Waits until a destination has room again, or fails with it. */
export async function waitForDrain(out: Writable) {
  if (out.destroyed) throw closed();
  if (!out.writableNeedDrain) return;
  // Listeners go once settled: a long export drains thousands of times.
  const stop = new AbortController();
  const { signal } = stop;
  try {
    await Promise.race([
      once(out, 'drain', { signal }),
      once(out, 'close', { signal }).then(() => {
        throw closed();
      }),
    ]);
  } finally {
    stop.abort();
  }
}

/** Ends a destination and waits until every byte is handed over. */
export async function finish(out: Writable) {
  if (out.writableFinished) return;
  if (out.destroyed) throw closed();
  const done = once(out, 'finish');
  if (!out.writableEnded) out.end();
  await done;
}
