// Names as Roundtable shows them, wherever they come from (a sign-in token, Teams' participant
// events): well-formed, on one line, nothing invisible, bounded, never an e-mail address.

const ANONYMOUS = 'Someone';

/** The name to show for what a token or Teams gave; 'Someone' when there is nothing showable. */
export function shownName(raw: unknown): string {
  const name = typeof raw === 'string' ? cleanDisplayName(raw) : '';
  // Guest accounts may carry an e-mail address as their name; Roundtable never shows e-mails.
  return name === '' || /\S@\S/.test(name) ? ANONYMOUS : name;
}

/** Longest name shown, in characters as a person counts them (an emoji is one). */
export const DISPLAY_NAME_MAX_CHARACTERS = 64;
// The stored name's ceiling in UTF-16 units, so one "character" with a thousand accents is no way in.
const DISPLAY_NAME_MAX_UNITS = 256;
// Invisible format characters (bidi overrides and isolates, zero-width spaces, BOM) would let a
// name reorder or hide the text beside it, or pass for someone else's. Joiners stay: scripts and
// emoji need them; so do tag characters (subdivision flags).
const INVISIBLE = /(?!\u200C|\u200D|[\u{E0020}-\u{E007F}])\p{Cf}/gu;
const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

/**
 * A name as Roundtable shows it: well-formed text on one line, nothing invisible, at most
 * DISPLAY_NAME_MAX_CHARACTERS characters (longer ones end in "…"), never cut inside a character.
 */
export function cleanDisplayName(raw: string): string {
  const text = raw
    .replace(/\p{Cs}/gu, '\uFFFD')
    .replace(INVISIBLE, '')
    .replace(/[\p{Cc}\p{Zl}\p{Zp}\s]+/gu, ' ')
    .trim();
  const characters = Array.from(graphemes.segment(text), (part) => part.segment);
  const room =
    characters.length > DISPLAY_NAME_MAX_CHARACTERS
      ? DISPLAY_NAME_MAX_CHARACTERS - 1
      : characters.length;
  let name = '';
  for (const character of characters.slice(0, room)) {
    if (name.length + character.length > DISPLAY_NAME_MAX_UNITS - 1) break;
    name += character;
  }
  name = name.trimEnd();
  if (name === '' || name.length === text.length) return name;
  return `${name}…`;
}
