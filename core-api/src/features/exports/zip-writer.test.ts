import { createWriteStream } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { expect } from 'chai';
import JSZip from 'jszip';
import { finish } from './output.ts';
import { checkedByReaders } from './test-support.ts';
import { ZipWriter, type ZipOptions } from './zip-writer.ts';

/** The offset of the last occurrence of a record's signature. */
const lastSignature = (bytes: Buffer, signature: number) => {
  const marker = Buffer.alloc(4);
  marker.writeUInt32LE(signature);
  return bytes.lastIndexOf(marker);
};

describe('streaming zip writer', () => {
  let directory = '';

  before(async () => {
    directory = await mkdtemp(join(tmpdir(), 'relais-zip-'));
  });
  after(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  /** Writes an archive to a file of the test's folder. */
  const archive = async (
    name: string,
    fill: (zip: ZipWriter) => Promise<void>,
    options: ZipOptions = {},
  ) => {
    const path = join(directory, name);
    const file = createWriteStream(path);
    const zip = new ZipWriter(file, options);
    await fill(zip);
    await zip.finish();
    await finish(file);

    return { path, bytes: await readFile(path) };
  };

  /** A large text in chunks of every size, an empty one among them. */
  async function* chunks(total: number) {
    let written = 0;
    for (let index = 0; written < total; index++) {
      const text =
        `ligne ${index} : Éloïse Lœuvre, 12 rue de l’Église\n`.repeat(
          index % 7,
        );
      written += Buffer.byteLength(text);
      yield index % 2 ? text : Buffer.from(text);
    }
  }

  it('writes known and streamed entries that every reader opens', async () => {
    let streamed = '';
    for await (const chunk of chunks(300_000)) streamed += chunk.toString();
    const { path, bytes } = await archive('plain.zip', async (zip) => {
      await zip.addFile('[Content_Types].xml', '<Types/>');
      await zip.addFile('word/media/vide.bin', new Uint8Array(0));
      await zip.addStream('word/document.xml', chunks(300_000));
      await zip.addFile('word/en-tête-é.xml', Buffer.from('<w:hdr/>'));
    });
    const read = await JSZip.loadAsync(bytes);
    expect(Object.keys(read.files)).to.deep.equal([
      '[Content_Types].xml',
      'word/media/vide.bin',
      'word/document.xml',
      'word/en-tête-é.xml',
    ]);
    expect(await read.file('word/document.xml')!.async('string')).to.equal(
      streamed,
    );
    expect(await read.file('word/en-tête-é.xml')!.async('string')).to.equal(
      '<w:hdr/>',
    );
    expect(bytes.length, 'deflated').to.be.below(streamed.length / 10);
    // A plain zip below the limits: no ZIP64 record.
    expect(lastSignature(bytes, 0x06064b50)).to.equal(-1);
    // Info-ZIP's and Python's readers too, where installed.
    checkedByReaders(path);
  });

  it('counts 70,000 entries with ZIP64 end records', async function () {
    this.timeout(30_000);
    const { path, bytes } = await archive('many.zip', async (zip) => {
      for (let index = 0; index < 70_000; index++)
        await zip.addFile(`word/header${index}.xml`, `<w:hdr>${index}</w:hdr>`);
      await zip.addStream('word/document.xml', chunks(10_000));
    });
    const end64 = lastSignature(bytes, 0x06064b50);
    expect(end64).to.be.greaterThan(0);
    expect(Number(bytes.readBigUInt64LE(end64 + 32))).to.equal(70_001);
    const end = lastSignature(bytes, 0x06054b50);
    expect(bytes.readUInt16LE(end + 10), 'plain count saturated').to.equal(
      0xffff,
    );
    const read = await JSZip.loadAsync(bytes);
    expect(Object.keys(read.files)).to.have.length(70_001);
    expect(await read.file('word/header69999.xml')!.async('string')).to.equal(
      '<w:hdr>69999</w:hdr>',
    );
    // Info-ZIP's and Python's readers too, where installed.
    checkedByReaders(path);
  });

  it('writes sizes and offsets past the 32-bit fields in ZIP64 form', async () => {
    // The 4 GiB limit lowered to 1 KB: every ZIP64 path on a small archive.
    let streamed = '';
    for await (const chunk of chunks(200_000)) streamed += chunk.toString();
    const known = 'x'.repeat(5000);
    const { path, bytes } = await archive(
      'wide.zip',
      async (zip) => {
        await zip.addFile('petit.txt', 'court');
        await zip.addStream('grand.xml', chunks(200_000));
        await zip.addFile('connu.txt', known);
        await zip.addFile('loin.txt', 'après le premier kilo-octet');
      },
      { wideAbove: 1024 },
    );
    // The streamed entry's descriptor carries 8-byte sizes.
    const descriptor = bytes.indexOf(Buffer.from([0x50, 0x4b, 0x07, 0x08]));
    expect(Number(bytes.readBigUInt64LE(descriptor + 16))).to.equal(
      Buffer.byteLength(streamed),
    );
    expect(lastSignature(bytes, 0x07064b50)).to.be.greaterThan(0);
    const read = await JSZip.loadAsync(bytes);
    expect(await read.file('grand.xml')!.async('string')).to.equal(streamed);
    expect(await read.file('connu.txt')!.async('string')).to.equal(known);
    expect(await read.file('loin.txt')!.async('string')).to.equal(
      'après le premier kilo-octet',
    );
    // Info-ZIP's and Python's readers too, where installed.
    checkedByReaders(path);
  });

  it('waits for a slow destination and fails when it closes', async () => {
    let received = 0;
    const slow = new Writable({
      highWaterMark: 1024,
      write(chunk: Buffer, _encoding, done) {
        received += chunk.length;
        setImmediate(done);
      },
    });
    const zip = new ZipWriter(slow);
    await zip.addStream('a.xml', chunks(2_000_000));
    await zip.finish();
    await finish(slow);
    expect(received).to.be.greaterThan(1000);

    const closing = new PassThrough();
    closing.resume();
    const cut = new ZipWriter(closing);
    let sent = 0;
    const failure = await cut
      .addStream(
        'b.xml',
        (async function* () {
          for (;;) {
            sent += 1;
            if (sent === 50) closing.destroy();
            yield `<w:p>${Math.random()}</w:p>`.repeat(500);
          }
        })(),
      )
      .catch((error: unknown) => error);
    expect(failure).to.be.instanceOf(Error);
    expect(sent).to.be.below(60);
  });
});
