// What the package builder's parts share: where the repository is, the icons, and the error a
// person can fix (printed without a stack trace).
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const ICONS = /** @type {const} */ ({
  color: { file: 'color.png', size: 192 },
  outline: { file: 'outline.png', size: 32 },
});

/** A problem a person can fix; the CLI prints its message without a stack trace. */
export class PackageError extends Error {
  /** @param {string} message */
  constructor(message) {
    super(message);
    this.name = 'PackageError';
  }
}

/** @param {unknown} value @returns {value is Record<string, unknown>} */
export function isRecord(value) {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
