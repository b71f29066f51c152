// The side panel's words for domain values, kept in one place so every component says the same.
import type { CheckinScale, EntryKind, QueueMode } from '@roundtable/core';

export const KIND_LABELS: Readonly<Record<EntryKind, string>> = {
  order: 'Point of order',
  clarify: 'Clarifying question',
  reply: 'Reply',
  point: 'New point',
};

/** The join picker's order: the everyday choice first, the rare one last. */
export const JOIN_KINDS: readonly EntryKind[] = ['point', 'reply', 'clarify', 'order'];

export const MODE_OPTIONS: readonly {
  readonly mode: QueueMode;
  readonly label: string;
  readonly explanation: string;
}[] = [
  { mode: 'fifo', label: 'First come', explanation: 'In order of joining' },
  { mode: 'equity', label: 'Balanced', explanation: 'People who have spoken least go first' },
  { mode: 'round', label: 'Round', explanation: 'Everyone in a random order; anyone may pass' },
];

export const TIMEBOX_CHOICES: readonly (number | null)[] = [null, 60, 120, 180, 300];

export const SCALE_LABELS: Readonly<Record<Exclude<CheckinScale, 'round'>, string>> = {
  likert5: 'Agree scale, 1 to 5',
  energy5: 'Energy, 1 to 5',
  word: 'One or two words',
};

export function ordinal(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  const suffix = { 1: 'st', 2: 'nd', 3: 'rd' }[n % 10] ?? 'th';
  return `${n}${suffix}`;
}

/** "You're next" for position 0, then "You're 2nd", "You're 3rd"… */
export function placeText(position: number): string {
  return position === 0 ? "You're next" : `You're ${ordinal(position + 1)}`;
}

export function durationText(seconds: number): string {
  if (seconds % 60 === 0) return seconds === 60 ? '1 minute' : `${seconds / 60} minutes`;
  return `${seconds} seconds`;
}

/** "1:05" for a clock-like countdown. */
export function clockText(totalSeconds: number): string {
  const minutes = Math.floor(totalSeconds / 60);
  const seconds = totalSeconds % 60;
  return `${minutes}:${String(seconds).padStart(2, '0')}`;
}

/** Local mode's summary: the measures of "What Teams recorded" come from the simulator, not Teams. */
export const SIMULATED_MEASURES =
  'Simulated: local mode has no Teams. These figures come from the local stand-in for Microsoft Graph, built from the turns and joins the simulator played; Teams measured nothing.';
