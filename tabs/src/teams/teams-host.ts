// Everything that talks to Microsoft Teams lives in this folder; the rest of the tab runs without it.
import { app, authentication } from '@microsoft/teams-js';

export type TeamsTheme = 'default' | 'dark' | 'contrast';

export interface TeamsSession {
  readonly meetingId: string;
  /** The meeting chat, shared by every occurrence of a recurring meeting: the series. */
  readonly chatId: string | null;
  readonly frameContext: string;
  readonly theme: TeamsTheme;
  /** A fresh SSO token for the Roundtable API (Teams caches and renews it). */
  readonly getToken: () => Promise<string>;
  readonly onThemeChange: (handler: (theme: TeamsTheme) => void) => void;
}

/** How long to wait for Teams before deciding the page is not inside Teams. */
export const TEAMS_TIMEOUT_MS = 3_000;

/** True when the page has no parent frame: opened directly in a browser, not inside Teams. */
export function isStandalone(win: Window = window): boolean {
  return win.parent === win;
}

/**
 * The tab's one content page serves every meeting surface. In the side panel (and in the stage
 * dialog of a "You're next" notice) it is the queue; as the meeting's chat or details tab, Teams
 * opens it in a `content` frame, where the summary belongs.
 */
export function showsSummary(frameContext: string): boolean {
  return frameContext === 'content';
}

export function normaliseTheme(theme: string | undefined): TeamsTheme {
  return theme === 'dark' || theme === 'contrast' ? theme : 'default';
}

let connection: Promise<TeamsSession | null> | undefined;

/**
 * Connects to Teams once per page; every caller shares the one connection. Resolves null outside
 * Teams: at once without a parent frame, and after a short timeout inside a frame whose parent is
 * not Teams (app.initialize would otherwise wait a minute).
 */
export function connectToTeams(timeoutMs = TEAMS_TIMEOUT_MS): Promise<TeamsSession | null> {
  connection ??= connect(timeoutMs);
  return connection;
}

async function connect(timeoutMs: number): Promise<TeamsSession | null> {
  if (isStandalone()) return null;
  const timedOut = new Promise<'timeout'>((resolve) =>
    setTimeout(() => {
      resolve('timeout');
    }, timeoutMs),
  );
  const initialised = app.initialize().then(
    () => 'ready' as const,
    () => 'failed' as const,
  );
  if ((await Promise.race([initialised, timedOut])) !== 'ready') return null;
  const context = await app.getContext();
  const meetingId = context.meeting?.id ?? context.chat?.id ?? '';
  registerAppCaching();
  void app.notifySuccess();
  return {
    meetingId,
    chatId: context.chat?.id ?? null,
    frameContext: context.page.frameContext,
    theme: normaliseTheme(context.app.theme),
    getToken: () => authentication.getAuthToken(),
    onThemeChange: (handler) => {
      app.registerOnThemeChangeHandler((theme) => {
        handler(normaliseTheme(theme));
      });
    },
  };
}

/** Lets Teams keep the side panel cached between openings instead of reloading it. */
function registerAppCaching(): void {
  try {
    app.lifecycle.registerBeforeSuspendOrTerminateHandler(() => Promise.resolve());
    app.lifecycle.registerOnResumeHandler(() => {
      void app.notifySuccess();
    });
  } catch {
    // Hosts without app caching simply reload the tab.
  }
}
