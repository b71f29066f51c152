// Draws the Teams app icons once: appPackage/color.png (192×192) and appPackage/outline.png
// (32×32, white on transparent). A round table seen from above with chairs around it; in colour,
// one chair is the speaker's.
// Run `node scripts/draw-icons.js` after changing the drawing and commit the PNGs.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import pngjs from 'pngjs';

const { PNG } = pngjs;
// Local names: a global lookup per sample is slow inside test runners' VM contexts.
const { abs, atan2, cos, hypot, PI, round, sin } = Math;
const appPackage = fileURLToPath(new URL('../appPackage/', import.meta.url));

/** The accent colour of the manifest and the colour icon's background. */
export const ACCENT = '#0E6F6B';
const SPEAKER = '#F6B93B';
const WHITE = '#FFFFFF';
const CHAIRS = 6;
/** Share of each chair's slice of the circle that the chair fills. */
const CHAIR_SPAN = 0.55;
/** Samples per pixel side: edges are anti-aliased by coverage, so small sizes stay crisp. */
const SUPERSAMPLE = 8;

/**
 * @typedef {{ x: number, y: number }} Point
 * @typedef {(point: Point) => boolean} Shape
 * @typedef {{ shape: Shape, colour: string }} Layer
 */

/** @param {number} cx @param {number} cy @param {number} r @returns {Shape} */
function disc(cx, cy, r) {
  return ({ x, y }) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

/** @param {number} cx @param {number} cy @param {number} outer @param {number} inner @returns {Shape} */
function ring(cx, cy, outer, inner) {
  const inside = disc(cx, cy, outer);
  const hole = disc(cx, cy, inner);
  return (point) => inside(point) && !hole(point);
}

/**
 * One chair: an arc of the annulus between `inner` and `outer`, with rounded ends, centred on
 * `angle` (radians, 0 pointing right).
 * @param {number} cx @param {number} cy @param {number} inner @param {number} outer
 * @param {number} angle @returns {Shape}
 */
function chair(cx, cy, inner, outer, angle) {
  const half = (PI / CHAIRS) * CHAIR_SPAN;
  const middle = (inner + outer) / 2;
  const cap = (outer - inner) / 2;
  const ends = [angle - half, angle + half].map((end) =>
    disc(cx + middle * cos(end), cy + middle * sin(end), cap),
  );
  return (point) => {
    const radius = hypot(point.x - cx, point.y - cy);
    const offset = atan2(point.y - cy, point.x - cx) - angle;
    const along = atan2(sin(offset), cos(offset));
    const inArc = radius >= inner && radius <= outer && abs(along) <= half;
    return inArc || ends.some((end) => end(point));
  };
}

/** Chair angles evenly round the table, the first at the top. @returns {number[]} */
function chairAngles() {
  return Array.from({ length: CHAIRS }, (_, index) => -PI / 2 + (index * 2 * PI) / CHAIRS);
}

/** @param {string} hex @returns {[number, number, number]} */
function rgb(hex) {
  const value = Number.parseInt(hex.slice(1), 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255];
}

/**
 * Paints layers (later ones on top) over a background; `background` null leaves it transparent.
 * @param {number} size @param {string | null} background @param {Layer[]} layers
 */
function paint(size, background, layers) {
  const png = new PNG({ width: size, height: size });
  const base = background === null ? null : rgb(background);
  const painted = layers.map((layer) => ({ shape: layer.shape, rgb: rgb(layer.colour) }));
  for (let py = 0; py < size; py += 1) {
    for (let px = 0; px < size; px += 1) {
      let [r, g, b] = base ?? [255, 255, 255];
      let alpha = base === null ? 0 : 1;
      for (const layer of painted) {
        const coverage = coverageOf(layer.shape, px, py);
        if (coverage === 0) continue;
        const [lr, lg, lb] = layer.rgb;
        const outAlpha = coverage + alpha * (1 - coverage);
        const mix = (/** @type {number} */ top, /** @type {number} */ under) =>
          (top * coverage + under * alpha * (1 - coverage)) / outAlpha;
        [r, g, b] = [mix(lr, r), mix(lg, g), mix(lb, b)];
        alpha = outAlpha;
      }
      const offset = (py * size + px) * 4;
      png.data[offset] = round(r);
      png.data[offset + 1] = round(g);
      png.data[offset + 2] = round(b);
      png.data[offset + 3] = round(alpha * 255);
    }
  }
  return PNG.sync.write(png);
}

/** @param {Shape} shape @param {number} px @param {number} py */
function coverageOf(shape, px, py) {
  let inside = 0;
  for (let sy = 0; sy < SUPERSAMPLE; sy += 1) {
    for (let sx = 0; sx < SUPERSAMPLE; sx += 1) {
      const point = { x: px + (sx + 0.5) / SUPERSAMPLE, y: py + (sy + 0.5) / SUPERSAMPLE };
      if (shape(point)) inside += 1;
    }
  }
  return inside / (SUPERSAMPLE * SUPERSAMPLE);
}

/** Full colour: a white table and chairs on the accent, the speaker's chair in amber. */
export function drawColourIcon() {
  const size = 192;
  const centre = size / 2;
  // Teams shows the symbol inside a 96-pixel safe area in the middle of the 192-pixel tile.
  return paint(size, ACCENT, [
    { shape: disc(centre, centre, 25), colour: WHITE },
    ...chairAngles().map((angle, index) => ({
      shape: chair(centre, centre, 32, 45, angle),
      colour: index === 0 ? SPEAKER : WHITE,
    })),
  ]);
}

/** Outline: the table as a white ring and the chairs as white arcs, on transparency. */
export function drawOutlineIcon() {
  const size = 32;
  const centre = size / 2;
  return paint(size, null, [
    { shape: ring(centre, centre, 7.5, 5), colour: WHITE },
    ...chairAngles().map((angle) => ({
      shape: chair(centre, centre, 10.5, 14, angle),
      colour: WHITE,
    })),
  ]);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(`${appPackage}color.png`, drawColourIcon());
  writeFileSync(`${appPackage}outline.png`, drawOutlineIcon());
  console.log('Wrote appPackage/color.png (192×192) and appPackage/outline.png (32×32).');
}
