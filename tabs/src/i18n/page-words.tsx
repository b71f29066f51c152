// Words a page or a lazily loaded part needs beyond the side panel's first catalogue (the summary,
// the host tools, the configuration page): their own catalogue, English bundled with the part
// that uses it, German and Arabic loaded when a reader needs them. The side panel's first bundle
// never carries them.
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { useI18n } from './I18n.js';
import type { Language } from './languages.js';
import { createTranslator, type Translator } from './translator.js';

type Loaders<K extends string> = Readonly<
  Record<Exclude<Language, 'en'>, () => Promise<Readonly<Record<K, string>>>>
>;

export interface PageWords<K extends string> {
  /** English words, for helpers that run without a reader (and tests). */
  readonly english: Translator<K>;
  /** Renders its children once the reader's words are here (nothing before: no flash). */
  readonly Provider: (props: { children: ReactNode }) => ReactNode;
  readonly useWords: () => Translator<K>;
}

export function pageWords<K extends string>(
  englishCatalogue: Readonly<Record<K, string>>,
  loaders: Loaders<K>,
): PageWords<K> {
  const english = createTranslator<K>('en', englishCatalogue);
  const made = new Map<string, Translator<K>>([['en', english]]);
  const Context = createContext<Translator<K>>(english);

  /** The reader's words if they are here; English ones are made at once, for any region. */
  function known(language: Language, locale: string): Translator<K> | undefined {
    const found = made.get(locale);
    if (found !== undefined || language !== 'en') return found;
    const words = createTranslator<K>('en', englishCatalogue, locale);
    made.set(locale, words);
    return words;
  }

  async function load(language: Language, locale: string): Promise<Translator<K>> {
    const catalogue = language === 'en' ? englishCatalogue : await loaders[language]();
    const words = createTranslator<K>(language, catalogue, locale);
    made.set(locale, words);
    return words;
  }

  function Provider({ children }: { children: ReactNode }) {
    const { language, locale } = useI18n();
    const [arrived, setArrived] = useState<Translator<K> | null>(null);
    const current = known(language, locale) ?? (arrived?.locale === locale ? arrived : null);
    const ready = current !== null;
    useEffect(() => {
      if (ready) return;
      let active = true;
      load(language, locale).then(
        (words) => {
          if (active) setArrived(words);
        },
        () => {
          if (active) setArrived({ ...english, locale });
        },
      );
      return () => {
        active = false;
      };
    }, [language, locale, ready]);
    if (current === null) return null;
    return <Context.Provider value={current}>{children}</Context.Provider>;
  }

  return { english, Provider, useWords: () => useContext(Context) };
}
