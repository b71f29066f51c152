// The summary's words in the reader's language: its own catalogue, loaded with the summary (the
// side panel never pays for it). English is bundled with the summary; German and Arabic load on
// demand. Plain helpers (the airtime captions) take a translator and speak English without one.
import { createTranslator, type Translator } from '../i18n/translator.js';
import type { Language } from '../i18n/languages.js';
import english, { type SummaryKey } from '../i18n/messages/summary/en.js';

export type SummaryWords = Translator<SummaryKey>;

export const ENGLISH_SUMMARY: SummaryWords = createTranslator<SummaryKey>('en', english);

const loaders: Readonly<
  Record<Exclude<Language, 'en'>, () => Promise<Readonly<Record<SummaryKey, string>>>>
> = {
  de: () => import('../i18n/messages/summary/de.js').then((module) => module.default),
  ar: () => import('../i18n/messages/summary/ar.js').then((module) => module.default),
};

const made = new Map<string, SummaryWords>([['en', ENGLISH_SUMMARY]]);

/** The summary's words for a reader, once their language's catalogue is here (else undefined). */
export function summaryWordsIfLoaded(language: Language, locale: string): SummaryWords | undefined {
  return language === 'en' && locale === 'en' ? ENGLISH_SUMMARY : made.get(locale);
}

export async function loadSummaryWords(language: Language, locale: string): Promise<SummaryWords> {
  const known = summaryWordsIfLoaded(language, locale);
  if (known !== undefined) return known;
  const catalogue = language === 'en' ? english : await loaders[language]();
  const words = createTranslator<SummaryKey>(language, catalogue, locale);
  made.set(locale, words);
  return words;
}
