// The consent pop-up Teams opens for authentication.authenticate (msteams-docs
// tabs/how-to/authentication/auth-tab-aad.md): auth-start.html sends the person to Microsoft
// Entra ID to consent to Roundtable's sign-in, and auth-end.html tells Teams how it went. The
// code Entra returns is never redeemed: consent is recorded when the person accepts, and Teams'
// own getAuthToken then succeeds. The scopes are the ones Teams SSO asks consent for (openid,
// profile, email, offline_access: tab-sso-overview.md).
import { CLIENT_ID } from '../build-settings.js';
import { loadTeamsSdk } from './teams-sdk.js';

const STATE_KEY = 'roundtable.consent.state';

/** Where Entra sends the person back: this origin's auth-end.html (registered for the app). */
export function consentRedirectUri(origin: string): string {
  return `${origin}/auth-end.html`;
}

export function consentUrl(options: {
  readonly tenantId: string | null;
  readonly loginHint: string | null;
  readonly origin: string;
  readonly state: string;
  readonly clientId?: string;
}): URL {
  const tenant = options.tenantId ?? 'organizations';
  const url = new URL(`https://login.microsoftonline.com/${tenant}/oauth2/v2.0/authorize`);
  const params: Record<string, string> = {
    client_id: options.clientId ?? CLIENT_ID,
    response_type: 'code',
    response_mode: 'fragment',
    redirect_uri: consentRedirectUri(options.origin),
    scope: 'openid profile email offline_access',
    prompt: 'consent',
    state: options.state,
  };
  if (options.loginHint !== null && options.loginHint !== '') params.login_hint = options.loginHint;
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
  return url;
}

/** auth-start.html: off to Microsoft Entra ID, remembering what to expect back. */
export async function startConsent(win: Window = window): Promise<void> {
  const { app } = await loadTeamsSdk();
  await app.initialize();
  const context = await app.getContext();
  const state = crypto.randomUUID();
  // The pop-up is a top-level window of the tab's own origin, so its storage is its own.
  win.sessionStorage.setItem(STATE_KEY, state);
  const url = consentUrl({
    tenantId: context.user?.tenant?.id ?? null,
    loginHint: context.user?.loginHint ?? null,
    origin: win.location.origin,
    state,
  });
  win.location.assign(url.href);
}

/** auth-end.html: Entra's answer arrives in the fragment; Teams closes the pop-up after it. */
export async function finishConsent(win: Window = window): Promise<void> {
  const { app, authentication } = await loadTeamsSdk();
  await app.initialize();
  const answer = new URLSearchParams(win.location.hash.slice(1));
  const error = answer.get('error');
  if (error !== null) {
    authentication.notifyFailure(answer.get('error_description') ?? error);
  } else if (answer.get('code') === null || answer.get('state') !== readState(win)) {
    authentication.notifyFailure('The answer from Microsoft did not match this request.');
  } else {
    authentication.notifySuccess('consented');
  }
}

function readState(win: Window): string | null {
  try {
    return win.sessionStorage.getItem(STATE_KEY);
  } catch {
    return null;
  }
}
