// The API process dies while 50 people have the meeting open, and starts again on the same port.
// Each person runs the side panel's own connection code (MeetingSession with the tab's ApiClient
// and live.ts, over a small EventSource for Node): every one notices, gets a new ticket from /live,
// and converges on the version made by a command sent after the restart, without a reload.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { setTimeout as delay } from 'node:timers/promises';
import { ApiClient } from '../../tabs/src/api/client.js';
import { subscribeLive } from '../../tabs/src/api/live.js';
import { MeetingSession } from '../../tabs/src/meeting/meeting-session.js';
import { startApiProcess, type ApiProcess } from '../support/api-process.js';
import { startAzurite, type Azurite } from '../support/azurite.js';
import { printFigures } from './figures.js';
import { NodeEventSource } from './node-event-source.js';

const SUBSCRIBERS = 50;
const meetingId = '19:meeting_api_restart@thread.v2';

let azurite: Azurite | undefined;
let api: ApiProcess | undefined;
const sessions: MeetingSession[] = [];
const globals = globalThis as unknown as { EventSource?: unknown };
const originalEventSource = globals.EventSource;

beforeAll(async () => {
  globals.EventSource = NodeEventSource;
  azurite = await startAzurite();
  api = await startApiProcess({ storage: azurite.connectionString });
}, 45_000);

afterAll(async () => {
  for (const session of sessions) session.stop();
  await api?.kill();
  await azurite?.stop();
  globals.EventSource = originalEventSource;
});

/** Polls `check` until it holds; the error names what was still missing. */
async function until(what: string, check: () => string[], timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const missing = check();
    if (missing.length === 0) return;
    if (Date.now() > deadline)
      throw new Error(`${what} within ${timeoutMs} ms; still missing: ${missing.join('; ')}`);
    await delay(100);
  }
}

async function tokenFor(base: string, name: string, organizer: boolean): Promise<string> {
  const response = await fetch(`${base}/api/dev/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name, role: organizer ? 'organizer' : 'attendee' }),
  });
  return ((await response.json()) as { token: string }).token;
}

describe('the API restarting under 50 live side panels', () => {
  it('sees every panel reconnect through /live and converge on the newest version', async () => {
    if (api === undefined) throw new Error('The API did not start.');
    const host = api;
    const opened = new Map<MeetingSession, number>();
    for (let i = 0; i < SUBSCRIBERS; i++) {
      const token = await tokenFor(host.url, `Person ${i}`, i === 0);
      const client = new ApiClient(host.url, () => Promise.resolve(token));
      const session: MeetingSession = new MeetingSession(client, meetingId, {
        // The tab's own subscription, counting how often each panel's stream opened.
        subscribe: (access, handlers) =>
          subscribeLive(access, {
            ...handlers,
            onOpen: () => {
              opened.set(session, (opened.get(session) ?? 0) + 1);
              handlers.onOpen();
            },
          }),
      });
      sessions.push(session);
      session.start();
    }
    const notLive = () =>
      sessions.flatMap((session, i) =>
        session.snapshot().status === 'live' && session.snapshot().view !== null
          ? []
          : [`panel ${i} ${session.snapshot().status}`],
      );
    await until('every panel is live', notLive, 20_000);
    const before = Math.max(...sessions.map((s) => s.snapshot().view?.version ?? -1));

    await host.kill();
    await until(
      'every panel notices the API is gone',
      () =>
        sessions.flatMap((session, i) =>
          session.snapshot().status === 'reconnecting' ? [] : [`panel ${i}`],
        ),
      10_000,
    );
    await host.start();

    // The organiser's panel changes something once the API is back: a command after the restart.
    const organiser = sessions[0];
    if (organiser === undefined) throw new Error('No organiser.');
    expect(await organiser.send({ type: 'setTimebox', seconds: 90 })).toEqual({ ok: true });
    const after = organiser.snapshot().view?.version ?? -1;
    expect(after).toBeGreaterThan(before);

    await until(
      'every panel reaches the version made after the restart',
      () =>
        sessions.flatMap((session, i) => {
          const { status, view } = session.snapshot();
          return status === 'live' && view?.version === after && view.timeboxSeconds === 90
            ? []
            : [`panel ${i} ${status} v${view?.version ?? '-'}`];
        }),
      30_000,
    );
    const reconnected = sessions.filter((session) => (opened.get(session) ?? 0) >= 2).length;
    expect(reconnected).toBe(SUBSCRIBERS);

    printFigures('API restart', {
      subscribers: SUBSCRIBERS,
      faults: 1,
      reconnected,
      streamsOpened: NodeEventSource.opened,
      versionBefore: before,
      versionAfter: after,
      converged: sessions.length,
      reloads: 0,
    });
  }, 60_000);
});
