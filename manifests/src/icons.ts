import { encodePng } from './png.ts';

/** A colour as red, green and blue from 0 to 255. */
type Rgb = [number, number, number];

const white: Rgb = [255, 255, 255];

/** Parses `#RRGGBB`. */
export function parseHexColor(hex: string): Rgb {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!match) throw new Error(`not a #RRGGBB colour: ${hex}`);
  return [1, 2, 3].map((group) => parseInt(match[group]!, 16)) as Rgb;
}

function distanceToSegment(
  px: number,
  py: number,
  [ax, ay]: [number, number],
  [bx, by]: [number, number],
): number {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(
    0,
    Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)),
  );
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

const nodeA: [number, number] = [0.28, 0.68];
const nodeB: [number, number] = [0.72, 0.32];

/**
 * The Relais mark in a unit square: two contacts joined by a link, the relay
 * from one person to the next. True where the point is inked.
 */
function inMark(x: number, y: number): boolean {
  if (Math.hypot(x - nodeA[0], y - nodeA[1]) <= 0.17) return true;
  if (Math.hypot(x - nodeB[0], y - nodeB[1]) <= 0.17) return true;
  return distanceToSegment(x, y, nodeA, nodeB) <= 0.07;
}

/** Share of a pixel covered by the mark, sampled on a 4 × 4 grid. */
function coverage(px: number, py: number, size: number, margin: number) {
  const inner = size - 2 * margin;
  let hits = 0;
  for (let sy = 0; sy < 4; sy++)
    for (let sx = 0; sx < 4; sx++) {
      const x = (px + (sx + 0.5) / 4 - margin) / inner;
      const y = (py + (sy + 0.5) / 4 - margin) / inner;
      if (x >= 0 && x <= 1 && y >= 0 && y <= 1 && inMark(x, y)) hits++;
    }
  return hits / 16;
}

function draw(
  size: number,
  margin: number,
  ink: Rgb,
  background: Rgb | null,
): Buffer {
  const pixels = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) {
      const share = coverage(x, y, size, margin);
      const at = (y * size + x) * 4;
      if (background) {
        for (let c = 0; c < 3; c++)
          pixels[at + c] = Math.round(
            ink[c]! * share + background[c]! * (1 - share),
          );
        pixels[at + 3] = 255;
      } else {
        pixels.set(ink, at);
        pixels[at + 3] = Math.round(255 * share);
      }
    }
  return encodePng({ width: size, height: size, pixels });
}

/**
 * Teams' full-colour icon: 192 × 192, the mark in white on the accent colour,
 * kept inside the central 120 × 120 area Teams asks for.
 */
export function colorIcon(accent: string): Buffer {
  return draw(192, 36, white, parseHexColor(accent));
}

/** Teams' outline icon: 32 × 32, white on a transparent background. */
export function outlineIcon(): Buffer {
  return draw(32, 2, white, null);
}

/**
 * The icons Outlook shows on its ribbon and in its add-in lists. Ribbon sizes
 * (16, 32, 80) are the mark in the accent colour on transparency; list sizes
 * (64, 128) are tiles like the Teams colour icon.
 */
export const addinIconSizes = [16, 32, 64, 80, 128] as const;
export type AddinIconSize = (typeof addinIconSizes)[number];

export function addinIcon(size: AddinIconSize, accent: string): Buffer {
  const rgb = parseHexColor(accent);
  if (size === 64 || size === 128)
    return draw(size, Math.round(size * 0.19), white, rgb);
  return draw(size, Math.max(1, Math.round(size / 16)), rgb, null);
}
