// Words and numbers for one language: ICU messages from the catalogue (intl-messageformat), and
// numbers, percentages, durations and dates through Intl, so each reads as its language writes it.
import { IntlMessageFormat } from 'intl-messageformat';
import { directionOf, type Language } from './languages.js';
import type { MessageKey } from './messages/en.js';

export type MessageValues = Readonly<Record<string, string | number>>;

/**
 * Something to say that may come from elsewhere: a plain sentence (already in the reader's
 * language, or from a program that has no catalogue), or a catalogue key with its values and the
 * English sentence to fall back on when the catalogue has no such key (a newer API's code).
 */
export type Said =
  | string
  | {
      readonly key: string;
      readonly values?: MessageValues;
      /** Values that are themselves things to say, each in the reader's language. */
      readonly nested?: Readonly<Record<string, Said>>;
      readonly english: string;
    };

export interface Translator<K extends string = MessageKey> {
  readonly language: Language;
  /** The reader's whole tag as Intl takes it ("ar-SA"): numbers and dates follow it. */
  readonly locale: string;
  readonly dir: 'ltr' | 'rtl';
  readonly t: (key: K, values?: MessageValues) => string;
  /** Whether this catalogue has words for a key (one that came from elsewhere, say). */
  readonly has: (key: string) => boolean;
  /** A `Said`: its key when this catalogue has it, its English sentence otherwise. */
  readonly say: (said: Said) => string;
  readonly number: (value: number, options?: Intl.NumberFormatOptions) => string;
  /** 0.42 → "42%" / "42 %" / "٤٢٪". */
  readonly percent: (fraction: number) => string;
  /**
   * 125 → "2 minutes 5 seconds" / "2 Minuten, 5 Sekunden"…; `largest` 'minute' never says hours
   * (3725 → "62 minutes 5 seconds").
   */
  readonly duration: (seconds: number, largest?: 'hour' | 'minute') => string;
  /** "1:05" in the language's digits. */
  readonly clock: (seconds: number) => string;
  readonly date: (epochMs: number) => string;
}

/**
 * `locale` is the reader's whole tag (e.g. "ar-SA", "de-AT"): the catalogue is the language's, but
 * digits, dates and separators follow the region (Saudi Arabic writes ١٢٣, Emirati 123).
 */
export function createTranslator<K extends string = MessageKey>(
  language: Language,
  catalogue: Readonly<Record<K, string>>,
  locale: string = language,
): Translator<K> {
  const tag = intlLocale(locale, language);
  const formats = new Map<string, IntlMessageFormat>();
  const numbers = new Intl.NumberFormat(tag);
  const percents = new Intl.NumberFormat(tag, { style: 'percent', maximumFractionDigits: 0 });
  const units = (unit: 'hour' | 'minute' | 'second') =>
    new Intl.NumberFormat(tag, { style: 'unit', unit, unitDisplay: 'long' });
  const hours = units('hour');
  const minutes = units('minute');
  const seconds = units('second');
  const joined = new Intl.ListFormat(tag, { type: 'unit', style: 'narrow' });
  const twoDigits = new Intl.NumberFormat(tag, { minimumIntegerDigits: 2 });

  function format(key: string, message: string, values?: MessageValues): string {
    let compiled = formats.get(key);
    if (compiled === undefined) {
      compiled = new IntlMessageFormat(message, tag);
      formats.set(key, compiled);
    }
    return String(compiled.format(values));
  }

  const translator: Translator<K> = {
    language,
    locale: tag,
    dir: directionOf(language),
    t: (key, values) => format(key, catalogue[key], values),
    has: (key) => Object.hasOwn(catalogue, key),
    say: (said) => {
      if (typeof said === 'string') return said;
      const message = (catalogue as Readonly<Record<string, string>>)[said.key];
      if (message === undefined) return said.english;
      const nested = Object.fromEntries(
        Object.entries(said.nested ?? {}).map(([name, value]) => [name, translator.say(value)]),
      );
      return format(said.key, message, { ...said.values, ...nested });
    },
    number: (value, options) =>
      options === undefined
        ? numbers.format(value)
        : new Intl.NumberFormat(tag, options).format(value),
    percent: (fraction) => percents.format(fraction),
    duration: (total, largest = 'hour') => {
      const whole = Math.round(total);
      const h = largest === 'hour' ? Math.floor(whole / 3600) : 0;
      const m = Math.floor((whole - h * 3600) / 60);
      const s = whole % 60;
      const parts = [
        h > 0 ? hours.format(h) : null,
        m > 0 ? minutes.format(m) : null,
        s > 0 || whole === 0 ? seconds.format(s) : null,
      ].filter((part): part is string => part !== null);
      return joined.format(parts);
    },
    clock: (total) => `${numbers.format(Math.floor(total / 60))}:${twoDigits.format(total % 60)}`,
    date: (epochMs) => new Intl.DateTimeFormat(tag, { dateStyle: 'medium' }).format(epochMs),
  };
  return translator;
}

/**
 * An API problem in the reader's language: its stable code (and, for `unavailable`, the part that
 * did not answer) picks the words; `detail` is the API's English, said when the catalogue has no
 * words for the code (a newer API, or a problem too specific to translate, like invalid-request).
 */
export function saidOfProblem(problem: {
  readonly code?: string;
  readonly detail: string;
  readonly dependency?: string;
  readonly retryAfter?: number;
}): Said {
  if (problem.code === undefined) return problem.detail;
  const key =
    problem.code === 'unavailable' && problem.dependency !== undefined
      ? `problem.unavailable.${problem.dependency}`
      : `problem.${problem.code}`;
  return {
    key,
    english: problem.detail,
    ...(problem.retryAfter === undefined ? {} : { values: { seconds: problem.retryAfter } }),
  };
}

/** The same thing to say (a fresh object each poll must not re-render the panel). */
export function sameSaid(a: Said | null, b: Said | null): boolean {
  if (a === null || b === null || typeof a === 'string' || typeof b === 'string') return a === b;
  return a.key === b.key && a.english === b.english && sameValues(a.values, b.values);
}

function sameValues(a: MessageValues | undefined, b: MessageValues | undefined): boolean {
  const left = Object.entries(a ?? {});
  return left.length === Object.keys(b ?? {}).length && left.every(([k, v]) => b?.[k] === v);
}

/** The English sentence of a `Said`, for logs and for tests that read what a person would see. */
export function englishOf(said: Said): string {
  return typeof said === 'string' ? said : said.english;
}

/** The reader's tag when it is the same language and Intl accepts it; the bare language otherwise. */
function intlLocale(locale: string, language: Language): string {
  try {
    const [canonical] = Intl.getCanonicalLocales(locale.replace(/_/g, '-'));
    return canonical?.split('-')[0] === language ? canonical : language;
  } catch {
    return language;
  }
}
