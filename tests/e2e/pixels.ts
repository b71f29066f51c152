// The page's own background: what the browser shows wherever the page's content does not reach
// (below it, around it, while scrolling past its end). Left unpainted, that is the browser's
// canvas: the white band seen below the panel inside Teams' frames in dark and high contrast.
import type { Frame, Page } from 'playwright-core';

/** The document's own background colour and colour scheme, as the browser computes them. */
export function pageCanvas(target: Page | Frame): Promise<{ background: string; scheme: string }> {
  return target.evaluate(() => {
    const style = getComputedStyle(document.documentElement);
    return { background: style.backgroundColor, scheme: style.colorScheme };
  });
}

/** Light (near white) or dark, from a CSS rgb() colour; anything transparent is neither. */
export function shade(colour: string): 'light' | 'dark' | 'unpainted' {
  const [r = 0, g = 0, b = 0, a = 1] = (colour.match(/[\d.]+/g) ?? []).map(Number);
  if (a === 0) return 'unpainted';
  return r + g + b > 600 ? 'light' : 'dark';
}
