// The languages Roundtable speaks, and how a reader's language tag (Teams' `app.locale`, a `?lang=`
// query, the browser's) becomes one of them. English is the fallback for everything else.
export const LANGUAGES = ['en', 'de', 'ar'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Each language's own name, for the simulator's picker (a reader finds their language by it). */
export const LANGUAGE_NAMES: Readonly<Record<Language, string>> = {
  en: 'English',
  de: 'Deutsch',
  ar: 'العربية',
};

/** "de-DE", "de_AT", "AR-sa" → a language Roundtable has; anything else → English. */
export function pickLanguage(tag: string | null | undefined): Language {
  const primary = (tag ?? '').trim().toLowerCase().split(/[-_]/)[0] ?? '';
  return (LANGUAGES as readonly string[]).includes(primary) ? (primary as Language) : 'en';
}

/** Arabic reads right to left; the page mirrors with it. */
export function directionOf(language: Language): 'ltr' | 'rtl' {
  return language === 'ar' ? 'rtl' : 'ltr';
}

/**
 * Outside Teams (local mode, or a page Teams does not host) nobody hands us a locale: a `?lang=`
 * query chooses (the simulator's picker sets it), the browser's own language otherwise.
 */
export function browserLanguageTag(location: Location, navigator: Navigator): string {
  const asked = new URLSearchParams(location.search).get('lang');
  return asked ?? navigator.language;
}
