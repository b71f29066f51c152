// The organiser's card in the language Teams told us (English otherwise): ICU messages through
// intl-messageformat, numbers and percentages through Intl in the reader's own region.
import { IntlMessageFormat } from 'intl-messageformat';
import ar from './ar.js';
import de from './de.js';
import en, { type CardCatalogue, type CardKey } from './en.js';

const CATALOGUES: Readonly<Record<string, CardCatalogue>> = { en, de, ar };

export interface CardWords {
  /** The language the card is written in ("en", "de", "ar"). */
  readonly language: string;
  readonly rtl: boolean;
  readonly t: (key: CardKey, values?: Readonly<Record<string, string | number>>) => string;
  readonly percent: (fraction: number) => string;
  readonly oneDecimal: (value: number) => string;
}

/** Words for a BCP 47 tag such as "de-DE" or "ar-SA"; anything Roundtable lacks reads English. */
export function cardWords(locale: string | undefined): CardWords {
  const language = (locale ?? '').trim().toLowerCase().split(/[-_]/)[0] ?? '';
  const catalogue = CATALOGUES[language];
  if (catalogue === undefined) return wordsFor('en', en, 'en');
  return wordsFor(language, catalogue, intlTag(locale ?? language, language));
}

function wordsFor(language: string, catalogue: CardCatalogue, tag: string): CardWords {
  const percent = new Intl.NumberFormat(tag, { style: 'percent', maximumFractionDigits: 0 });
  const decimal = new Intl.NumberFormat(tag, {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  });
  return {
    language,
    rtl: language === 'ar',
    t: (key, values) => String(new IntlMessageFormat(catalogue[key], tag).format(values)),
    percent: (fraction) => percent.format(fraction),
    oneDecimal: (value) => decimal.format(value),
  };
}

function intlTag(locale: string, language: string): string {
  try {
    const [canonical] = Intl.getCanonicalLocales(locale.replace(/_/g, '-'));
    return canonical?.split('-')[0] === language ? canonical : language;
  } catch {
    return language;
  }
}
