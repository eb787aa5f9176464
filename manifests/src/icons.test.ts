import { expect } from 'chai';
import {
  addinIcon,
  addinIconSizes,
  colorIcon,
  outlineIcon,
  parseHexColor,
} from './icons.ts';
import { encodePng } from './png.ts';
import { decodePng } from './test-support.ts';

/** Alpha of each pixel. */
const alphas = (pixels: Uint8Array) =>
  pixels.filter((_, index) => index % 4 === 3);

describe('manifests: icons', () => {
  it('encodes a PNG that decodes to the same pixels', () => {
    const pixels = Uint8Array.from(
      { length: 3 * 2 * 4 },
      (_, i) => (i * 37) % 256,
    );
    const png = decodePng(encodePng({ width: 3, height: 2, pixels }));
    expect([png.width, png.height, png.bitDepth, png.colorType]).to.deep.equal([
      3, 2, 8, 6,
    ]);
    expect(Buffer.from(png.pixels).equals(Buffer.from(pixels))).to.equal(true);
    expect(() => encodePng({ width: 3, height: 3, pixels })).to.throw(
      /expected 36 bytes/,
    );
  });

  it('draws the colour icon at 192 × 192, opaque, on the accent colour', () => {
    const png = decodePng(colorIcon('#1F5FAD'));
    expect([png.width, png.height]).to.deep.equal([192, 192]);
    expect(alphas(png.pixels).every((alpha) => alpha === 255)).to.equal(true);
    expect([...png.pixels.subarray(0, 3)]).to.deep.equal(
      parseHexColor('#1F5FAD'),
    );
    const white = alphas(png.pixels).filter(
      (_, i) => png.pixels[i * 4] === 255,
    ).length;
    expect(white).to.be.greaterThan(1000);
  });

  it('keeps the colour icon mark inside the central 120 × 120 area', () => {
    const png = decodePng(colorIcon('#1F5FAD'));
    for (let y = 0; y < 192; y++)
      for (let x = 0; x < 192; x++) {
        if (x >= 36 && x < 156 && y >= 36 && y < 156) continue;
        expect(png.pixels[(y * 192 + x) * 4]).to.equal(0x1f, `pixel ${x},${y}`);
      }
  });

  it('draws the outline icon at 32 × 32, white on transparency', () => {
    const png = decodePng(outlineIcon());
    expect([png.width, png.height]).to.deep.equal([32, 32]);
    const alpha = alphas(png.pixels);
    expect(alpha[0]).to.equal(0);
    expect(alpha.filter((value) => value === 0).length).to.be.greaterThan(
      32 * 32 * 0.4,
    );
    expect(alpha.filter((value) => value === 255).length).to.be.greaterThan(
      100,
    );
    for (let i = 0; i < png.pixels.length; i += 4)
      expect([...png.pixels.subarray(i, i + 3)]).to.deep.equal([255, 255, 255]);
  });

  it('draws each add-in icon at its size', () => {
    for (const size of addinIconSizes) {
      const png = decodePng(addinIcon(size, '#1F5FAD'));
      expect([png.width, png.height]).to.deep.equal([size, size]);
    }
  });

  it('refuses a colour that is not #RRGGBB', () => {
    expect(() => parseHexColor('#12345')).to.throw(/#RRGGBB/);
  });
});
