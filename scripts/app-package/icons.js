// The icons as Teams wants them: colour 192×192, outline 32×32 white on transparent.
import pngjs from 'pngjs';
import { ICONS } from './common.js';

const { PNG } = pngjs;

/**
 * Icon rules Teams applies: colour 192×192; outline 32×32, white on a transparent background.
 * @param {Buffer} colour
 * @param {Buffer} outline
 * @returns {string[]}
 */
export function checkIcons(colour, outline) {
  /** @type {string[]} */
  const problems = [];
  const colourImage = readPng(colour, ICONS.color.file, problems);
  const outlineImage = readPng(outline, ICONS.outline.file, problems);
  for (const [image, { file, size }] of /** @type {const} */ ([
    [colourImage, ICONS.color],
    [outlineImage, ICONS.outline],
  ])) {
    if (image !== null && (image.width !== size || image.height !== size)) {
      problems.push(`${file} is ${image.width}×${image.height}; Teams needs ${size}×${size}.`);
    }
  }
  if (outlineImage !== null) {
    const { data } = outlineImage;
    let coloured = 0;
    let opaque = 0;
    for (let offset = 0; offset < data.length; offset += 4) {
      const alpha = data[offset + 3] ?? 0;
      if (alpha === 0) continue;
      const white = data[offset] === 255 && data[offset + 1] === 255 && data[offset + 2] === 255;
      if (!white) coloured += 1;
      else if (alpha === 255) opaque += 1;
    }
    if (coloured > 0) {
      problems.push(`${ICONS.outline.file} has ${coloured} visible pixels that are not white.`);
    }
    if (opaque === 0) problems.push(`${ICONS.outline.file} has no opaque white pixels.`);
  }
  return problems;
}

/**
 * @param {Buffer} bytes @param {string} file @param {string[]} problems
 * @returns {import('pngjs').PNGWithMetadata | null}
 */
function readPng(bytes, file, problems) {
  try {
    return PNG.sync.read(bytes);
  } catch {
    problems.push(`${file} is not a readable PNG.`);
    return null;
  }
}
