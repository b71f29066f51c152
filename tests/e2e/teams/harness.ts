// One emulated Teams client in headless Chromium: a browser context whose network is answered in
// the browser itself (route interception): Teams' host page from https://teams.microsoft.com, the
// built tab from its own https origin with the production security headers, the Roundtable API
// (fake-api.ts), Web PubSub (a routed WebSocket speaking its JSON protocol), and Microsoft Entra
// ID's authorize endpoint for the consent pop-up. Anything else is refused and recorded.
import { readFileSync, existsSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import type { Browser, BrowserContext, Frame, Page, Route } from 'playwright-core';
import { securityHeaders } from '../../../tabs/security-headers.js';
import { tokenFor, type FakeApi, type Person } from './fake-api.js';
import { installTeamsClient, type TeamsClientConfig } from './teams-client.js';

export const TEAMS_ORIGIN = 'https://teams.microsoft.com';
export const TAB_ORIGIN = 'https://roundtable.contoso.com';
const HOST_PAGE = `${TEAMS_ORIGIN}/_emulated/meeting`;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.json': 'application/json',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

export interface TeamsEvent {
  readonly from: 'tab' | 'popup' | 'host';
  readonly func: string;
  readonly args: unknown[];
  readonly at: number;
}

export interface OpenOptions {
  readonly mode?: 'frame' | 'phone';
  readonly frameContext?: 'sidePanel' | 'content' | 'task' | 'settings';
  /** The tab page Teams opens: the content page, or the configuration page. */
  readonly page?: 'index.html' | 'config.html';
  readonly person: Person;
  readonly meetingId: string;
  readonly chatId?: string;
  readonly theme?: 'default' | 'dark' | 'contrast';
  /** Teams' client language (the context's app.locale); en-gb unless a test says otherwise. */
  readonly locale?: string;
  readonly token?: TeamsClientConfig['token'];
  readonly anonymous?: boolean;
  readonly initializeDelayMs?: number;
  /** The frame Teams gives the tab (frame mode) or the phone's screen (phone mode). */
  readonly size?: { width: number; height: number };
}

export class TeamsClient {
  readonly events: TeamsEvent[] = [];
  readonly refused: string[] = [];
  readonly authorizeRequests: URL[] = [];
  readonly live: { meetingId: string; event: 'open' | 'close'; at: number }[] = [];
  readonly uncaught: string[] = [];
  /** When the tab's entry script was served: the clock for "ready within a second". */
  scriptServedAt: number | null = null;

  private constructor(
    readonly context: BrowserContext,
    readonly page: Page,
    private readonly mode: 'frame' | 'phone',
  ) {}

  static async open(browser: Browser, build: string, api: FakeApi, options: OpenOptions) {
    const mode = options.mode ?? 'frame';
    const size = options.size ?? { width: 320, height: 720 };
    const context = await browser.newContext({
      viewport: mode === 'phone' ? size : { width: size.width + 40, height: size.height + 40 },
      ...(mode === 'phone' ? { isMobile: true, hasTouch: true, deviceScaleFactor: 2 } : {}),
    });
    const client = new TeamsClient(context, await context.newPage(), mode);
    await client.install(build, api, options, size);
    const page = options.page ?? 'index.html';
    await client.page.goto(
      mode === 'phone' ? `${TAB_ORIGIN}/${page}` : `${HOST_PAGE}?page=${page}`,
    );
    return client;
  }

  /** The tab's frame: inside the host page, or the page itself on a phone. */
  tab(): Frame {
    if (this.mode === 'phone') return this.page.mainFrame();
    const frame = this.page.frames().find((candidate) => candidate.url().startsWith(TAB_ORIGIN));
    if (frame === undefined) throw new Error('The tab is not framed yet.');
    return frame;
  }

  /** Sends a host event (themeChange, load, beforeUnload) to the tab, as Teams does. */
  async send(func: string, args: unknown[] = []): Promise<void> {
    await this.page.evaluate(
      ([name, values]) => {
        (
          window as unknown as { teamsClient: { send: (f: string, a: unknown[]) => void } }
        ).teamsClient.send(name, values);
      },
      [func, args] as const,
    );
  }

  async setContext(change: Record<string, unknown>): Promise<void> {
    await this.page.evaluate((values) => {
      (
        window as unknown as { teamsClient: { setContext: (c: unknown) => void } }
      ).teamsClient.setContext(values);
    }, change);
  }

  async setToken(token: TeamsClientConfig['token']): Promise<void> {
    await this.page.evaluate((value) => {
      (
        window as unknown as { teamsClient: { setToken: (t: unknown) => void } }
      ).teamsClient.setToken(value);
    }, token);
  }

  /** The tab's messages of one kind, in order. */
  sent(func: string): TeamsEvent[] {
    return this.events.filter((event) => event.from === 'tab' && event.func === func);
  }

  async waitFor(func: string, count = 1, timeoutMs = 15_000): Promise<TeamsEvent> {
    const deadline = Date.now() + timeoutMs;
    while (this.sent(func).length < count) {
      if (Date.now() > deadline)
        throw new Error(`The tab did not send ${func} (${String(count)}).`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const event = this.sent(func)[count - 1];
    if (event === undefined) throw new Error(`No ${func}.`);
    return event;
  }

  /** Waits until the tab's Web PubSub connection to a meeting opened (or closed) `count` times. */
  async waitForLive(meetingId: string, event: 'open' | 'close', count = 1): Promise<void> {
    const deadline = Date.now() + 15_000;
    const seen = () => this.live.filter((l) => l.meetingId === meetingId && l.event === event);
    while (seen().length < count) {
      if (Date.now() > deadline) throw new Error(`No live connection ${event} for ${meetingId}.`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  close(): Promise<void> {
    return this.context.close();
  }

  private async install(
    build: string,
    api: FakeApi,
    options: OpenOptions,
    size: { width: number; height: number },
  ): Promise<void> {
    const frameContext = options.frameContext ?? 'sidePanel';
    const config: TeamsClientConfig = {
      mode: this.mode,
      origin: this.mode === 'phone' ? TAB_ORIGIN : TEAMS_ORIGIN,
      frameContext,
      hostClientType: this.mode === 'phone' ? 'android' : 'web',
      context: {
        entityId: 'roundtable',
        frameContext,
        hostClientType: this.mode === 'phone' ? 'android' : 'web',
        hostName: 'Teams',
        locale: options.locale ?? 'en-gb',
        theme: options.theme ?? 'default',
        appSessionId: 'emulated-session',
        meetingId: options.meetingId,
        chatId: options.chatId ?? '19:meeting_emulated@thread.v2',
        tid: '00000000-0000-4000-8000-0000000000aa',
        ...(options.anonymous === true
          ? { userObjectId: '', loginHint: '', userPrincipalName: '', userLicenseType: 'Anonymous' }
          : {
              userObjectId: options.person.oid,
              loginHint: `${options.person.name.toLowerCase()}@contoso.com`,
              userPrincipalName: `${options.person.name.toLowerCase()}@contoso.com`,
              userLicenseType: 'Enterprise',
            }),
      },
      token: options.token ?? { ok: true, value: tokenFor(options.person) },
      afterConsent: tokenFor(options.person),
      initializeDelayMs: options.initializeDelayMs ?? 0,
    };
    await this.context.exposeBinding('__teamsEvent', (_source, event: Omit<TeamsEvent, 'at'>) => {
      this.events.push({ ...event, at: Date.now() });
    });
    await this.context.addInitScript(installTeamsClient, config);
    await this.context.addInitScript(() => {
      // Uncaught errors and rejections in the tab, kept where the test can read them.
      const seen: string[] = [];
      (window as unknown as { __uncaught: string[] }).__uncaught = seen;
      window.addEventListener('error', (event) => seen.push(event.message));
      window.addEventListener('unhandledrejection', (event) => seen.push(String(event.reason)));
    });
    this.page.on('pageerror', (error) => this.uncaught.push(error.message));
    this.page.on('popup', (popup) => {
      popup.on('pageerror', (error) => this.uncaught.push(`pop-up: ${error.message}`));
    });
    await this.context.route('**/*', (route) => this.serve(route, build, api, size));
    await this.context.routeWebSocket(/webpubsub\.azure\.com/, (socket) => {
      // Web PubSub's JSON subprotocol: a "connected" system message, then group messages.
      const url = new URL(socket.url());
      const meetingId = decodeURIComponent(
        (url.searchParams.get('access_token') ?? '').split('.').slice(1).join('.'),
      );
      this.live.push({ meetingId, event: 'open', at: Date.now() });
      let open = true;
      // The service says "connected" once its handshake is done, a moment after the socket opens:
      // a panel may be put to sleep in between.
      setTimeout(() => {
        if (open)
          socket.send(
            JSON.stringify({ type: 'system', event: 'connected', userId: 'u', connectionId: 'c' }),
          );
      }, 300);
      const listener = (changed: string, view: unknown) => {
        if (open && changed === meetingId)
          socket.send(
            JSON.stringify({
              type: 'message',
              from: 'group',
              group: changed,
              dataType: 'json',
              data: view,
            }),
          );
      };
      api.listeners.add(listener);
      socket.onClose(() => {
        open = false;
        api.listeners.delete(listener);
        this.live.push({ meetingId, event: 'close', at: Date.now() });
      });
      socket.onMessage(() => undefined);
    });
  }

  private async serve(
    route: Route,
    build: string,
    api: FakeApi,
    size: { width: number; height: number },
  ): Promise<void> {
    const request = route.request();
    const url = new URL(request.url());
    if (url.origin + url.pathname === HOST_PAGE) {
      const page = url.searchParams.get('page') ?? 'index.html';
      await route.fulfill({
        contentType: 'text/html',
        body: `<!doctype html><html lang="en"><title>Teams meeting</title><body style="margin:0;padding:20px;background:#ebebeb"><iframe title="Roundtable" src="${TAB_ORIGIN}/${page}" width="${String(size.width)}" height="${String(size.height)}" style="border:0;display:block"></iframe></body></html>`,
      });
      return;
    }
    if (url.origin === TAB_ORIGIN && url.pathname.startsWith('/api/')) {
      const answer = api.handle(
        request.method(),
        url.pathname,
        request.headers().authorization ?? null,
        request.postData(),
      );
      await route.fulfill({
        status: answer.status,
        contentType: 'application/json',
        headers: answer.headers ?? {},
        body: JSON.stringify(answer.body),
      });
      return;
    }
    if (url.origin === TAB_ORIGIN) {
      const path = url.pathname === '/' ? '/index.html' : url.pathname;
      const file = normalize(join(build, path));
      if (!file.startsWith(build) || !existsSync(file)) {
        await route.fulfill({ status: 404, body: 'Not found' });
        return;
      }
      if (/^\/assets\/index-[^/]+\.js$/.test(path)) this.scriptServedAt = Date.now();
      await route.fulfill({
        status: 200,
        headers: {
          ...securityHeaders(),
          'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        },
        body: readFileSync(file),
      });
      return;
    }
    if (
      url.origin === 'https://login.microsoftonline.com' &&
      url.pathname.endsWith('/oauth2/v2.0/authorize')
    ) {
      // Entra ID after the person consented: back to the redirect URI with a code and the state.
      this.authorizeRequests.push(url);
      const back = new URL(url.searchParams.get('redirect_uri') ?? `${TAB_ORIGIN}/auth-end.html`);
      back.hash = new URLSearchParams({
        code: 'consented-code',
        state: url.searchParams.get('state') ?? '',
      }).toString();
      await route.fulfill({ status: 302, headers: { location: back.href } });
      return;
    }
    // Nothing else is reachable: teams-js' CDN list of valid hosts among it (it then uses its own).
    this.refused.push(url.href);
    await route.abort('internetdisconnected');
  }
}
