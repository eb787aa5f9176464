import { constants, inflateRawSync } from 'node:zlib';
import JSZip from 'jszip';
import type { ImportFormat } from './readers/read-types.ts';

/** What JSZip keeps of a part it has not unpacked yet. */
type PackedPart = {
  compression: { magic: string } | null;
  compressedContent: Uint8Array;
};

/**
 * Bytes of a part inflated to find its first lines: a sheet's dimension sits
 * before its rows, in the first few hundred bytes whoever wrote it.
 */
const headBytes = 4096;

/** Largest workbook list or relationship part read whole (bytes unpacked). */
const indexBytes = 1 << 20;

/**
 * The first bytes of a zip part, or all of it when `whole`: only its head is
 * inflated, never past `limit` bytes, so a 40 MB sheet costs a few
 * kilobytes and a zip bomb nothing. Null when the part cannot be read.
 */
function partText(
  entry: JSZip.JSZipObject | null,
  whole: boolean,
  limit: number,
): string | null {
  const packed = (entry as unknown as { _data?: PackedPart } | null)?._data;
  if (!packed?.compression || !packed.compressedContent) return null;
  const { magic } = packed.compression;
  let bytes: Uint8Array;
  if (magic === '\x00\x00') {
    bytes = packed.compressedContent.subarray(0, whole ? limit : headBytes);
  } else if (magic === '\x08\x00') {
    try {
      bytes = whole
        ? inflateRawSync(packed.compressedContent, { maxOutputLength: limit })
        : inflateRawSync(packed.compressedContent.subarray(0, headBytes), {
            // A cut stream gives what it holds rather than an error.
            finishFlush: constants.Z_SYNC_FLUSH,
            maxOutputLength: limit,
          });
    } catch {
      return null;
    }
  } else return null;

  return Buffer.from(bytes).toString('utf8');
}

/** XML's five named entities, as sheet names may carry them. */
function unescapeXml(text: string): string {
  return text.replace(
    /&(amp|lt|gt|quot|apos);/g,
    (_, name: string) =>
      ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" })[name] ?? '',
  );
}

/** The zip path of the sheet called `sheet`, from the workbook's own index. */
function sheetPath(zip: JSZip, sheet: string): string | null {
  const workbook = partText(zip.file('xl/workbook.xml'), true, indexBytes);
  const links = partText(
    zip.file('xl/_rels/workbook.xml.rels'),
    true,
    indexBytes,
  );
  if (workbook === null || links === null) return null;
  for (const tag of workbook.match(/<(?:\w+:)?sheet\s[^>]*>/g) ?? []) {
    const name = /\sname=(["'])(.*?)\1/.exec(tag)?.[2];
    const id = /\sr:id=(["'])(.*?)\1/.exec(tag)?.[2];
    if (name === undefined || id === undefined) continue;
    if (unescapeXml(name) !== sheet) continue;
    for (const link of links.match(/<(?:\w+:)?Relationship\s[^>]*>/g) ?? []) {
      if (/\sId=(["'])(.*?)\1/.exec(link)?.[2] !== id) continue;
      const target = /\sTarget=(["'])(.*?)\1/.exec(link)?.[2];
      if (!target) return null;
      return target.startsWith('/') ? target.slice(1) : `xl/${target}`;
    }
  }

  return null;
}

/**
 * The data rows a sheet's `<dimension ref="A1:O50001"/>` announces: its
 * rows less the header line. Null when the sheet names no dimension.
 */
export function dimensionRows(head: string): number | null {
  const end = head.search(/<(?:\w+:)?sheetData[\s>/]/);
  const before = end >= 0 ? head.slice(0, end) : head;
  const ref =
    /<(?:\w+:)?dimension\s+ref=(["'])\$?[A-Z]*\$?(\d+)(?::\$?[A-Z]*\$?(\d+))?\1/i.exec(
      before,
    );
  if (!ref) return null;
  const first = Number(ref[2]);
  const last = ref[3] === undefined ? first : Number(ref[3]);

  return Math.max(0, last - first);
}

/**
 * The data rows of a workbook from each sheet's dimension, read from the zip
 * without unpacking the sheets (0 for a sheet without one, or an unreadable
 * file: the reader says what is wrong with it).
 *
 * @param sheet the one sheet to be read, when the import names it
 */
export async function workbookRows(
  data: Buffer,
  sheet?: string,
): Promise<number> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(data);
  } catch {
    return 0;
  }
  let paths: string[];
  if (sheet) {
    const path = sheetPath(zip, sheet);
    paths = path ? [path] : [];
  } else {
    paths = Object.keys(zip.files).filter((path) =>
      /^xl\/worksheets\/[^/]+\.xml$/.test(path),
    );
  }
  let rows = 0;
  for (const path of paths) {
    const head = partText(zip.file(path), false, indexBytes);
    rows += (head === null ? null : dimensionRows(head)) ?? 0;
  }

  return rows;
}

/** Lines of a text file, the last one counted whether or not it ends. */
function lineCount(data: Buffer): number {
  let count = 0;
  for (let at = data.indexOf(10); at >= 0; at = data.indexOf(10, at + 1))
    count++;
  if (data.length > 0 && data[data.length - 1] !== 10) count++;

  return count;
}

/**
 * A cheap upper bound of the rows a file holds, for the progress bar of its
 * reading: a CSV's lines less its header (a quoted field spanning lines
 * counts more than once), a vCard file's cards, a workbook's sheet
 * dimensions less their headers. 0 when it cannot tell.
 *
 * @param sheet the one sheet of a workbook to be read
 */
export async function estimateRows(
  format: ImportFormat,
  data: Buffer,
  sheet?: string,
): Promise<number> {
  if (format === 'csv') return Math.max(0, lineCount(data) - 1);
  if (format === 'vcard') {
    return data.toString('latin1').match(/BEGIN:VCARD/gi)?.length ?? 0;
  }
  if (format === 'xlsx') return workbookRows(data, sheet);

  return 0;
}
