// The language tag a page speaks: Teams' own (app.locale) inside Teams; elsewhere (local mode,
// outside Teams, or still connecting) the `?lang=` query's or the browser's.
import type { Host } from '../teams/teams-host.js';
import { browserLanguageTag } from './languages.js';

export function languageTagFor(host: Host): string {
  return host.kind === 'teams'
    ? host.session.locale
    : browserLanguageTag(window.location, window.navigator);
}
