// Numbers in words a person reads at a glance, in the reader's language (Intl through the
// translator); the summary's own values stay untouched.
import type { Translator } from '../i18n/translator.js';
import { promptKey } from '../components/wording.js';
import type { SummaryWords } from './summary-words.js';

/** "4.0" / "4,0" / "٤٫٠": one decimal, as the reader writes it. */
export function oneDecimal(words: SummaryWords, value: number): string {
  return words.number(value, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
}

/** The meeting's day in the reader's own locale. */
export function meetingDate(words: SummaryWords, startedAt: number | null): string {
  return startedAt === null ? words.t('report.dateUnknown') : words.date(startedAt);
}

/** A built-in prompt's words in the reader's language; a custom prompt's text is never kept. */
export function promptText(i18n: Translator, promptId: string | null): string {
  const key = promptId === null ? undefined : promptKey(promptId);
  return i18n.t(key ?? 'prompt.custom');
}

/** "Under a minute", "45 minutes", "1 hour 20 minutes". */
export function meetingLength(words: SummaryWords, durationMs: number): string {
  const minutes = Math.round(durationMs / 60_000);
  return minutes === 0 ? words.t('report.underMinute') : words.duration(minutes * 60);
}
