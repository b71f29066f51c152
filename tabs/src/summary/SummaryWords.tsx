// The summary's words for its components (see summary-words.ts).
import { summaryWords, type SummaryWords } from './summary-words.js';

export const SummaryWordsProvider = summaryWords.Provider;

export function useSummaryWords(): SummaryWords {
  return summaryWords.useWords();
}
