// Signing a Teams session in before anything calls the API, and telling Teams how loading went:
// notifySuccess once signed in; an expected failure (our own page stays, with what to do) when
// consent is missing or the person is anonymous; notifyFailure when Teams could not sign them in
// (msteams-docs tabs/how-to/app-initialization-process.md). A sign-in lost later (a refused
// token while polling) comes back here through `signInLost`, and nothing retries blindly.
import { englishOf, type Said } from '../i18n/translator.js';
import { useCallback, useEffect, useRef, useState } from 'react';
import { SignInError } from '../api/errors.js';
import { TeamsSignInFailure } from './sign-in.js';
import type { LoadFailure, TeamsSession } from './teams-session.js';

export type SignIn =
  | { readonly kind: 'checking' }
  | { readonly kind: 'ready' }
  /** Joined without signing in: Teams has no token for them, so the API is never called. */
  | { readonly kind: 'anonymous' }
  /** Consent is missing; `refusal` says why the last pop-up did not give it. */
  | { readonly kind: 'consent'; readonly asking: boolean; readonly refusal: string | null }
  | { readonly kind: 'failed'; readonly message: Said };

export interface SignInControls {
  readonly state: SignIn;
  readonly retry: () => void;
  readonly giveConsent: () => void;
  /** For the API client's callers: a token refused after loading. */
  readonly signInLost: (error: SignInError) => void;
}

const FAILED =
  'Teams could not sign you in to Roundtable. If you joined this meeting from another ' +
  'organisation, Roundtable cannot count you in: it works for people in the organisation that ' +
  'runs it.';

function stateFor(error: unknown): SignIn {
  const cause = error instanceof SignInError ? error.cause : error;
  if (error instanceof SignInError && error.apiRefused)
    return { kind: 'failed', message: error.message };
  if (cause instanceof TeamsSignInFailure && cause.kind === 'consent')
    return { kind: 'consent', asking: false, refusal: null };
  if (cause instanceof TeamsSignInFailure && cause.kind === 'anonymous')
    return { kind: 'anonymous' };
  if (!(cause instanceof TeamsSignInFailure))
    return { kind: 'failed', message: { key: 'signIn.failed.body', english: FAILED } };
  return {
    kind: 'failed',
    message: {
      key: 'signIn.failed.bodyDetail',
      values: { detail: cause.detail },
      english: `${FAILED} Teams said: ${cause.detail}.`,
    },
  };
}

function loadFailure(state: SignIn): LoadFailure | null {
  if (state.kind === 'anonymous' || state.kind === 'consent')
    return { expected: true, reason: 'PermissionError' };
  return state.kind === 'failed' ? { expected: false, reason: 'AuthFailed' } : null;
}

/**
 * Entra ID usually records a consent within three to five seconds; Microsoft's own sample asks
 * again up to three times, waiting one second and doubling (tabs/how-to/authentication/
 * tab-sso-graph-api.md). Only a refusal for consent is asked again.
 */
export const CONSENT_WAITS_MS = [0, 1_000, 2_000, 4_000];

async function tokenOnceConsentLands(session: TeamsSession): Promise<string> {
  let refusal: unknown;
  for (const waitMs of CONSENT_WAITS_MS) {
    if (waitMs > 0) await new Promise((resolve) => setTimeout(resolve, waitMs));
    try {
      return await session.getToken();
    } catch (error) {
      if (!(error instanceof TeamsSignInFailure) || error.kind !== 'consent') throw error;
      refusal = error;
    }
  }
  throw refusal;
}

export function useSignIn(session: TeamsSession): SignInControls {
  const [state, setState] = useState<SignIn>({ kind: 'checking' });
  const [attempt, setAttempt] = useState(0);
  // React may run an effect again without anything having changed (a boundary above showing its
  // content again); one check per session and attempt still asks Teams only once.
  const asked = useRef<{ session: TeamsSession; attempt: number; token: Promise<string> } | null>(
    null,
  );
  const justConsented = useRef(false);

  useEffect(() => {
    let current = true;
    // Teams is told how loading went each time sign-in is checked (again after a resume).
    const settle = (next: SignIn) => {
      if (!current) return;
      setState(next);
      const failure = loadFailure(next);
      if (failure === null) session.notifyLoaded();
      else
        session.notifyLoadFailed(
          failure,
          // Teams logs this for the developer: English.
          next.kind === 'failed' ? englishOf(next.message) : next.kind,
        );
    };
    if (session.anonymous) {
      settle({ kind: 'anonymous' });
    } else {
      if (asked.current?.session !== session || asked.current.attempt !== attempt) {
        const token = justConsented.current ? tokenOnceConsentLands(session) : session.getToken();
        justConsented.current = false;
        asked.current = { session, attempt, token };
      }
      asked.current.token.then(
        () => {
          settle({ kind: 'ready' });
        },
        (error: unknown) => {
          settle(stateFor(error));
        },
      );
    }
    return () => {
      current = false;
    };
  }, [session, attempt]);

  const retry = useCallback(() => {
    setState({ kind: 'checking' });
    setAttempt((count) => count + 1);
  }, []);

  const giveConsent = useCallback(() => {
    setState({ kind: 'consent', asking: true, refusal: null });
    session.requestConsent().then(
      () => {
        justConsented.current = true;
        retry();
      },
      (error: unknown) => {
        const refusal = error instanceof Error ? error.message : String(error);
        setState({ kind: 'consent', asking: false, refusal });
      },
    );
  }, [session, retry]);

  const signInLost = useCallback((error: SignInError) => {
    setState(stateFor(error));
  }, []);

  return { state, retry, giveConsent, signInLost };
}
