import { isIPv4, isIPv6 } from 'node:net';

/**
 * Why an address is out of a feed's reach, or null when it is a public one.
 * Feeds fetch what an administrator typed, so without this check a feed
 * could read the server's own services or the internal network (SSRF).
 */
export type RangeName =
  | 'unspecified'
  | 'private'
  | 'loopback'
  | 'link-local'
  | 'cgnat'
  | 'multicast'
  | 'reserved'
  | 'invalid';

type V4Range = [base: number, bits: number, name: RangeName];

const v4 = (text: string): number =>
  text.split('.').reduce((value, part) => value * 256 + Number(part), 0);

const v4Ranges: V4Range[] = [
  [v4('0.0.0.0'), 8, 'unspecified'],
  [v4('10.0.0.0'), 8, 'private'],
  [v4('100.64.0.0'), 10, 'cgnat'],
  [v4('127.0.0.0'), 8, 'loopback'],
  [v4('169.254.0.0'), 16, 'link-local'],
  [v4('172.16.0.0'), 12, 'private'],
  [v4('192.0.0.0'), 24, 'reserved'],
  [v4('192.168.0.0'), 16, 'private'],
  [v4('198.18.0.0'), 15, 'reserved'],
  [v4('224.0.0.0'), 4, 'multicast'],
  [v4('240.0.0.0'), 4, 'reserved'],
];

function v4Range(value: number): RangeName | null {
  for (const [base, bits, name] of v4Ranges) {
    const size = 2 ** (32 - bits);
    if (value >= base && value < base + size) return name;
  }

  return null;
}

/** The eight 16-bit groups of an IPv6 address (a dotted tail allowed). */
function groupsOf(address: string): number[] | null {
  let text = address;
  const dotted = /\d+\.\d+\.\d+\.\d+$/.exec(text)?.[0];
  if (dotted) {
    const value = v4(dotted);
    text =
      text.slice(0, -dotted.length) +
      `${(value >>> 16).toString(16)}:${(value & 0xffff).toString(16)}`;
  }
  const [head, tail, extra] = text.split('::');
  if (extra !== undefined) return null;
  const part = (side: string | undefined) =>
    side ? side.split(':').map((group) => parseInt(group, 16)) : [];
  const left = part(head);
  const right = part(tail);
  const missing = 8 - left.length - right.length;
  if (tail === undefined ? missing !== 0 : missing < 0) return null;
  const groups = [...left, ...Array<number>(missing).fill(0), ...right];

  return groups.every((group) => group >= 0 && group <= 0xffff) ? groups : null;
}

const v4Of = (high: number, low: number) => high * 65_536 + low;

function v6Range(groups: number[]): RangeName | null {
  const [a = 0, b = 0, c = 0, d = 0, e = 0, f = 0, g = 0, h = 0] = groups;
  const zeroHead = a === 0 && b === 0 && c === 0 && d === 0 && e === 0;

  if (zeroHead && f === 0 && g === 0 && h === 0) return 'unspecified';
  if (zeroHead && f === 0 && g === 0 && h === 1) return 'loopback';
  // IPv4-mapped (::ffff:a.b.c.d): the IPv4 address decides.
  if (zeroHead && f === 0xffff) return v4Range(v4Of(g, h));
  // NAT64 (64:ff9b::/96) carries the IPv4 address it reaches.
  if (a === 0x64 && b === 0xff9b && c === 0 && d === 0 && e === 0 && f === 0)
    return v4Range(v4Of(g, h));
  if (a === 0x64 && b === 0xff9b && c === 1) return 'private';
  // 6to4 (2002::/16) embeds the IPv4 address of its relay.
  if (a === 0x2002) return v4Range(v4Of(b, c));
  if ((a & 0xfe00) === 0xfc00) return 'private';
  if ((a & 0xffc0) === 0xfe80) return 'link-local';
  if ((a & 0xffc0) === 0xfec0) return 'private';
  if ((a & 0xff00) === 0xff00) return 'multicast';
  // The rest of ::/8 (IPv4-compatible forms), Teredo, documentation, discard.
  if ((a & 0xff00) === 0) return 'reserved';
  if (a === 0x2001 && (b === 0 || b === 0xdb8)) return 'reserved';
  if (a === 0x100 && b === 0 && c === 0 && d === 0) return 'reserved';

  return null;
}

/**
 * Names the range that makes an IP address unfit for a feed, or returns null
 * for a public address. Written out rather than through `net.BlockList`, so
 * each form an address can take (IPv4-mapped, NAT64, 6to4) is visible here.
 *
 * @param address an IPv4 or IPv6 address, as a resolver or a URL gives it
 */
export function forbiddenRange(address: string): RangeName | null {
  const bare = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  if (isIPv4(bare)) return v4Range(v4(bare));
  if (!isIPv6(bare)) return 'invalid';
  const groups = groupsOf(bare.toLowerCase());

  return groups ? v6Range(groups) : 'invalid';
}

/** A host name as the allow-list compares it: lower case, no final dot. */
export function normaliseHost(host: string): string {
  return host
    .trim()
    .toLowerCase()
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '');
}
