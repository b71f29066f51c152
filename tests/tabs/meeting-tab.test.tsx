// The meeting tab's one page in each place it can find itself: local mode (said by the server),
// outside Teams, Teams failing or slow, and inside Teams signed in or not (consent missing,
// anonymous, another failure, the API refusing the token), as the side panel or the summary.
import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { teamsDarkTheme } from '@fluentui/react-components';
import { render, screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { axe } from 'jest-axe';
import { MeetingTab } from '../../tabs/src/pages/MeetingTab.js';
import { SignedIn } from '../../tabs/src/pages/SignedIn.js';
import { TeamsSignInFailure } from '../../tabs/src/teams/sign-in.js';
import { FakeMeeting } from './fake-controller.js';
import { FakeFetch } from './fake-fetch.js';
import { FakeHost, fakeSession, teamsHostWith } from './fake-host.js';

const api = new FakeFetch();
const meeting = FakeMeeting.with({ olivia: 'organizer', amir: 'attendee' });

beforeEach(() => {
  api.requests.length = 0;
  api.answer = (_method, path) => {
    if (path.endsWith('/live')) return { status: 403, body: { detail: 'No live updates here.' } };
    if (path === '/api/meetings/meeting-1') return { status: 200, body: meeting.viewFor('amir') };
    if (path.endsWith('/summary'))
      return {
        status: 409,
        body: { detail: 'The summary is ready a few moments after the session ends.' },
      };
    return { status: 404, body: { detail: 'Not here.' } };
  };
  Object.defineProperty(globalThis, 'fetch', { value: api.fetch, configurable: true });
});

afterEach(() => {
  Object.defineProperty(globalThis, 'fetch', { value: undefined, configurable: true });
});

const signInFailure = (kind: 'consent' | 'other', detail: string) => (): Promise<string> =>
  Promise.reject(new TeamsSignInFailure(kind, detail));

describe('the meeting tab outside Teams', () => {
  it('asks which simulated person you are in local mode, even where storage is refused', () => {
    const storage = Object.getOwnPropertyDescriptor(window, 'sessionStorage');
    Object.defineProperty(window, 'sessionStorage', {
      configurable: true,
      get: () => {
        throw new DOMException('Storage is blocked in this frame.', 'SecurityError');
      },
    });
    try {
      render(<MeetingTab source={new FakeHost({ kind: 'local' })} />);
      expect(screen.getByRole('heading', { name: 'Roundtable — local mode' })).toBeTruthy();
    } finally {
      if (storage) Object.defineProperty(window, 'sessionStorage', storage);
    }
  });

  it('says Roundtable runs in Teams when opened on its own, and never shows the simulator', async () => {
    const { container } = render(<MeetingTab source={new FakeHost({ kind: 'outside' })} />);
    expect(
      screen.getByRole('heading', { name: 'Roundtable runs inside Microsoft Teams' }),
    ).toBeTruthy();
    expect(screen.queryByText(/local mode/)).toBeNull();
    expect((await axe(container)).violations).toEqual([]);
  });

  it('waits for Teams with a labelled spinner, then says what failed with a way to try again', async () => {
    const host = new FakeHost();
    const { container } = render(<MeetingTab source={host} />);
    expect(screen.getByText('Opening Roundtable…')).toBeTruthy();
    expect(host.started).toBe(1);
    host.set({ host: { kind: 'failed', message: 'Teams did not finish opening Roundtable.' } });
    const alert = screen.getByRole('alert');
    expect(within(alert).getByRole('heading', { name: 'Roundtable could not open' })).toBeTruthy();
    expect(alert.textContent).toMatch(/did not finish opening/);
    expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy();
    // Opening with a notice takes no focus: the person may be typing in Teams around the tab.
    expect(document.activeElement).toBe(document.body);
    expect((await axe(container)).violations).toEqual([]);
  });
});

describe('the meeting tab inside Teams', () => {
  it('signs in, tells Teams it loaded, and calls the API with the SSO token', async () => {
    const session = fakeSession();
    render(<MeetingTab source={new FakeHost(teamsHostWith(session))} />);
    expect(await screen.findByRole('button', { name: 'Join' })).toBeTruthy();
    expect(session.told).toEqual([{ kind: 'loaded' }]);
    const read = api.requests.find((request) => request.path === '/api/meetings/meeting-1');
    expect(read?.authorization).toBe('Bearer sso-token');
  });

  it('wears the Teams theme to the edge of the frame', () => {
    render(<MeetingTab source={new FakeHost({ kind: 'outside' }, 'dark')} />);
    expect(document.documentElement.style.backgroundColor).toBe(
      toRgb(teamsDarkTheme.colorNeutralBackground2),
    );
    expect(document.documentElement.style.colorScheme).toBe('dark');
  });

  it('tells anonymous people what they can do, without asking Teams or the API for anything', async () => {
    const session = fakeSession({ anonymous: true });
    const { container } = render(<MeetingTab source={new FakeHost(teamsHostWith(session))} />);
    expect(
      await screen.findByRole('heading', { name: 'Sign in to Teams to use Roundtable' }),
    ).toBeTruthy();
    expect(session.tokenCalls).toBe(0);
    expect(api.requests).toEqual([]);
    expect(session.told).toEqual([
      { kind: 'failed', failure: { expected: true, reason: 'PermissionError' } },
    ]);
    expect((await axe(container)).violations).toEqual([]);
  });

  it('explains another sign-in failure, tells Teams, and signs in when asked to try again', async () => {
    let answer = signInFailure('other', 'invalid_grant');
    const session = fakeSession({ token: () => answer() });
    const { container } = render(<MeetingTab source={new FakeHost(teamsHostWith(session))} />);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/Teams could not sign you in.*Teams said: invalid_grant\./s);
    expect(session.told).toEqual([
      { kind: 'failed', failure: { expected: false, reason: 'AuthFailed' } },
    ]);
    expect(api.requests).toEqual([]);
    expect((await axe(container)).violations).toEqual([]);
    // Tried again and refused again: the button pressed is gone, so focus goes to what says so
    // (jsdom never reports its document as focused; a browser does once the person clicks in it).
    const focused = jest.spyOn(document, 'hasFocus').mockReturnValue(true);
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    await waitFor(() => {
      expect(document.activeElement?.textContent).toBe('Teams could not sign you in');
    });
    focused.mockRestore();
    answer = () => Promise.resolve('sso-token');
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('button', { name: 'Join' })).toBeTruthy();
  });

  it('stops and says so when the API refuses even a fresh token', async () => {
    api.answer = () => ({
      status: 401,
      body: { detail: 'Your organisation is not allowed here.' },
    });
    render(<MeetingTab source={new FakeHost(teamsHostWith(fakeSession()))} />);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/Your organisation is not allowed here\./);
    expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy();
  });

  it('shows the summary, not the queue, as the meeting chat or details tab', async () => {
    render(
      <MeetingTab source={new FakeHost(teamsHostWith(fakeSession({ frameContext: 'content' })))} />,
    );
    expect(
      await screen.findByRole('heading', { name: 'The summary comes after the session' }),
    ).toBeTruthy();
    expect(screen.getByText(/shows it by itself as soon as it is ready/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Join' })).toBeNull();
  });
});

describe('consent', () => {
  it('offers the consent pop-up when consent is missing, and signs in once it is given', async () => {
    let answer = signInFailure('consent', 'resourceRequiresConsent');
    const session = fakeSession({
      token: () => answer(),
      consent: () => {
        answer = () => Promise.resolve('sso-token');
        return Promise.resolve();
      },
    });
    const { container } = render(
      <SignedIn session={session} canAskConsent>
        {() => <p>Signed in</p>}
      </SignedIn>,
    );
    expect(
      await screen.findByRole('heading', { name: 'Roundtable needs your permission' }),
    ).toBeTruthy();
    expect(session.told).toEqual([
      { kind: 'failed', failure: { expected: true, reason: 'PermissionError' } },
    ]);
    expect((await axe(container)).violations).toEqual([]);
    await userEvent.click(screen.getByRole('button', { name: 'Give permission' }));
    expect(await screen.findByText('Signed in')).toBeTruthy();
    expect(session.consentCalls).toBe(1);
    expect(session.told.at(-1)).toEqual({ kind: 'loaded' });
  });

  it('waits for a consent Entra has not recorded yet, asking again a few times', async () => {
    let refusalsLeft = 2;
    let consented = false;
    const session = fakeSession({
      token: () =>
        consented && refusalsLeft-- <= 0
          ? Promise.resolve('sso-token')
          : signInFailure('consent', 'resourceRequiresConsent')(),
      consent: () => {
        consented = true;
        return Promise.resolve();
      },
    });
    render(
      <SignedIn session={session} canAskConsent>
        {() => <p>Signed in</p>}
      </SignedIn>,
    );
    await userEvent.click(await screen.findByRole('button', { name: 'Give permission' }));
    expect(await screen.findByText('Signed in', undefined, { timeout: 6_000 })).toBeTruthy();
    // Once at first, then three times after the pop-up: at once, after 1 s and after 2 s more.
    expect(session.tokenCalls).toBe(4);
  }, 10_000);

  it('says when permission was not given, and lets the person ask again', async () => {
    const session = fakeSession({
      token: signInFailure('consent', 'resourceRequiresConsent'),
      consent: () => Promise.reject(new Error('CancelledByUser')),
    });
    render(
      <SignedIn session={session} canAskConsent>
        {() => <p>Signed in</p>}
      </SignedIn>,
    );
    await userEvent.click(await screen.findByRole('button', { name: 'Give permission' }));
    expect(await screen.findByText(/Permission was not given \(CancelledByUser\)/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Give permission' })).toBeTruthy();
  });

  it('without a client id in the build, asks for an admin instead of a pop-up', async () => {
    render(
      <SignedIn
        session={fakeSession({ token: signInFailure('consent', 'resourceRequiresConsent') })}
        canAskConsent={false}
      >
        {() => <p>Signed in</p>}
      </SignedIn>,
    );
    expect(await screen.findByText(/Ask your Microsoft 365 admin to give consent/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Give permission' })).toBeNull();
  });
});

/** jsdom reports colours set in style as rgb(); the theme gives hex. */
function toRgb(hex: string): string {
  const value = hex.replace('#', '');
  const [r, g, b] = [0, 2, 4].map((at) => parseInt(value.slice(at, at + 2), 16));
  return `rgb(${String(r)}, ${String(g)}, ${String(b)})`;
}
