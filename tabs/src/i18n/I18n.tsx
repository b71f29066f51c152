// The reader's language for every component below: English at once (it is bundled), German and
// Arabic fetched when a reader needs them, so English readers download nothing extra.
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { pickLanguage, type Language } from './languages.js';
import english, { type Catalogue } from './messages/en.js';
import { createTranslator, type Translator } from './translator.js';

const ENGLISH = createTranslator('en', english);

// Components rendered without a provider (tests, isolated widgets) speak English.
const I18nContext = createContext<Translator>(ENGLISH);

export function useI18n(): Translator {
  return useContext(I18nContext);
}

const loaders: Readonly<Record<Exclude<Language, 'en'>, () => Promise<Catalogue>>> = {
  de: () => import('./messages/de.js').then((module) => module.default),
  ar: () => import('./messages/ar.js').then((module) => module.default),
};

const loaded = new Map<Language, Translator>([['en', ENGLISH]]);

/** The translator for a language, loading its catalogue once. */
export async function loadTranslator(language: Language): Promise<Translator> {
  const known = loaded.get(language);
  if (known !== undefined) return known;
  const catalogue = language === 'en' ? english : await loaders[language]();
  const translator = createTranslator(language, catalogue);
  loaded.set(language, translator);
  return translator;
}

/**
 * Speaks the language of `tag` (a BCP 47 tag from Teams, the query or the browser) to everything
 * inside. Until another language's catalogue arrives nothing is shown rather than a flash of
 * English; if it cannot be fetched, English it is.
 */
export function LanguageProvider({ tag, children }: { tag: string; children: ReactNode }) {
  const language = pickLanguage(tag);
  // The language a load finished for, so a late answer for an earlier language is not shown.
  const [arrived, setArrived] = useState<{ language: Language; translator: Translator } | null>(
    null,
  );
  const current =
    loaded.get(language) ?? (arrived?.language === language ? arrived.translator : null);
  useEffect(() => {
    if (loaded.has(language)) return;
    let active = true;
    loadTranslator(language).then(
      (translator) => {
        if (active) setArrived({ language, translator });
      },
      () => {
        if (active) setArrived({ language, translator: ENGLISH });
      },
    );
    return () => {
      active = false;
    };
  }, [language]);
  useEffect(() => {
    if (current === null) return;
    // The document speaks the page's language too: screen readers pick their voice from `lang`.
    document.documentElement.lang = current.language;
    document.documentElement.dir = current.dir;
  }, [current]);
  if (current === null) return null;
  return <I18nContext.Provider value={current}>{children}</I18nContext.Provider>;
}
