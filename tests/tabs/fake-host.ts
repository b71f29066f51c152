// A host connection and a Teams session that tests drive by hand: where the page runs, which
// theme, and how "Teams" answers sign-in. No teams-js is involved (see fake-teams-js.ts for that).
import { act } from '@testing-library/react';
import type { SignInFailureKind } from '../../tabs/src/teams/sign-in.js';
import { Lifecycle } from '../../tabs/src/teams/lifecycle.js';
import type { Host, HostSource, HostState } from '../../tabs/src/teams/teams-host.js';
import type { LoadFailure, TeamsSession, TeamsTheme } from '../../tabs/src/teams/teams-session.js';

export class FakeHost implements HostSource {
  started = 0;
  private state: HostState;
  private readonly listeners = new Set<() => void>();

  constructor(host: Host = { kind: 'connecting' }, theme: TeamsTheme = 'default') {
    this.state = { host, theme };
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  snapshot = (): HostState => this.state;

  start = (): void => {
    this.started += 1;
  };

  /** Changes where the page runs or its theme, as Teams would. */
  set(change: Partial<HostState>): void {
    act(() => {
      this.state = { ...this.state, ...change };
      for (const listener of this.listeners) listener();
    });
  }
}

/** What the page told "Teams" about loading. */
export type Told = { kind: 'loaded' } | { kind: 'failed'; failure: LoadFailure };

export interface FakeSession extends TeamsSession {
  readonly told: Told[];
  tokenCalls: number;
  consentCalls: number;
}

export function fakeSession(
  options: {
    frameContext?: string;
    meetingId?: string;
    anonymous?: boolean;
    /** Teams' `app.locale`. */
    locale?: string;
    /** How Teams answers getAuthToken: a token, or a failure of this kind (with Teams' words). */
    token?: () => Promise<string>;
    consent?: () => Promise<void>;
  } = {},
): FakeSession {
  const session: FakeSession = {
    meetingId: options.meetingId ?? 'meeting-1',
    chatId: null,
    frameContext: options.frameContext ?? 'sidePanel',
    theme: 'default',
    locale: options.locale ?? 'en-us',
    anonymous: options.anonymous ?? false,
    told: [],
    tokenCalls: 0,
    consentCalls: 0,
    getToken: () => {
      session.tokenCalls += 1;
      return (options.token ?? (() => Promise.resolve('sso-token')))();
    },
    requestConsent: () => {
      session.consentCalls += 1;
      return (options.consent ?? (() => Promise.resolve()))();
    },
    notifyLoaded: () => {
      session.told.push({ kind: 'loaded' });
    },
    notifyLoadFailed: (failure) => {
      session.told.push({ kind: 'failed', failure });
    },
  };
  return session;
}

export function teamsHostWith(session: TeamsSession): Host {
  return { kind: 'teams', session, lifecycle: new Lifecycle() };
}

export type { SignInFailureKind };
