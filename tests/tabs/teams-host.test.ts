// Where the page runs, decided the way Teams really delivers tabs: local mode only when the server
// says so, Teams on a phone without a parent frame, a slow Teams waited for, failures shown,
// themes followed, and app caching only in the side panel (sleep, then resume, maybe elsewhere).
import { englishOf } from '../../tabs/src/i18n/translator.js';
import { beforeEach, describe, expect, it } from '@jest/globals';
import { fakeTeams, mockTeamsJs } from './fake-teams-js.js';

mockTeamsJs();
const { createTeamsHost } = await import('../../tabs/src/teams/teams-host.js');
type HostSource = ReturnType<typeof createTeamsHost>;

/** A page: in a frame (a computer), in Teams' frameless phone webview, or on its own. */
function page(where: 'frame' | 'phone' | 'alone', local = false) {
  const doc = document.implementation.createHTMLDocument('tab');
  if (local) doc.head.innerHTML = '<meta name="roundtable-mode" content="local">';
  const assigned: string[] = [];
  const win = {
    parent: where === 'frame' ? {} : undefined,
    opener: null,
    location: { pathname: '/index.html', assign: (url: string) => assigned.push(url) },
    ...(where === 'phone' ? { nativeInterface: { framelessPostMessage: () => undefined } } : {}),
  } as unknown as Window & { parent: unknown };
  if (where !== 'frame') win.parent = win;
  return { window: win, document: doc, assigned };
}

/** Resolves once the host has left 'connecting'. */
async function settled(host: HostSource) {
  host.start();
  for (let i = 0; i < 50 && host.snapshot().host.kind === 'connecting'; i++)
    await new Promise((resolve) => setTimeout(resolve, 5));
  return host.snapshot();
}

beforeEach(() => {
  fakeTeams.reset();
});

describe('the host connection', () => {
  it('is local mode only when the server marks the page, without loading teams-js', async () => {
    const state = await settled(createTeamsHost(page('frame', true)));
    expect(state.host.kind).toBe('local');
    expect(fakeTeams.calls).toEqual([]);
  });

  it('is outside Teams on its own in a browser, and never the simulator there', async () => {
    const state = await settled(createTeamsHost(page('alone')));
    expect(state.host.kind).toBe('outside');
    expect(fakeTeams.calls).toEqual([]);
  });

  it("initialises in a phone's frameless webview and takes the meeting from the context", async () => {
    const state = await settled(createTeamsHost(page('phone')));
    expect(fakeTeams.calls.slice(0, 2)).toEqual(['initialize', 'getContext']);
    expect(state.host.kind === 'teams' && state.host.session.meetingId).toBe('meeting-1');
  });

  it('waits for a slow Teams instead of dropping to local mode', async () => {
    let answer: () => void = () => undefined;
    fakeTeams.initialize = () =>
      new Promise((resolve) => {
        answer = resolve;
      });
    const host = createTeamsHost(page('frame'));
    host.start();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(host.snapshot().host.kind).toBe('connecting');
    answer();
    expect((await settled(host)).host.kind).toBe('teams');
  });

  it('says Teams did not open the tab when initialisation fails', async () => {
    fakeTeams.initialize = () => Promise.reject(new Error('SDK initialization timed out.'));
    const { host } = await settled(createTeamsHost(page('frame')));
    expect(host.kind === 'failed' && englishOf(host.message)).toMatch(
      /did not finish opening.*timed out/,
    );
  });

  it('tells Teams it failed when the context does not come', async () => {
    fakeTeams.context = () => Promise.reject(new Error('no context'));
    const { host } = await settled(createTeamsHost(page('frame')));
    expect(host.kind).toBe('failed');
    expect(fakeTeams.notices).toEqual([{ kind: 'failure', reason: 'Other' }]);
  });

  it('starts in the Teams theme and follows its changes', async () => {
    fakeTeams.context = () =>
      Promise.resolve({
        meeting: { id: 'm' },
        page: { frameContext: 'sidePanel' },
        app: { theme: 'dark' },
      });
    const host = createTeamsHost(page('frame'));
    expect((await settled(host)).theme).toBe('dark');
    fakeTeams.themeHandler?.('contrast');
    expect(host.snapshot().theme).toBe('contrast');
  });

  it.each([
    ['sidePanel', true],
    ['content', false],
    ['task', false],
  ])('in a %s frame, offers app caching: %s', async (frameContext, offered) => {
    fakeTeams.context = () =>
      Promise.resolve({ meeting: { id: 'm' }, page: { frameContext }, app: { theme: 'default' } });
    await settled(createTeamsHost(page('frame')));
    expect(fakeTeams.calls.includes('registerBeforeSuspendOrTerminateHandler')).toBe(offered);
    expect(fakeTeams.calls.includes('registerOnResumeHandler')).toBe(offered);
  });
});

describe('app caching in the side panel', () => {
  async function cachedPanel() {
    const host = createTeamsHost(page('frame'));
    const state = await settled(host);
    if (state.host.kind !== 'teams') throw new Error('Not in Teams.');
    const events: string[] = [];
    state.host.lifecycle.add({
      sleep: () => events.push('sleep'),
      wake: () => events.push('wake'),
    });
    return { host, events };
  }

  it('puts everything to sleep before Teams caches the panel', async () => {
    const { events } = await cachedPanel();
    await fakeTeams.suspend?.();
    expect(events).toEqual(['sleep']);
  });

  it('wakes in the same meeting, registering for theme changes again', async () => {
    const { host, events } = await cachedPanel();
    await fakeTeams.suspend?.();
    const themeRegistrations = fakeTeams.calls.filter(
      (c) => c === 'registerOnThemeChangeHandler',
    ).length;
    fakeTeams.resume?.({
      entityId: 'roundtable',
      contentUrl: new URL('https://tab.example/index.html'),
    });
    for (let i = 0; i < 20 && events.length < 2; i++) await new Promise((r) => setTimeout(r, 5));
    expect(events).toEqual(['sleep', 'wake']);
    expect(fakeTeams.calls.filter((c) => c === 'registerOnThemeChangeHandler')).toHaveLength(
      themeRegistrations + 1,
    );
    // Everything it registered is registered again: a suspension may have dropped it.
    expect(fakeTeams.calls.filter((c) => c === 'registerOnResumeHandler')).toHaveLength(2);
    expect(host.snapshot().host.kind).toBe('teams');
  });

  it('resumes into another meeting without waking the old one', async () => {
    const { host, events } = await cachedPanel();
    await fakeTeams.suspend?.();
    fakeTeams.context = () =>
      Promise.resolve({
        meeting: { id: 'meeting-2' },
        page: { frameContext: 'sidePanel' },
        app: { theme: 'dark' },
      });
    fakeTeams.resume?.({
      entityId: 'roundtable',
      contentUrl: new URL('https://tab.example/index.html'),
    });
    for (let i = 0; i < 20; i++) {
      const { host: now } = host.snapshot();
      if (now.kind === 'teams' && now.session.meetingId === 'meeting-2') break;
      await new Promise((r) => setTimeout(r, 5));
    }
    const { host: now, theme } = host.snapshot();
    expect(now.kind === 'teams' && now.session.meetingId).toBe('meeting-2');
    expect(theme).toBe('dark');
    expect(events).toEqual(['sleep']);
  });
});
