import { crc32, inflateSync } from 'node:zlib';
import { join } from 'node:path';
import { parseEnvironment, type Environment } from './environment.ts';
import { workspaceRoot } from './cli.ts';
import { readFileSync } from 'node:fs';

/** The environment files shipped in `manifests/environments`. */
export const shippedEnvironments = ['local', 'production.example'] as const;

export function shippedEnvironment(
  name: (typeof shippedEnvironments)[number],
): Environment {
  const path = join(workspaceRoot(), 'environments', `${name}.json`);
  return parseEnvironment(JSON.parse(readFileSync(path, 'utf8')), path);
}

/** A decoded PNG: header fields and RGBA pixels. */
export type DecodedPng = {
  width: number;
  height: number;
  bitDepth: number;
  colorType: number;
  pixels: Uint8Array;
};

/**
 * Reads back a PNG as a viewer would: signature, chunk CRCs (Node's own
 * crc32, not the encoder's), IHDR, the concatenated IDAT stream; rows must
 * use filter 0, which is all the encoder writes.
 */
export function decodePng(file: Buffer): DecodedPng {
  const signature = '89504e470d0a1a0a';
  if (file.subarray(0, 8).toString('hex') !== signature)
    throw new Error('not a PNG');
  let offset = 8;
  let header: Buffer | undefined;
  const data: Buffer[] = [];
  let ended = false;
  while (offset < file.length) {
    const length = file.readUInt32BE(offset);
    const typed = file.subarray(offset + 4, offset + 8 + length);
    const crc = file.readUInt32BE(offset + 8 + length);
    if (crc32(typed) !== crc) throw new Error('bad chunk CRC');
    const type = typed.subarray(0, 4).toString('latin1');
    const body = typed.subarray(4);
    if (type === 'IHDR') header = body;
    if (type === 'IDAT') data.push(body);
    if (type === 'IEND') ended = true;
    offset += 12 + length;
  }
  if (!header || !ended) throw new Error('IHDR or IEND missing');
  const width = header.readUInt32BE(0);
  const height = header.readUInt32BE(4);
  const raw = inflateSync(Buffer.concat(data));
  const stride = width * 4;
  if (raw.length !== (stride + 1) * height)
    throw new Error('wrong data length');
  const pixels = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    if (raw[y * (stride + 1)] !== 0) throw new Error('unexpected filter');
    pixels.set(
      raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1)),
      y * stride,
    );
  }
  return { width, height, bitDepth: header[8]!, colorType: header[9]!, pixels };
}

/** A deep copy to mutate in a test. */
export function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
