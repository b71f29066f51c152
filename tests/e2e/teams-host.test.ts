// The production build of the tab inside an emulated Teams client in headless Chromium: the host
// page from https://teams.microsoft.com frames the tab (or, as on a phone, the tab runs frameless
// with a native bridge) and answers teams-js' own messages (teams/teams-client.ts says which
// teams-js files define them). The API is a route-intercepted fake on the domain core that
// answers the documented shapes (teams/fake-api.ts); nothing goes on the network.
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Frame } from 'playwright-core';
import { axeViolations } from './axe.js';
import { pageCanvas, shade } from './pixels.js';
import { SCREENSHOTS, chromiumAvailable, launchChromium } from './stack.js';
import { TEST_CLIENT_ID, buildTab } from './teams/build-tab.js';
import { FakeApi, tokenFor, type Person } from './teams/fake-api.js';
import { TAB_ORIGIN, TeamsClient, type OpenOptions } from './teams/harness.js';

const OLU: Person = { oid: 'olu-oid', name: 'Olu', role: 'organizer' };
const ANA: Person = { oid: 'ana-oid', name: 'Ana', role: 'attendee' };
const BEN: Person = { oid: 'ben-oid', name: 'Ben', role: 'attendee' };
// Teams' meeting ids are base64 of "0#<chat thread>#0" (TEAMS.md).
const meetingId = (name: string) => btoa(`0#19:meeting_${name}@thread.v2#0`);

const runs = chromiumAvailable();
const suite = runs ? describe : describe.skip;
let browser: Browser | undefined;
let build: { dir: string; remove: () => void } | undefined;
const api = new FakeApi([OLU, ANA, BEN]);
const opened: TeamsClient[] = [];

async function open(options: OpenOptions): Promise<TeamsClient> {
  if (browser === undefined || build === undefined) throw new Error('The browser did not start.');
  const client = await TeamsClient.open(browser, build.dir, api, options);
  opened.push(client);
  return client;
}

const join_ = (tab: Frame) => tab.getByRole('button', { name: 'Join', exact: true });

suite('the tab inside an emulated Teams client', () => {
  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    [build, browser] = await Promise.all([buildTab(), launchChromium()]);
    api.act(meetingId('b'), BEN, { type: 'join', kind: 'point', note: 'Only in meeting B' });
    // One unmeasured load first, as the benchmark does: the browser's own first-use costs are not
    // the tab's.
    const warmUp = await open({ person: ANA, meetingId: meetingId('warm-up') });
    await warmUp.waitFor('appInitialization.success');
    await warmUp.close();
    opened.length = 0;
  }, 90_000);

  // One Teams client at a time: each test closes what it opened.
  afterEach(async () => {
    for (const client of opened.splice(0)) await client.close();
  });

  afterAll(async () => {
    await browser?.close();
    build?.remove();
  });

  it('initialises and tells Teams it is ready within a second of its script loading, signed in with SSO', async () => {
    const client = await open({ person: ANA, meetingId: meetingId('a') });
    const tab = client.tab();
    await join_(tab).waitFor();
    const ready = await client.waitFor('appInitialization.success');
    const script = client.scriptServedAt ?? Number.NaN;
    console.log(
      `teams figures: notifySuccess ${String(ready.at - script)} ms after the script was served`,
    );
    expect(ready.at - script).toBeLessThan(1_000);
    expect(client.events.find((e) => e.from === 'tab')?.func).toBe('initialize');
    // The meeting comes from the context; the token from Teams is the Bearer token.
    const read = api.requests.find(
      (r) => r.path === `/api/meetings/${encodeURIComponent(meetingId('a'))}`,
    );
    expect(read?.authorization).toBe(`Bearer ${tokenFor(ANA)}`);
    // Only the side panel offers app caching (load and beforeUnload), and it follows themes.
    const registered = client.sent('registerHandler').map((e) => e.args[0]);
    expect(registered).toEqual(expect.arrayContaining(['themeChange', 'load', 'beforeUnload']));
    await client.waitForLive(meetingId('a'), 'open');
    // Nothing left the browser but teams-js' own request for its CDN list of valid hosts.
    expect(client.refused.every((url) => url.startsWith('https://res.cdn.office.net/'))).toBe(true);
    expect(client.uncaught).toEqual([]);
  }, 60_000);

  it('follows Teams theme changes to the edge of the frame, in light, dark and high contrast', async () => {
    const id = meetingId('themes');
    api.act(id, ANA, { type: 'join', kind: 'point', note: 'A thought on the budget' });
    api.act(id, BEN, { type: 'join', kind: 'clarify' });
    const client = await open({ person: OLU, meetingId: id });
    const tab = client.tab();
    await tab.getByRole('button', { name: 'Next speaker' }).waitFor();
    const frame = client.page.locator('iframe');
    for (const theme of ['default', 'dark', 'contrast'] as const) {
      if (theme !== 'default') {
        await client.send('themeChange', [theme]);
        await tab.waitForFunction(
          (scheme) => document.documentElement.style.colorScheme === scheme,
          'dark',
        );
      }
      await frame.screenshot({
        path: join(SCREENSHOTS, `side-panel-teams-${theme === 'default' ? 'light' : theme}.png`),
      });
      expect(await axeViolations(tab)).toEqual([]);
      // The page paints its own canvas in the theme: no white band below the content.
      const canvas = await pageCanvas(tab);
      expect(shade(canvas.background)).toBe(theme === 'default' ? 'light' : 'dark');
      expect(canvas.scheme).toBe(theme === 'default' ? 'light' : 'dark');
    }
    expect(client.uncaught).toEqual([]);
  }, 60_000);

  it("speaks Teams' language: English, German, and Arabic right to left, with screenshots", async () => {
    const id = meetingId('languages');
    api.act(id, ANA, { type: 'join', kind: 'point', note: 'A thought on the budget' });
    api.act(id, BEN, { type: 'join', kind: 'clarify' });
    api.act(id, OLU, { type: 'next', currentTurnId: null });
    const expected = [
      { locale: 'en-gb', heading: 'Now speaking', lang: 'en', dir: 'ltr' },
      { locale: 'de-de', heading: 'Jetzt spricht', lang: 'de', dir: 'ltr' },
      { locale: 'ar-sa', heading: 'من يتحدث الآن', lang: 'ar', dir: 'rtl' },
    ] as const;
    for (const { locale, heading, lang, dir } of expected) {
      const client = await open({ person: BEN, meetingId: id, locale });
      const tab = client.tab();
      await tab.getByRole('heading', { name: heading }).waitFor();
      // Live, so no "connecting" banner in the picture.
      await client.waitForLive(id, 'open');
      await tab.waitForFunction(() => document.querySelector('.fui-MessageBar') === null);
      expect(
        await tab.evaluate(() => [document.documentElement.lang, document.documentElement.dir]),
      ).toEqual([lang, dir]);
      // Mirrored for Arabic: the panel's text starts at the frame's right edge.
      const start = await tab.evaluate((name) => {
        // The heading's words themselves (a block heading spans the whole width).
        const title = [...document.querySelectorAll('h2')].find((h) => h.textContent === name);
        if (title === undefined) return null;
        const range = document.createRange();
        range.selectNodeContents(title);
        const box = range.getBoundingClientRect();
        return { left: box.left, right: window.innerWidth - box.right };
      }, heading);
      expect(start).not.toBeNull();
      if (dir === 'rtl') expect(start?.right).toBeLessThan(start?.left ?? 0);
      else expect(start?.left).toBeLessThan(start?.right ?? 0);
      await client.page.locator('iframe').screenshot({
        path: join(SCREENSHOTS, `side-panel-language-${lang}.png`),
      });
      expect(await axeViolations(tab)).toEqual([]);
      expect(client.uncaught).toEqual([]);
    }
  }, 90_000);

  it('explains a token refused for want of consent, with no uncaught error, and signs in after the consent pop-up', async () => {
    const client = await open({
      person: BEN,
      meetingId: meetingId('consent'),
      token: { ok: false, reason: 'resourceRequiresConsent' },
    });
    const tab = client.tab();
    await tab.getByRole('heading', { name: 'Roundtable needs your permission' }).waitFor();
    expect((await client.waitFor('appInitialization.expectedFailure')).args[0]).toBe(
      'PermissionError',
    );
    expect(
      api.requests.filter((r) => r.path.includes(encodeURIComponent(meetingId('consent')))),
    ).toEqual([]);
    expect(await axeViolations(tab)).toEqual([]);
    await client.page.waitForTimeout(1_000);
    expect(client.sent('authentication.getAuthToken')).toHaveLength(1);

    await tab.getByRole('button', { name: 'Give permission' }).click();
    await join_(tab).waitFor({ timeout: 20_000 });
    const [authorize] = client.authorizeRequests;
    expect(client.sent('authentication.authenticate')[0]?.args[0]).toBe(
      `${TAB_ORIGIN}/auth-start.html`,
    );
    expect(authorize?.searchParams.get('client_id')).toBe(TEST_CLIENT_ID);
    expect(authorize?.searchParams.get('prompt')).toBe('consent');
    expect(authorize?.searchParams.get('redirect_uri')).toBe(`${TAB_ORIGIN}/auth-end.html`);
    expect(authorize?.pathname).toBe('/00000000-0000-4000-8000-0000000000aa/oauth2/v2.0/authorize');
    expect(
      client.events.some(
        (e) => e.from === 'popup' && e.func === 'authentication.authenticate.success',
      ),
    ).toBe(true);
    expect(client.uncaught).toEqual([]);
    expect(
      await tab.evaluate(() => (window as unknown as { __uncaught: string[] }).__uncaught),
    ).toEqual([]);
  }, 60_000);

  it('says when Teams cannot sign someone in, tells Teams, and tries again when asked', async () => {
    const client = await open({
      person: ANA,
      meetingId: meetingId('refused'),
      token: { ok: false, reason: 'invalid_grant' },
    });
    const tab = client.tab();
    const alert = tab.getByRole('alert');
    await alert.getByRole('heading', { name: 'Teams could not sign you in' }).waitFor();
    expect(await alert.textContent()).toMatch(/another organisation.*Teams said: invalid_grant/);
    expect((await client.waitFor('appInitialization.failure')).args[0]).toBe('AuthFailed');
    expect(await axeViolations(tab)).toEqual([]);
    await client.setToken({ ok: true, value: tokenFor(ANA) });
    await tab.getByRole('button', { name: 'Try again' }).click();
    await join_(tab).waitFor();
    expect(client.uncaught).toEqual([]);
  }, 60_000);

  it('tells anonymous people what they can do, asking Teams for no token and the API for nothing', async () => {
    const client = await open({ person: ANA, meetingId: meetingId('anonymous'), anonymous: true });
    const tab = client.tab();
    await tab.getByRole('heading', { name: 'Sign in to Teams to use Roundtable' }).waitFor();
    expect((await client.waitFor('appInitialization.expectedFailure')).args[0]).toBe(
      'PermissionError',
    );
    expect(client.sent('authentication.getAuthToken')).toEqual([]);
    expect(
      api.requests.filter((r) => r.path.includes(encodeURIComponent(meetingId('anonymous')))),
    ).toEqual([]);
    expect(await axeViolations(tab)).toEqual([]);
  }, 60_000);

  it('waits for a Teams that takes five seconds to answer, and ends in a working panel', async () => {
    const client = await open({
      person: ANA,
      meetingId: meetingId('slow'),
      initializeDelayMs: 5_000,
    });
    const tab = client.tab();
    await client.page.waitForTimeout(3_500);
    expect(await tab.getByText(/local mode/).count()).toBe(0);
    await tab.getByText('Opening Roundtable…').waitFor();
    expect(await axeViolations(tab)).toEqual([]);
    expect(client.sent('appInitialization.success')).toEqual([]);
    await join_(tab).waitFor({ timeout: 20_000 });
    // Ready only after Teams answered, five seconds on.
    const answered = client.events.find((e) => e.func === 'answered initialize')?.at ?? Infinity;
    expect((await client.waitFor('appInitialization.success')).at).toBeGreaterThanOrEqual(answered);
    expect(client.uncaught).toEqual([]);
  }, 60_000);

  it('sleeps while cached and resumes, in the same meeting and then in another', async () => {
    const client = await open({ person: BEN, meetingId: meetingId('c') });
    const tab = client.tab();
    await join_(tab).waitFor();
    await client.waitFor('appInitialization.success');

    await client.waitForLive(meetingId('c'), 'open');
    await client.send('beforeUnload');
    await client.waitFor('readyToUnload');
    await client.waitForLive(meetingId('c'), 'close');
    const asleep = Date.now();
    // Someone acts meanwhile: a cached panel hears nothing and asks nothing.
    api.act(meetingId('c'), OLU, { type: 'join', kind: 'point', note: 'While Ben was away' });
    await client.page.waitForTimeout(3_500);
    expect(
      api.requestsSince(asleep).filter((r) => r.path.includes(encodeURIComponent(meetingId('c')))),
    ).toEqual([]);

    const themeRegistrations = client
      .sent('registerHandler')
      .filter((e) => e.args[0] === 'themeChange').length;
    await client.send('load', [{ entityId: 'roundtable', contentUrl: `${TAB_ORIGIN}/index.html` }]);
    await client.waitFor('appInitialization.success', 2);
    await tab.getByText('While Ben was away').waitFor();
    expect(client.sent('registerHandler').filter((e) => e.args[0] === 'themeChange')).toHaveLength(
      themeRegistrations + 1,
    );

    await client.send('beforeUnload');
    await client.waitFor('readyToUnload', 2);
    await client.setContext({ meetingId: meetingId('b'), theme: 'dark' });
    await client.send('load', [{ entityId: 'roundtable', contentUrl: `${TAB_ORIGIN}/index.html` }]);
    await client.waitFor('appInitialization.success', 3);
    await tab.getByText('Only in meeting B').waitFor();
    expect(await tab.getByText('While Ben was away').count()).toBe(0);
    await client.waitForLive(meetingId('b'), 'open');
    // Meeting C's connection, closed when the panel slept, stayed closed.
    const c = client.live.filter((l) => l.meetingId === meetingId('c'));
    expect(c.at(-1)?.event).toBe('close');
    expect(await tab.evaluate(() => document.documentElement.style.colorScheme)).toBe('dark');
    expect(client.uncaught).toEqual([]);
  }, 60_000);

  it('stops polling while cached when live updates are refused, and polls again after', async () => {
    api.live = 'refused';
    try {
      const client = await open({ person: ANA, meetingId: meetingId('poll') });
      const tab = client.tab();
      await join_(tab).waitFor();
      const reads = () =>
        api.requests.filter(
          (r) => r.path === `/api/meetings/${encodeURIComponent(meetingId('poll'))}`,
        ).length;
      const before = reads();
      await client.page.waitForTimeout(3_500);
      expect(reads()).toBeGreaterThan(before);
      await client.send('beforeUnload');
      await client.waitFor('readyToUnload');
      const asleep = reads();
      await client.page.waitForTimeout(3_500);
      expect(reads()).toBe(asleep);
      await client.send('load', [
        { entityId: 'roundtable', contentUrl: `${TAB_ORIGIN}/index.html` },
      ]);
      await client.waitFor('appInitialization.success', 2);
      await client.page.waitForTimeout(500);
      expect(reads()).toBeGreaterThan(asleep);
    } finally {
      api.live = 'webpubsub';
    }
  }, 60_000);

  it('shows the summary in the meeting chat tab once the session ends, without being reopened', async () => {
    const id = meetingId('summary');
    api.act(id, ANA, { type: 'join', kind: 'point' });
    const client = await open({ person: OLU, meetingId: id, frameContext: 'content' });
    const tab = client.tab();
    await tab.getByRole('heading', { name: 'The summary comes after the session' }).waitFor();
    expect(client.sent('registerHandler').map((e) => e.args[0])).not.toContain('beforeUnload');
    api.act(id, OLU, { type: 'next', currentTurnId: null });
    api.act(id, OLU, { type: 'endSession', session: 1 });
    await tab.getByRole('heading', { name: 'At a glance' }).waitFor({ timeout: 15_000 });
    await tab.getByText(/1 of 2 people spoke/).waitFor();
    expect(await axeViolations(tab)).toEqual([]);
    expect(client.uncaught).toEqual([]);
  }, 60_000);

  it('offers Save on the configuration page, tells Teams it is ready, and saves the one tab', async () => {
    const client = await open({
      person: OLU,
      meetingId: meetingId('config'),
      frameContext: 'settings',
      page: 'config.html',
    });
    await client.waitFor('appInitialization.success');
    expect((await client.waitFor('settings.setValidityState')).args).toEqual([true]);
    await client.send('settings.save', [{}]);
    await client.waitFor('settings.save.success');
    expect(client.sent('settings.setSettings')[0]?.args[0]).toMatchObject({
      contentUrl: `${TAB_ORIGIN}/index.html`,
      entityId: 'roundtable',
    });
    expect(client.uncaught).toEqual([]);
  }, 60_000);

  describe('on a phone (frameless webview, 390 px)', () => {
    const phone = { mode: 'phone', size: { width: 390, height: 844 } } as const;

    it('initialises without a parent frame and runs the side panel, fitting the screen', async () => {
      const id = meetingId('phone');
      api.act(id, OLU, { type: 'join', kind: 'clarify', note: 'Which budget line is this?' });
      const client = await open({ ...phone, person: ANA, meetingId: id });
      const tab = client.tab();
      await join_(tab).waitFor();
      await client.waitFor('appInitialization.success');
      expect(client.events[0]?.func).toBe('initialize');
      expect(await tab.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        390,
      );
      await client.page.screenshot({
        path: join(SCREENSHOTS, 'side-panel-phone.png'),
        fullPage: true,
      });
      expect(await axeViolations(tab)).toEqual([]);
      expect(client.uncaught).toEqual([]);
    }, 60_000);

    it('shows the summary as the meeting chat tab, and the queue in the stage dialog', async () => {
      const chat = await open({
        ...phone,
        person: OLU,
        meetingId: meetingId('phone'),
        frameContext: 'content',
      });
      await chat.tab().getByRole('heading', { name: 'Inclusion summary' }).waitFor();
      const dialog = await open({
        ...phone,
        person: ANA,
        meetingId: meetingId('phone'),
        frameContext: 'task',
      });
      await join_(dialog.tab()).waitFor();
      // Neither is cached: Teams caches only the side panel.
      for (const client of [chat, dialog])
        expect(client.sent('registerHandler').map((e) => e.args[0])).not.toContain('load');
    }, 60_000);
  });
});
