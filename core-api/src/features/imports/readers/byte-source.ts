import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { ImportFileError } from './read-types.ts';

/** How much of a file is looked at to recognise its format and encoding. */
export const HEAD_BYTES = 64 * 1024;

const CHUNK_BYTES = 64 * 1024;

/** A file given as bytes or as a path, read in chunks so large files never sit whole in memory. */
export type ByteSource = {
  fileName: string;
  /** The first bytes of the file (at most `HEAD_BYTES`). */
  head(): Promise<Buffer>;
  /** The whole file, chunk by chunk, from the start. */
  chunks(): AsyncIterable<Buffer>;
  /** The path, when the file is on disk (exceljs can open it itself). */
  path?: string;
  /** The bytes, when the caller gave them. */
  buffer?: Buffer;
};

/**
 * Wraps the caller's data: a Buffer is read in place, a string is a path on disk.
 *
 * @param fileName the name shown to the user in messages
 * @param data the file's bytes, or its path
 */
export function openSource(
  fileName: string,
  data: Buffer | string,
): ByteSource {
  if (typeof data !== 'string') {
    return {
      fileName,
      buffer: data,
      head: async () => data.subarray(0, HEAD_BYTES),
      chunks: () => bufferChunks(data),
    };
  }

  return {
    fileName,
    path: data,
    head: () => readHead(fileName, data),
    chunks: () => fileChunks(fileName, data),
  };
}

async function* bufferChunks(data: Buffer): AsyncGenerator<Buffer> {
  for (let start = 0; start < data.length; start += CHUNK_BYTES) {
    yield data.subarray(start, start + CHUNK_BYTES);
  }
}

async function readHead(fileName: string, path: string): Promise<Buffer> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch {
    throw unreadable(fileName);
  }
  try {
    const buffer = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, HEAD_BYTES, 0);

    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

async function* fileChunks(
  fileName: string,
  path: string,
): AsyncGenerator<Buffer> {
  const stream = createReadStream(path, { highWaterMark: CHUNK_BYTES });
  try {
    for await (const chunk of stream) {
      yield chunk as Buffer;
    }
  } catch (error) {
    if (error instanceof ImportFileError) throw error;
    throw unreadable(fileName);
  } finally {
    stream.destroy();
  }
}

function unreadable(fileName: string): ImportFileError {
  return new ImportFileError(
    fileName,
    'fichier introuvable ou illisible',
    'file not found or unreadable',
  );
}

/**
 * Reads a whole (small) file as bytes, refusing anything above `maxBytes`:
 * for formats that cannot be parsed piecemeal (jCard, xCard).
 *
 * @param source the file
 * @param maxBytes the size limit
 */
export async function readAll(
  source: ByteSource,
  maxBytes: number,
): Promise<Buffer> {
  const parts: Buffer[] = [];
  let size = 0;
  for await (const chunk of source.chunks()) {
    size += chunk.length;
    if (size > maxBytes) {
      throw new ImportFileError(
        source.fileName,
        `fichier trop volumineux pour ce format (plus de ${Math.round(maxBytes / 1e6)} Mo)`,
        `file too large for this format (over ${Math.round(maxBytes / 1e6)} MB)`,
      );
    }
    parts.push(chunk);
  }

  return Buffer.concat(parts);
}
