// Settings the build bakes in (Vite's import.meta.env): empty where none were given, and under
// the unit tests, which run the sources without a build.
const env = (import.meta as { env?: Record<string, string | undefined> }).env;

/** Where the API lives: same origin by default (the dev server proxies /api), or this URL. */
export const API_BASE_URL: string = env?.VITE_ROUNDTABLE_API_URL ?? '';

/** The Entra app whose consent the consent pop-up asks for; empty when the build has none. */
export const CLIENT_ID: string = env?.VITE_ROUNDTABLE_CLIENT_ID ?? '';
