/**
 * A zip archive written as it goes, for DOCX exports: each entry reaches
 * the destination as soon as it is deflated, so neither the document nor the
 * list of files is held whole (JSZip lists every file before it writes a
 * byte). Entries whose bytes are known carry their sizes and CRC-32 in their
 * local header; streamed entries (a document of 50,000 letters) follow
 * theirs with a data descriptor. Past 65,535 entries, or past 4 GiB of sizes
 * or offsets, the archive carries ZIP64 records (APPNOTE 6.3, §4.3.9 and
 * §4.3.14 to 4.3.16); below, it is a plain zip any reader opens.
 */
import type { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { constants, crc32, createDeflateRaw, deflateRawSync } from 'node:zlib';
import { put } from './output.ts';

const signatures = {
  local: 0x04034b50,
  descriptor: 0x08074b50,
  central: 0x02014b50,
  end: 0x06054b50,
  end64: 0x06064b50,
  locator64: 0x07064b50,
};

/** The largest value a 32-bit field holds; larger ones go to ZIP64 fields. */
const max32 = 0xffffffff;
/** Entries a plain end record counts; from this many on, ZIP64 counts them. */
const max16 = 0xffff;
/** Zip 2.0 (deflate) and 4.5 (ZIP64): the versions a reader needs. */
const [plainVersion, zip64Version] = [20, 45];
const deflateMethod = 8;
const flags = { descriptor: 1 << 3, utf8: 1 << 11 };

type Entry = {
  name: Buffer;
  utf8: boolean;
  crc: number;
  size: number;
  compressed: number;
  offset: number;
  /** Streamed: sizes and CRC follow the data. */
  descriptor: boolean;
};

export type ZipOptions = {
  /** Deflate level, 6 by default. */
  level?: number;
  /**
   * Sizes and offsets above this are written as ZIP64 values. 4 GiB less
   * one byte, as the format has it; tests lower it to walk the ZIP64 paths
   * on a small archive (ZIP64 values are allowed for any size).
   */
  wideAbove?: number;
};

/** The time of writing as a zip stores it: MS-DOS date and time, Paris wall clock. */
function dosStamp(at: Date): { time: number; date: number } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/Paris',
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    })
      .formatToParts(at)
      .map((part) => [part.type, Number(part.value)]),
  ) as Record<string, number>;

  return {
    time: (parts.hour! << 11) | (parts.minute! << 5) | (parts.second! >> 1),
    date:
      ((Math.max(parts.year!, 1980) - 1980) << 9) |
      (parts.month! << 5) |
      parts.day!,
  };
}

/** Little-endian fields written one after another. */
class Fields {
  private readonly buffer: Buffer;
  private at = 0;

  constructor(length: number) {
    this.buffer = Buffer.alloc(length);
  }

  u16(value: number): this {
    this.at = this.buffer.writeUInt16LE(value, this.at);
    return this;
  }

  u32(value: number): this {
    this.at = this.buffer.writeUInt32LE(value >>> 0, this.at);
    return this;
  }

  u64(value: number): this {
    this.at = this.buffer.writeBigUInt64LE(BigInt(value), this.at);
    return this;
  }

  bytes(value: Buffer): this {
    this.at += value.copy(this.buffer, this.at);
    return this;
  }

  done(): Buffer {
    return this.buffer;
  }
}

/** A ZIP64 extended information field holding the given values, in order. */
function zip64Extra(values: number[]): Buffer {
  if (values.length === 0) return Buffer.alloc(0);
  const field = new Fields(4 + 8 * values.length)
    .u16(0x0001)
    .u16(8 * values.length);
  for (const value of values) field.u64(value);

  return field.done();
}

/**
 * Writes a zip archive to `out`, entry after entry. Calls must follow one
 * another (await each); `finish` writes the central directory and ends the
 * archive, not `out`.
 */
export class ZipWriter {
  private offset = 0;
  private readonly entries: Entry[] = [];
  /** Bytes gathered before they go out: thousands of small entries make few writes. */
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private readonly stamp = dosStamp(new Date());
  private readonly level: number;
  private readonly wideAbove: number;

  constructor(
    private readonly out: Writable,
    options: ZipOptions = {},
  ) {
    this.level = options.level ?? 6;
    this.wideAbove = Math.min(options.wideAbove ?? max32, max32);
  }

  private async write(bytes: Buffer): Promise<void> {
    this.pending.push(bytes);
    this.pendingBytes += bytes.length;
    this.offset += bytes.length;
    if (this.pendingBytes >= 64 * 1024) await this.flush();
  }

  private async flush(): Promise<void> {
    if (this.pendingBytes === 0) return;
    const bytes = Buffer.concat(this.pending, this.pendingBytes);
    [this.pending, this.pendingBytes] = [[], 0];
    await put(this.out, bytes);
  }

  private entry(name: string, descriptor: boolean): Entry {
    const encoded = Buffer.from(name, 'utf8');
    const entry: Entry = {
      name: encoded,
      // Non-ASCII names are flagged UTF-8; ASCII reads the same either way.
      utf8: encoded.length !== name.length,
      crc: 0,
      size: 0,
      compressed: 0,
      offset: this.offset,
      descriptor,
    };
    this.entries.push(entry);

    return entry;
  }

  private wide(value: number): boolean {
    return value > this.wideAbove;
  }

  private flagsOf(entry: Entry): number {
    return (
      (entry.descriptor ? flags.descriptor : 0) | (entry.utf8 ? flags.utf8 : 0)
    );
  }

  /** The fields local and central headers share, from the version needed on. */
  private shared(
    fields: Fields,
    entry: Entry,
    wideSize: boolean,
    extra: Buffer,
  ): Fields {
    return fields
      .u16(extra.length > 0 ? zip64Version : plainVersion)
      .u16(this.flagsOf(entry))
      .u16(deflateMethod)
      .u16(this.stamp.time)
      .u16(this.stamp.date)
      .u32(entry.crc)
      .u32(wideSize ? max32 : entry.compressed)
      .u32(wideSize ? max32 : entry.size)
      .u16(entry.name.length)
      .u16(extra.length);
  }

  private localHeader(entry: Entry): Buffer {
    // A known entry too large for 32-bit fields gives its sizes in ZIP64;
    // a streamed one has none yet (its descriptor carries them).
    const wide =
      !entry.descriptor &&
      (this.wide(entry.size) || this.wide(entry.compressed));
    const extra = zip64Extra(wide ? [entry.size, entry.compressed] : []);
    const fields = new Fields(30 + entry.name.length + extra.length).u32(
      signatures.local,
    );

    return this.shared(fields, entry, wide, extra)
      .bytes(entry.name)
      .bytes(extra)
      .done();
  }

  /** Adds an entry whose bytes are all known (small parts of a package). */
  async addFile(name: string, data: Uint8Array | string): Promise<void> {
    const bytes =
      typeof data === 'string'
        ? Buffer.from(data, 'utf8')
        : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    const packed = deflateRawSync(bytes, { level: this.level });
    const entry = this.entry(name, false);
    entry.crc = crc32(bytes);
    entry.size = bytes.length;
    entry.compressed = packed.length;
    await this.write(Buffer.concat([this.localHeader(entry), packed]));
  }

  /**
   * Adds an entry read from `source` as it comes, deflated on the way, with
   * the destination's back-pressure: memory holds a chunk or two, whatever
   * the entry's size. Each chunk is flushed out of the deflater before the
   * next is read (a sync flush costs a few bytes), so what a reader was
   * handed has left: an export cut midway counts what it really wrote.
   */
  async addStream(
    name: string,
    source: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>,
  ): Promise<void> {
    const entry = this.entry(name, true);
    await this.write(this.localHeader(entry));
    const out = this.out;
    const deflate = createDeflateRaw({ level: this.level });
    const flushed = () =>
      new Promise<void>((done) =>
        deflate.flush(constants.Z_SYNC_FLUSH, () => done()),
      );
    await pipeline(
      async function* () {
        for await (const chunk of source) {
          if (out.destroyed) throw new Error('export destination closed');
          const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
          if (bytes.length === 0) continue;
          entry.crc = crc32(bytes, entry.crc);
          entry.size += bytes.length;
          yield bytes;
          await flushed();
        }
      },
      deflate,
      async (packed: AsyncIterable<Buffer>) => {
        for await (const chunk of packed) {
          entry.compressed += chunk.length;
          await this.write(chunk);
          await this.flush();
        }
      },
    );
    // Sizes in 8 bytes once they outgrow 4; readers take them from the
    // central directory, which says the same.
    const wide = this.wide(entry.size) || this.wide(entry.compressed);
    const descriptor = new Fields(wide ? 24 : 16)
      .u32(signatures.descriptor)
      .u32(entry.crc);
    if (wide) descriptor.u64(entry.compressed).u64(entry.size);
    else descriptor.u32(entry.compressed).u32(entry.size);
    await this.write(descriptor.done());
  }

  private centralHeader(entry: Entry): Buffer {
    // ZIP64 values, in the order the format fixes, for fields that overflow.
    const wideSize = this.wide(entry.size) || this.wide(entry.compressed);
    const wideOffset = this.wide(entry.offset);
    const extra = zip64Extra([
      ...(wideSize ? [entry.size, entry.compressed] : []),
      ...(wideOffset ? [entry.offset] : []),
    ]);
    const fields = new Fields(46 + entry.name.length + extra.length)
      .u32(signatures.central)
      .u16(extra.length > 0 ? zip64Version : plainVersion);

    // No comment, disk 0, no attributes; then where the entry starts.
    return this.shared(fields, entry, wideSize, extra)
      .u16(0)
      .u16(0)
      .u16(0)
      .u32(0)
      .u32(wideOffset ? max32 : entry.offset)
      .bytes(entry.name)
      .bytes(extra)
      .done();
  }

  /**
   * Writes the central directory, then the end records: ZIP64 ones first
   * when the entries, the directory's size or its offset outgrow the plain
   * record's fields.
   */
  async finish(): Promise<void> {
    const start = this.offset;
    for (const entry of this.entries)
      await this.write(this.centralHeader(entry));
    const count = this.entries.length;
    const length = this.offset - start;
    const zip64 = count >= max16 || this.wide(length) || this.wide(start);
    if (zip64) {
      const end64 = this.offset;
      await this.write(
        new Fields(56 + 20)
          .u32(signatures.end64)
          .u64(44)
          .u16(zip64Version)
          .u16(zip64Version)
          .u32(0)
          .u32(0)
          .u64(count)
          .u64(count)
          .u64(length)
          .u64(start)
          .u32(signatures.locator64)
          .u32(0)
          .u64(end64)
          .u32(1)
          .done(),
      );
    }
    await this.write(
      new Fields(22)
        .u32(signatures.end)
        .u16(0)
        .u16(0)
        .u16(zip64 ? max16 : count)
        .u16(zip64 ? max16 : count)
        .u32(zip64 && this.wide(length) ? max32 : length)
        .u32(zip64 && this.wide(start) ? max32 : start)
        .u16(0)
        .done(),
    );
    await this.flush();
  }
}
