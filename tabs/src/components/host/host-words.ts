// The host tools' words (see i18n/page-words.tsx): loaded with the host tools, never by attendees.
import { pageWords } from '../../i18n/page-words.js';
import english, { type HostKey } from '../../i18n/messages/host/en.js';

export const hostWords = pageWords<HostKey>(english, {
  de: () => import('../../i18n/messages/host/de.js').then((module) => module.default),
  ar: () => import('../../i18n/messages/host/ar.js').then((module) => module.default),
});

export const useHostWords = hostWords.useWords;
