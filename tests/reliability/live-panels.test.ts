// Side panels with the meeting open while things fail. Each panel runs the tab's own connection
// code (MeetingSession with the tab's ApiClient and live.ts, over a small EventSource for Node).
// - The API process dies under 50 panels, with ten joins on their way, and starts again on the
//   same port: every panel notices, gets a new ticket from /live, and converges on the version
//   made by a command sent after the restart, without a reload; each join lands once.
// - Storage goes away while the API stays up: the panels keep their live streams (the API is
//   still there), say what is wrong, and converge once storage is back, again without a reload.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { ApiClient } from '../../tabs/src/api/client.js';
import { subscribeLive } from '../../tabs/src/api/live.js';
import { englishOf } from '../../tabs/src/i18n/translator.js';
import { MeetingSession, type SessionOptions } from '../../tabs/src/meeting/meeting-session.js';
import { startApiProcess, type ApiProcess } from '../support/api-process.js';
import { startAzurite, type Azurite } from '../support/azurite.js';
import { printFigures } from './figures.js';
import { NodeEventSource } from './node-event-source.js';

const SUBSCRIBERS = 50;
const meetingId = '19:meeting_live_panels@thread.v2';

let folder: string | undefined;
let azurite: Azurite | undefined;
let api: ApiProcess | undefined;
const sessions: MeetingSession[] = [];
const globals = globalThis as unknown as { EventSource?: unknown };
const originalEventSource = globals.EventSource;

beforeAll(async () => {
  globals.EventSource = NodeEventSource;
  folder = await mkdtemp(join(tmpdir(), 'roundtable-reliability-'));
  azurite = await startAzurite({ location: folder });
  api = await startApiProcess({ storage: azurite.connectionString });
}, 45_000);

afterAll(async () => {
  for (const session of sessions) session.stop();
  await api?.kill();
  await azurite?.stop();
  if (folder !== undefined) await rm(folder, { recursive: true, force: true });
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

interface Panels {
  readonly sessions: MeetingSession[];
  /** How often each panel's live stream opened. */
  readonly opened: Map<MeetingSession, number>;
}

/** Opens one side panel per name (the first is the organiser's) and waits until all are live. */
async function openPanels(
  base: string,
  names: readonly string[],
  options: SessionOptions = {},
): Promise<Panels> {
  const opened = new Map<MeetingSession, number>();
  const mine: MeetingSession[] = [];
  for (const [i, name] of names.entries()) {
    const token = await tokenFor(base, name, i === 0);
    const client = new ApiClient(base, () => Promise.resolve(token));
    const session: MeetingSession = new MeetingSession(client, meetingId, {
      ...options,
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
    mine.push(session);
    sessions.push(session);
    session.start();
  }
  await until(
    'every panel is live',
    () =>
      mine.flatMap((session, i) =>
        session.snapshot().status === 'live' && session.snapshot().view !== null
          ? []
          : [`panel ${i} ${session.snapshot().status}`],
      ),
    20_000,
  );
  // The organiser's first command opens the session; every panel then arrives in it on its own.
  const organiser = mine[0];
  if (organiser !== undefined)
    expect(await organiser.send({ type: 'unlock' })).toEqual({ ok: true });
  await until(
    'every panel has arrived in the session',
    () =>
      mine.flatMap((session, i) =>
        session.snapshot().view?.you.participantId === '' ? [`panel ${i}`] : [],
      ),
    20_000,
  );
  return { sessions: mine, opened };
}

/** Every panel that is not live on `version` with a 90 s timebox, for `until`. */
function behind(panels: readonly MeetingSession[], version: number): string[] {
  return panels.flatMap((session, i) => {
    const { status, view, problem } = session.snapshot();
    return status === 'live' && view?.version === version && problem === null
      ? []
      : [`panel ${i} ${status} v${view?.version ?? '-'} ${englishOf(problem ?? '')}`];
  });
}

describe('side panels while the API or storage fails', () => {
  it('see the API restart, reconnect through /live, and converge on the newest version', async () => {
    if (api === undefined) throw new Error('The API did not start.');
    const host = api;
    const names = Array.from({ length: SUBSCRIBERS }, (_, i) => `Person ${i}`);
    const { sessions: panels, opened } = await openPanels(host.url, names);
    const before = Math.max(...panels.map((s) => s.snapshot().view?.version ?? -1));

    // Ten people press Join just as the API dies: whatever answers are lost, their panels retry
    // under the same command id.
    const pressing = panels.slice(1, 11);
    const joins = pressing.map((session) => session.send({ type: 'join', kind: 'reply' }));
    await delay(5);
    await host.kill();
    await until(
      'every panel notices the API is gone',
      () =>
        panels.flatMap((session, i) =>
          session.snapshot().status === 'reconnecting' ? [] : [`panel ${i}`],
        ),
      10_000,
    );
    await host.start();
    expect(await Promise.all(joins)).toEqual(pressing.map(() => ({ ok: true })));

    // The organiser's panel changes something once the API is back: a command after the restart.
    const organiser = panels[0];
    if (organiser === undefined) throw new Error('No organiser.');
    expect(await organiser.send({ type: 'setTimebox', seconds: 90 })).toEqual({ ok: true });
    const after = organiser.snapshot().view?.version ?? -1;
    expect(after).toBeGreaterThan(before);

    await until(
      'every panel reaches the version made after the restart',
      () => behind(panels, after),
      30_000,
    );
    expect(panels.every((session) => session.snapshot().view?.timeboxSeconds === 90)).toBe(true);
    // Each of those joins landed, once.
    const replies = (organiser.snapshot().view?.queue ?? []).filter((e) => e.kind === 'reply');
    expect(replies.map((entry) => entry.participantId).sort()).toEqual(
      pressing.map((session) => session.snapshot().view?.you.participantId).sort(),
    );
    const reconnected = panels.filter((session) => (opened.get(session) ?? 0) >= 2).length;
    expect(reconnected).toBe(SUBSCRIBERS);

    printFigures('API restart', {
      subscribers: SUBSCRIBERS,
      faults: 1,
      joinsAsItDied: pressing.length,
      reconnected,
      versionBefore: before,
      versionAfter: after,
      converged: panels.length,
      reloads: 0,
    });
  }, 60_000);

  it('keep their live streams while storage is away, say so, and converge once it is back', async () => {
    if (api === undefined || azurite === undefined) throw new Error('The stack did not start.');
    const storage = azurite;
    const names = Array.from({ length: 10 }, (_, i) => `Watcher ${i}`);
    // Polling often, so that reads meet the outage for certain.
    const { sessions: panels, opened } = await openPanels(api.url, names, { pollLiveMs: 300 });
    const streams = () => panels.map((session) => opened.get(session) ?? 0);
    const streamsBefore = streams();

    await storage.stop();
    await until(
      'every panel says storage cannot be reached',
      () =>
        panels.flatMap((session, i) =>
          /storage/i.test(englishOf(session.snapshot().problem ?? '')) ? [] : [`panel ${i}`],
        ),
      10_000,
    );
    // The API is still there, and so are the streams: nobody has to reconnect.
    expect(panels.map((session) => session.snapshot().status)).toEqual(panels.map(() => 'live'));
    const organiser = panels[0];
    if (organiser === undefined) throw new Error('No organiser.');
    // The organiser presses something while storage is away; it goes through once it is back.
    const sending = organiser.send({ type: 'lock' });
    await delay(500);
    await storage.restart();
    expect(await sending).toEqual({ ok: true });
    const after = organiser.snapshot().view?.version ?? -1;

    await until(
      'every panel reaches the version made after the outage',
      () => behind(panels, after),
      30_000,
    );
    expect(panels.every((session) => session.snapshot().view?.locked === true)).toBe(true);
    expect(streams()).toEqual(streamsBefore);

    printFigures('storage away under live panels', {
      subscribers: panels.length,
      faults: 1,
      streamsDropped: streams().reduce((sum, n, i) => sum + n - (streamsBefore[i] ?? 0), 0),
      converged: panels.length,
      reloads: 0,
    });
  }, 60_000);
});
