// Inside Teams nothing calls the API before Teams has signed the person in; until then, or when
// it cannot, the page says what is happening and what the person can do.
import { useMemo, type ReactNode } from 'react';
import { ApiClient } from '../api/client.js';
import { API_BASE_URL } from '../build-settings.js';
import type { SignInError } from '../api/errors.js';
import { SignInNotice } from '../components/access/SignInNotice.js';
import { Waiting } from '../components/access/Waiting.js';
import { useI18n } from '../i18n/I18n.js';

import { CLIENT_ID } from '../build-settings.js';
import type { TeamsSession } from '../teams/teams-session.js';
import { useSignIn } from '../teams/use-sign-in.js';

export interface SignedInProps {
  readonly session: TeamsSession;
  /** Whether the consent pop-up can be offered: the build must know the Entra app's client id. */
  readonly canAskConsent?: boolean;
  readonly children: (client: ApiClient, signInLost: (error: SignInError) => void) => ReactNode;
}

export function SignedIn({ session, canAskConsent = CLIENT_ID !== '', children }: SignedInProps) {
  const controls = useSignIn(session);
  const { t } = useI18n();
  // Teams keeps and renews the token, so every call asks it again (tab-sso-code.md).
  const client = useMemo(() => new ApiClient(API_BASE_URL, () => session.getToken()), [session]);
  if (controls.state.kind === 'checking') return <Waiting label={t('signIn.checking')} />;
  if (controls.state.kind !== 'ready')
    return <SignInNotice controls={controls} canAskConsent={canAskConsent} />;
  return children(client, controls.signInLost);
}
