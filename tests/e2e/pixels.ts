// Reading a screenshot's pixels: what colour the page really shows at its bottom edge.
import { PNG } from 'pngjs';

/** The colour two pixels above the bottom edge, in the middle, as CSS writes it. */
export function bottomColour(png: Buffer): string {
  const image = PNG.sync.read(png);
  const i = ((image.height - 2) * image.width + Math.floor(image.width / 2)) * 4;
  const [r, g, b] = [image.data[i] ?? 0, image.data[i + 1] ?? 0, image.data[i + 2] ?? 0];
  return `rgb(${String(r)}, ${String(g)}, ${String(b)})`;
}

/** Light enough to be the white band the browser's canvas shows when a page does not paint it. */
export function isLight(colour: string): boolean {
  const [r = 0, g = 0, b = 0] = (colour.match(/\d+/g) ?? []).map(Number);
  return r + g + b > 600;
}
