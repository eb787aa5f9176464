import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve } from 'node:path';
import type { Ctx } from '../../platform/context.ts';
import type { FeedRow } from '../../platform/db/models.ts';
import { FeedError } from './feed-errors.ts';

/** A file of a folder feed that was never read in this state. */
export type NewFile = {
  fileName: string;
  /** Null for a file over the size limit: it is refused, and remembered. */
  data: Buffer | null;
  size: number;
  mtimeMs: number;
  sha256: string;
};

export type FolderScan = {
  file: NewFile | null;
  /** More files wait (or are still being written): run again soon. */
  more: boolean;
};

/** The SHA-256 of some bytes, in hexadecimal. */
export const sha256 = (data: Buffer) =>
  createHash('sha256').update(data).digest('hex');

async function hashFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path))
    hash.update(chunk as Buffer);

  return hash.digest('hex');
}

/** True when `path` is `root` or inside it. */
function inside(root: string, path: string): boolean {
  const rel = relative(root, path);

  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/**
 * The folder a feed names, checked against FEEDS_DIR: relative to it, or
 * absolute but inside it. With `real`, links are followed first, so a link
 * inside FEEDS_DIR cannot lead a feed out of it.
 */
export async function feedFolder(
  feedsDir: string,
  folderPath: string,
  real = false,
): Promise<string> {
  const root = resolve(feedsDir);
  const folder = resolve(root, folderPath);
  const refused = () =>
    new FeedError(
      'FOLDER_REFUSED',
      `Le dossier doit se trouver dans ${root} (FEEDS_DIR).`,
      `The folder must be inside ${root} (FEEDS_DIR).`,
    );
  if (!inside(root, folder)) throw refused();
  if (!real) return folder;

  try {
    const [realRoot, realFolder] = await Promise.all([
      realpath(root),
      realpath(folder),
    ]);
    if (!inside(realRoot, realFolder)) throw refused();

    return realFolder;
  } catch (error) {
    if (error instanceof FeedError) throw error;
    throw new FeedError(
      'FOLDER_UNREADABLE',
      `Dossier introuvable ou illisible : ${folderPath}.`,
      `Folder missing or unreadable: ${folderPath}.`,
    );
  }
}

/** `*.csv`, `contacts-??.xlsx`: `*` and `?` wildcards, any case. */
export function patternMatcher(pattern: string): (name: string) => boolean {
  const source = pattern
    .split('')
    .map((char) =>
      char === '*'
        ? '.*'
        : char === '?'
          ? '.'
          : char.replace(/[.+^${}()|[\]\\]/g, '\\$&'),
    )
    .join('');
  const regex = new RegExp(`^${source}$`, 'i');

  return (name) => regex.test(name);
}

/**
 * Finds the oldest file of a folder feed not yet read as it is now. A file
 * is known by its name, size and SHA-256: its content, not its modification
 * time, which many file systems keep to the second (a file rewritten within
 * the same second keeps its time) and copies may carry over. One touched
 * but with the same content is remembered with its new time and skipped.
 * Files changed less than `settleMs` ago may still be being copied: they
 * wait for the next run. Links and sub-folders are ignored.
 */
export async function nextFolderFile(
  ctx: Ctx,
  feed: FeedRow,
  options: { feedsDir: string; maxBytes: number; settleMs: number },
): Promise<FolderScan> {
  const { FeedFile } = ctx.db.models;
  const folder = await feedFolder(
    options.feedsDir,
    feed.folderPath ?? '',
    true,
  );
  const matches = patternMatcher(feed.filePattern ?? '*');
  const entries = await readdir(folder, { withFileTypes: true }).catch(() => {
    throw new FeedError(
      'FOLDER_UNREADABLE',
      `Dossier illisible : ${feed.folderPath}.`,
      `Folder unreadable: ${feed.folderPath}.`,
    );
  });
  const candidates = [];
  for (const entry of entries) {
    if (!entry.isFile() || !matches(entry.name)) continue;
    const info = await stat(join(folder, entry.name)).catch(() => null);
    if (info) {
      candidates.push({
        fileName: entry.name,
        size: info.size,
        mtimeMs: Math.floor(info.mtimeMs),
      });
    }
  }
  candidates.sort(
    (a, b) => a.mtimeMs - b.mtimeMs || a.fileName.localeCompare(b.fileName),
  );

  let settling = false;
  const fresh: typeof candidates = [];
  for (const candidate of candidates) {
    if (Date.now() - candidate.mtimeMs < options.settleMs) settling = true;
    else fresh.push(candidate);
  }

  for (const [index, candidate] of fresh.entries()) {
    const path = join(folder, candidate.fileName);
    const tooLarge = candidate.size > options.maxBytes;
    const data = tooLarge ? null : await readFile(path);
    const hash = data ? sha256(data) : await hashFile(path);
    const same = await FeedFile.findOne({
      where: {
        feedId: feed.id,
        fileName: candidate.fileName,
        size: candidate.size,
        sha256: hash,
      },
    });
    if (same) {
      if (Number(same.mtimeMs) !== candidate.mtimeMs)
        await same.update({ mtimeMs: candidate.mtimeMs });
      continue;
    }

    return {
      file: { ...candidate, data, sha256: hash },
      more: settling || index < fresh.length - 1,
    };
  }

  return { file: null, more: settling };
}
