// Gives the summary's components its words in the page's language (useI18n), waiting for German
// or Arabic to arrive rather than flashing English; English if they cannot be fetched.
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { useI18n } from '../i18n/I18n.js';
import {
  ENGLISH_SUMMARY,
  loadSummaryWords,
  summaryWordsIfLoaded,
  type SummaryWords,
} from './summary-words.js';

const SummaryWordsContext = createContext<SummaryWords>(ENGLISH_SUMMARY);

export function useSummaryWords(): SummaryWords {
  return useContext(SummaryWordsContext);
}

export function SummaryWordsProvider({ children }: { children: ReactNode }) {
  const { language, locale } = useI18n();
  const [arrived, setArrived] = useState<SummaryWords | null>(null);
  const current =
    summaryWordsIfLoaded(language, locale) ?? (arrived?.locale === locale ? arrived : null);
  const ready = current !== null;
  useEffect(() => {
    if (ready) return;
    let active = true;
    loadSummaryWords(language, locale).then(
      (words) => {
        if (active) setArrived(words);
      },
      () => {
        if (active) setArrived({ ...ENGLISH_SUMMARY, locale });
      },
    );
    return () => {
      active = false;
    };
  }, [language, locale, ready]);
  if (current === null) return null;
  return <SummaryWordsContext.Provider value={current}>{children}</SummaryWordsContext.Provider>;
}
