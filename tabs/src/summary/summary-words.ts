// The summary's words in the reader's language: its own catalogue, loaded with the summary (the
// side panel never pays for it). Plain helpers (the airtime captions) take a translator and speak
// English without one.
import { pageWords } from '../i18n/page-words.js';
import type { Translator } from '../i18n/translator.js';
import english, { type SummaryKey } from '../i18n/messages/summary/en.js';

export type SummaryWords = Translator<SummaryKey>;

export const summaryWords = pageWords<SummaryKey>(english, {
  de: () => import('../i18n/messages/summary/de.js').then((module) => module.default),
  ar: () => import('../i18n/messages/summary/ar.js').then((module) => module.default),
});

export const ENGLISH_SUMMARY: SummaryWords = summaryWords.english;
