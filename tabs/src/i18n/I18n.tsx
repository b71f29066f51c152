// The reader's language for every component below: English at once (it is bundled), German and
// Arabic fetched when a reader needs them, so English readers download nothing extra.
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { pickLanguage, type Language } from './languages.js';
import english, { type Catalogue } from './messages/en.js';
import type { ProblemCatalogue } from './messages/problems/en.js';
import { createTranslator, type Translator } from './translator.js';

const ENGLISH = createTranslator('en', english);

// Components rendered without a provider (tests, isolated widgets) speak English.
const I18nContext = createContext<Translator>(ENGLISH);

export function useI18n(): Translator {
  return useContext(I18nContext);
}

// A catalogue with the API's problems by code: English readers read the API's own English `detail`.
type FullCatalogue = Catalogue & ProblemCatalogue;

const loaders: Readonly<Record<Exclude<Language, 'en'>, () => Promise<FullCatalogue>>> = {
  de: async () => {
    const [words, problems] = await Promise.all([
      import('./messages/de.js'),
      import('./messages/problems/de.js'),
    ]);
    return { ...words.default, ...problems.default };
  },
  ar: async () => {
    const [words, problems] = await Promise.all([
      import('./messages/ar.js'),
      import('./messages/problems/ar.js'),
    ]);
    return { ...words.default, ...problems.default };
  },
};

const catalogues = new Map<Language, Catalogue>([['en', english]]);
const translators = new Map<string, Translator>();

/** The translator for a tag once its language's catalogue is here; undefined until then. */
function translatorFor(tag: string): Translator | undefined {
  const language = pickLanguage(tag);
  const catalogue = catalogues.get(language);
  if (catalogue === undefined) return undefined;
  let translator = translators.get(tag);
  if (translator === undefined) {
    translator = createTranslator(language, catalogue, tag);
    translators.set(tag, translator);
  }
  return translator;
}

/** The translator for a tag, loading its language's catalogue once. */
export async function loadTranslator(tag: string): Promise<Translator> {
  const language = pickLanguage(tag);
  if (language !== 'en' && !catalogues.has(language))
    catalogues.set(language, await loaders[language]());
  return translatorFor(tag) ?? ENGLISH;
}

/**
 * Speaks the language of `tag` (a BCP 47 tag from Teams, the query or the browser) to everything
 * inside. Until another language's catalogue arrives nothing is shown rather than a flash of
 * English; if it cannot be fetched, English it is.
 */
export function LanguageProvider({ tag, children }: { tag: string; children: ReactNode }) {
  // The language a load finished for, so a late answer for an earlier language is not shown.
  const [arrived, setArrived] = useState<{ tag: string; translator: Translator } | null>(null);
  const current = translatorFor(tag) ?? (arrived?.tag === tag ? arrived.translator : null);
  const ready = current !== null;
  useEffect(() => {
    if (ready) return;
    let active = true;
    loadTranslator(tag).then(
      (translator) => {
        if (active) setArrived({ tag, translator });
      },
      () => {
        if (active) setArrived({ tag, translator: ENGLISH });
      },
    );
    return () => {
      active = false;
    };
  }, [tag, ready]);
  useEffect(() => {
    if (current === null) return;
    // The document speaks the page's language too: screen readers pick their voice from `lang`.
    document.documentElement.lang = current.language;
    document.documentElement.dir = current.dir;
  }, [current]);
  if (current === null) return null;
  return <I18nContext.Provider value={current}>{children}</I18nContext.Provider>;
}
