// Signing in through Teams (single sign-on), and what to tell a person when Teams says no.
// Tab SSO: msteams-docs tabs/how-to/authentication/tab-sso-code.md (getAuthToken, and Teams
// keeps and renews the token, so it is asked for on every call). Anonymous people cannot get a
// token at all: apps-in-teams-meetings/build-apps-for-anonymous-user.md.
import type { TeamsSdk } from './teams-sdk.js';

/** Why Teams gave no token: consent is missing, the person is anonymous, or something else. */
export type SignInFailureKind = 'consent' | 'anonymous' | 'other';

/** Teams refused a token; `detail` is Teams' own words (e.g. "resourceRequiresConsent"). */
export class TeamsSignInFailure extends Error {
  override readonly name = 'TeamsSignInFailure';

  constructor(
    readonly kind: SignInFailureKind,
    readonly detail: string,
  ) {
    super(`Teams could not sign you in to Roundtable (${detail}).`);
  }
}

/** Teams answers a failed getAuthToken with a short reason; these say what the person can do. */
export function classifySignInFailure(detail: string): SignInFailureKind {
  if (/consent/i.test(detail)) return 'consent';
  // teams-js' answer for anonymous people, quoted by build-apps-for-anonymous-user.md.
  if (/not authenticated/i.test(detail)) return 'anonymous';
  return 'other';
}

export async function getToken(sdk: TeamsSdk): Promise<string> {
  try {
    return await sdk.authentication.getAuthToken();
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new TeamsSignInFailure(classifySignInFailure(detail), detail);
  }
}

/**
 * The consent pop-up: Teams opens auth-start.html in a window of its own; the page there sends
 * the person to Microsoft Entra ID to consent and reports back (auth-start.tsx). Resolves once
 * consent is given; rejects when the person closes the window or refuses.
 */
export async function askForConsent(sdk: TeamsSdk, origin: string): Promise<void> {
  await sdk.authentication.authenticate({
    url: `${origin}/auth-start.html`,
    width: 600,
    height: 535,
  });
}
