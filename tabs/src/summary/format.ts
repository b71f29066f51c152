// Numbers in words a person reads at a glance; the summary's own values stay untouched.
import { findPrompt, type QueueMode } from '@roundtable/core';

export function percent(fraction: number): string {
  return `${Math.round(fraction * 100)}%`;
}

export function count(n: number, singular: string, plural: string): string {
  return `${n} ${n === 1 ? singular : plural}`;
}

/** "45 seconds", "2 minutes", "3 minutes 5 seconds". */
export function duration(seconds: number): string {
  const whole = Math.round(seconds);
  const minutes = Math.floor(whole / 60);
  const rest = whole % 60;
  if (minutes === 0) return count(rest, 'second', 'seconds');
  const inMinutes = count(minutes, 'minute', 'minutes');
  return rest === 0 ? inMinutes : `${inMinutes} ${count(rest, 'second', 'seconds')}`;
}

export function oneDecimal(value: number): string {
  return value.toFixed(1);
}

/** The meeting's day in the reader's own locale. */
export function meetingDate(startedAt: number | null): string {
  if (startedAt === null) return 'Date unknown';
  return new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' }).format(startedAt);
}

export const MODE_NAMES: Readonly<Record<QueueMode, string>> = {
  fifo: 'First come, first served',
  equity: 'Equity: people who spoke least go first',
  round: 'Round: everyone in turn',
};

/** A built-in prompt's words; a custom prompt's text is never kept, so it has none. */
export function promptText(promptId: string | null): string {
  return (promptId === null ? undefined : findPrompt(promptId)?.text) ?? 'Custom prompt';
}

/** "Under a minute", "45 minutes", "1 hour 20 minutes". */
export function meetingLength(durationMs: number): string {
  const minutes = Math.round(durationMs / 60_000);
  if (minutes === 0) return 'Under a minute';
  const hours = Math.floor(minutes / 60);
  const inMinutes = count(minutes % 60, 'minute', 'minutes');
  if (hours === 0) return inMinutes;
  const inHours = count(hours, 'hour', 'hours');
  return minutes % 60 === 0 ? inHours : `${inHours} ${inMinutes}`;
}
