// The page's one connection to its host: local mode (said by the server), Teams (on a computer, in
// a browser or on a phone), or neither. Teams is waited for however long it takes; whatever goes
// wrong is shown, never swapped for local mode. Only this folder imports @microsoft/teams-js.
import { systemTheme, watchSystemTheme } from '../theme/themes.js';
import { Lifecycle } from './lifecycle.js';
import type { Said } from '../i18n/translator.js';
import { isLocalMode, outsideAnyHost } from './page-mode.js';
import { loadTeamsSdk, type TeamsSdk } from './teams-sdk.js';
import { normaliseTheme, sessionFor, type TeamsSession, type TeamsTheme } from './teams-session.js';

export type Host =
  | { readonly kind: 'connecting' }
  | { readonly kind: 'local' }
  /** Opened in a browser, not in Teams, and the server did not say local mode. */
  | { readonly kind: 'outside' }
  /** Teams did not finish opening the tab; `message` says what happened. */
  | { readonly kind: 'failed'; readonly message: Said }
  | { readonly kind: 'teams'; readonly session: TeamsSession; readonly lifecycle: Lifecycle };

export interface HostState {
  readonly host: Host;
  readonly theme: TeamsTheme;
}

/** What useTeamsHost reads; tests hand it a fake. */
export interface HostSource {
  readonly subscribe: (listener: () => void) => () => void;
  readonly snapshot: () => HostState;
  /** Connects once; later calls do nothing. */
  readonly start: () => void;
}

/** The page the host connection belongs to; tests give a stand-in for a frame or a phone. */
export interface HostPage {
  readonly window: Window;
  readonly document: Document;
}

class TeamsHost implements HostSource {
  private state: HostState = { host: { kind: 'connecting' }, theme: systemTheme() };

  constructor(private readonly page: HostPage) {}

  private readonly listeners = new Set<() => void>();
  private started = false;
  private readonly lifecycle = new Lifecycle();

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  snapshot = (): HostState => this.state;

  start = (): void => {
    if (this.started) return;
    this.started = true;
    void this.connect();
  };

  private set(change: Partial<HostState>): void {
    this.state = { ...this.state, ...change };
    for (const listener of this.listeners) listener();
  }

  private async connect(): Promise<void> {
    const local = isLocalMode(this.page.document);
    if (local || outsideAnyHost(this.page.window)) {
      this.set({ host: { kind: local ? 'local' : 'outside' }, theme: systemTheme() });
      // Outside Teams the system chooses the theme, and may change it while the page is open.
      watchSystemTheme((theme) => {
        this.set({ theme });
      });
      return;
    }
    const sdk = await loadTeamsSdk();
    let context;
    try {
      await sdk.app.initialize();
    } catch (error) {
      this.set({
        host: failure('host.failed.initialize', 'Teams did not finish opening Roundtable.', error),
      });
      return;
    }
    try {
      context = await sdk.app.getContext();
    } catch (error) {
      sdk.app.notifyFailure({ reason: sdk.app.FailedReason.Other });
      this.set({
        host: failure('host.failed.context', 'Teams did not say which meeting this is.', error),
      });
      return;
    }
    this.followTheme(sdk);
    if (context.page.frameContext === sdk.FrameContexts.sidePanel) this.offerCaching(sdk);
    this.show(sessionFor(sdk, context));
  }

  private show(session: TeamsSession): void {
    this.set({ host: { kind: 'teams', session, lifecycle: this.lifecycle }, theme: session.theme });
  }

  private followTheme(sdk: TeamsSdk): void {
    sdk.app.registerOnThemeChangeHandler((theme) => {
      this.set({ theme: normaliseTheme(theme) });
    });
  }

  /** Only the side panel is cached (app caching supports no other meeting surface). */
  private offerCaching(sdk: TeamsSdk): void {
    try {
      sdk.app.lifecycle.registerBeforeSuspendOrTerminateHandler(() => {
        this.lifecycle.sleep();
        return Promise.resolve();
      });
      sdk.app.lifecycle.registerOnResumeHandler((resume) => {
        void this.resume(sdk, resume.contentUrl);
      });
    } catch {
      // A host without app caching simply loads the tab afresh each time.
    }
  }

  /** Cached panels come back with a resume context: possibly another meeting, and another page. */
  private async resume(sdk: TeamsSdk, contentUrl: URL): Promise<void> {
    if (contentUrl.pathname !== this.page.window.location.pathname) {
      this.page.window.location.assign(contentUrl.href);
      return;
    }
    // A resumed app registers its handlers again (the suspension may have dropped them).
    this.followTheme(sdk);
    this.offerCaching(sdk);
    let session;
    try {
      session = sessionFor(sdk, await sdk.app.getContext());
    } catch (error) {
      sdk.app.notifyFailure({ reason: sdk.app.FailedReason.Other });
      this.set({
        host: failure('host.failed.context', 'Teams did not say which meeting this is.', error),
      });
      return;
    }
    const previous = this.state.host;
    if (previous.kind === 'teams' && previous.session.meetingId === session.meetingId)
      this.lifecycle.wake();
    else this.lifecycle.moveOn();
    this.show(session);
  }
}

/** What went wrong in the reader's words, with Teams' own (English) detail in brackets. */
function failure(key: string, english: string, error: unknown): Host {
  const detail = error instanceof Error ? ` (${error.message})` : '';
  return {
    kind: 'failed',
    message: { key, values: { detail }, english: `${english}${detail}` },
  };
}

/** A connection for the given page; the app uses the page's one shared connection, teamsHost(). */
export function createTeamsHost(page: HostPage): HostSource {
  return new TeamsHost(page);
}

let pageHost: HostSource | undefined;

/** The page's one host connection, shared by everything on the page. */
export function teamsHost(): HostSource {
  pageHost ??= createTeamsHost({ window, document });
  return pageHost;
}
