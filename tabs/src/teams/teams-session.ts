// One Teams context, as the rest of the tab needs it. Built again when a cached side panel
// resumes, because the context may then be another meeting's.
// Context fields: msteams-docs tabs/how-to/access-teams-context.md; anonymous people have
// user.licenseType "Anonymous" (apps-in-teams-meetings/build-apps-for-anonymous-user.md).
import type { app } from '@microsoft/teams-js';
import { askForConsent, getToken } from './sign-in.js';
import type { TeamsSdk } from './teams-sdk.js';

export type TeamsTheme = 'default' | 'dark' | 'contrast';

/** How a loading tab tells Teams it could not load (app.FailedReason, app.ExpectedFailureReason). */
export type LoadFailure =
  | { readonly expected: false; readonly reason: 'AuthFailed' | 'Timeout' | 'Other' }
  | { readonly expected: true; readonly reason: 'PermissionError' | 'Other' };

export interface TeamsSession {
  /** The meeting's id; a chat's id where Teams gives no meeting (a call in a chat). */
  readonly meetingId: string;
  /** The meeting chat, shared by every occurrence of a recurring meeting: the series. */
  readonly chatId: string | null;
  readonly frameContext: string;
  readonly theme: TeamsTheme;
  /** The language Teams shows itself in (`app.locale`, e.g. "de-de"); the tab follows it. */
  readonly locale: string;
  /** Joined without signing in: Teams gives such people no token at all. */
  readonly anonymous: boolean;
  /** A token for the Roundtable API; throws TeamsSignInFailure when Teams refuses one. */
  getToken(): Promise<string>;
  /** Opens the consent pop-up; resolves once the person consented. */
  requestConsent(): Promise<void>;
  /** The tab is ready: Teams hides its loading indicator (app.notifySuccess). */
  notifyLoaded(): void;
  notifyLoadFailed(failure: LoadFailure, message: string): void;
}

export function normaliseTheme(theme: string | undefined): TeamsTheme {
  return theme === 'dark' || theme === 'contrast' ? theme : 'default';
}

/**
 * The tab's one content page serves every meeting surface. In the side panel (and in the stage
 * dialog of a "You're next" notice) it is the queue; as the meeting's chat or details tab, Teams
 * opens it in a `content` frame, where the summary belongs.
 */
export function showsSummary(frameContext: string): boolean {
  return frameContext === 'content';
}

export function sessionFor(sdk: TeamsSdk, context: app.Context): TeamsSession {
  const teamsApp = sdk.app;
  return {
    meetingId: context.meeting?.id ?? context.chat?.id ?? '',
    chatId: context.chat?.id ?? null,
    frameContext: context.page.frameContext,
    theme: normaliseTheme(context.app.theme),
    locale: context.app.locale,
    anonymous: context.user?.licenseType === 'Anonymous',
    getToken: () => getToken(sdk),
    requestConsent: () => askForConsent(sdk, window.location.origin),
    notifyLoaded: () => {
      void teamsApp.notifySuccess().catch(() => undefined);
    },
    notifyLoadFailed: (failure, message) => {
      if (failure.expected) {
        teamsApp.notifyExpectedFailure({
          reason: teamsApp.ExpectedFailureReason[failure.reason],
          message,
        });
      } else {
        teamsApp.notifyFailure({ reason: teamsApp.FailedReason[failure.reason], message });
      }
    },
  };
}
