import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import pngjs from 'pngjs';
import { drawColourIcon, drawOutlineIcon } from '../../scripts/draw-icons.js';
import { ROOT } from '../../scripts/app-package/common.js';
import { checkIcons } from '../../scripts/app-package/icons.js';

const { PNG } = pngjs;
const colourBytes = readFileSync(join(ROOT, 'appPackage', 'color.png'));
const outlineBytes = readFileSync(join(ROOT, 'appPackage', 'outline.png'));
const colour = PNG.sync.read(colourBytes);
const outline = PNG.sync.read(outlineBytes);

function pixels(image: { data: Buffer }) {
  const all: [number, number, number, number][] = [];
  for (let offset = 0; offset < image.data.length; offset += 4) {
    const [r = 0, g = 0, b = 0, a = 0] = image.data.subarray(offset, offset + 4);
    all.push([r, g, b, a]);
  }
  return all;
}

describe('the app icons', () => {
  it('are 192×192 (colour) and 32×32 (outline)', () => {
    expect([colour.width, colour.height]).toEqual([192, 192]);
    expect([outline.width, outline.height]).toEqual([32, 32]);
  });

  it('outline: transparent background, every visible pixel white, a real shape', () => {
    const all = pixels(outline);
    const visible = all.filter(([, , , a]) => a > 0);
    expect(visible.every(([r, g, b]) => r === 255 && g === 255 && b === 255)).toBe(true);
    expect(all.filter(([, , , a]) => a === 0).length).toBeGreaterThan(all.length / 2);
    expect(visible.filter(([, , , a]) => a === 255).length).toBeGreaterThan(100);
    // The corners are empty: the symbol sits on transparency, not on a tile.
    expect(all[0]?.[3]).toBe(0);
    expect(all[all.length - 1]?.[3]).toBe(0);
  });

  it('colour: opaque, and more than one flat colour', () => {
    const all = pixels(colour);
    expect(all.every(([, , , a]) => a === 255)).toBe(true);
    const colours = new Set(all.map(([r, g, b]) => `${r},${g},${b}`));
    expect(colours.size).toBeGreaterThan(3);
    const [background] = all;
    const sameAsBackground = all.filter(
      ([r, g, b]) => `${r},${g},${b}` === background?.slice(0, 3).join(','),
    );
    expect(sameAsBackground.length).toBeLessThan(all.length * 0.9);
  });

  it('are the ones scripts/draw-icons.js draws', () => {
    expect(PNG.sync.read(drawColourIcon()).data.equals(colour.data)).toBe(true);
    expect(PNG.sync.read(drawOutlineIcon()).data.equals(outline.data)).toBe(true);
  });

  it('pass the packager check, which refuses a wrong size and a coloured outline', () => {
    expect(checkIcons(colourBytes, outlineBytes)).toEqual([]);
    const redOutline = new PNG({ width: 32, height: 32 });
    redOutline.data.fill(0);
    redOutline.data.set([255, 0, 0, 255], 0);
    expect(checkIcons(outlineBytes, PNG.sync.write(redOutline))).toEqual([
      'color.png is 32×32; Teams needs 192×192.',
      'outline.png has 1 visible pixels that are not white.',
      'outline.png has no opaque white pixels.',
    ]);
    expect(checkIcons(Buffer.from('not a png'), outlineBytes)).toEqual([
      'color.png is not a readable PNG.',
    ]);
  });
});
