// Where the page runs. Local mode is said, never guessed: the local dev and preview servers mark
// every page with <meta name="roundtable-mode" content="local"> (vite.config.js); the deployed tab
// has no mark, so it always waits for Teams, however slowly Teams answers.

export function isLocalMode(doc: Document = document): boolean {
  return doc.querySelector('meta[name="roundtable-mode"]')?.getAttribute('content') === 'local';
}

/**
 * True when no Teams client can be talking to this page: no parent frame, no opener (a sign-in
 * pop-up has one) and no native bridge. Teams on iOS and Android loads tabs in a frameless
 * webview that has `window.nativeInterface` and no parent; teams-js' internal/communication.js
 * treats that as the mobile case, and fails app.initialize() at once in every other case.
 */
export function outsideAnyHost(win: Window = window): boolean {
  return win.parent === win && win.opener === null && !('nativeInterface' in win);
}
