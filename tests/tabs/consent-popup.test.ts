// The consent pop-up's two pages: to Microsoft Entra ID with what Teams SSO needs consent for,
// and back to Teams with the answer, only when it is the answer to this request.
import { beforeEach, describe, expect, it } from '@jest/globals';
import { fakeTeams, mockTeamsJs } from './fake-teams-js.js';

mockTeamsJs();
const { consentUrl, finishConsent, startConsent } =
  await import('../../tabs/src/teams/consent-popup.js');

/** A pop-up window at the tab's origin, with its own storage and address. */
function popup(hash = '') {
  const storage = new Map<string, string>();
  const assigned: string[] = [];
  const win = {
    location: { origin: 'https://tab.example', hash, assign: (url: string) => assigned.push(url) },
    sessionStorage: {
      getItem: (key: string) => storage.get(key) ?? null,
      setItem: (key: string, value: string) => storage.set(key, value),
    },
  } as unknown as Window;
  return { win, storage, assigned };
}

beforeEach(() => {
  fakeTeams.reset();
});

describe('the consent pop-up', () => {
  it("asks the person's own tenant for consent to Teams' sign-in scopes, back to auth-end.html", () => {
    const url = consentUrl({
      tenantId: 'tenant-1',
      loginHint: 'ana@contoso.com',
      origin: 'https://tab.example',
      state: 'state-1',
      clientId: 'client-1',
    });
    expect(url.origin + url.pathname).toBe(
      'https://login.microsoftonline.com/tenant-1/oauth2/v2.0/authorize',
    );
    expect(Object.fromEntries(url.searchParams)).toEqual({
      client_id: 'client-1',
      response_type: 'code',
      response_mode: 'fragment',
      redirect_uri: 'https://tab.example/auth-end.html',
      scope: 'openid profile email offline_access',
      prompt: 'consent',
      state: 'state-1',
      login_hint: 'ana@contoso.com',
    });
  });

  it('goes to Entra ID from the Teams context, remembering the state it sent', async () => {
    fakeTeams.context = () =>
      Promise.resolve({
        page: { frameContext: 'authentication' },
        app: { theme: 'default' },
        user: { tenant: { id: 'tenant-9' }, loginHint: 'ben@contoso.com' },
      });
    const { win, storage, assigned } = popup();
    await startConsent(win);
    const sent = new URL(assigned[0] ?? '');
    expect(sent.pathname).toBe('/tenant-9/oauth2/v2.0/authorize');
    expect(sent.searchParams.get('state')).toBe([...storage.values()][0]);
  });

  it('tells Teams consent was given only for the answer to its own request', async () => {
    const answered = popup('#code=abc&state=s1');
    answered.storage.set('roundtable.consent.state', 's1');
    await finishConsent(answered.win);
    const forged = popup('#code=abc&state=other');
    forged.storage.set('roundtable.consent.state', 's1');
    await finishConsent(forged.win);
    const refused = popup('#error=access_denied&error_description=The+user+declined');
    await finishConsent(refused.win);
    expect(fakeTeams.notices).toEqual([
      { kind: 'authentication.success', reason: 'consented' },
      {
        kind: 'authentication.failure',
        reason: 'The answer from Microsoft did not match this request.',
      },
      { kind: 'authentication.failure', reason: 'The user declined' },
    ]);
  });
});
