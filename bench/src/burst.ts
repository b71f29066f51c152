// A burst: N people already in a meeting press Join at the same moment. Settled is when every
// Join has been answered and the host's live view shows the commit holding the last of them.
// Run on two API hosts, coalescing on (batches of up to 90) and off (batch of 1), round by round
// in turn, each round on a fresh meeting. Nothing may be lost or doubled.
import { Agent } from 'node:http';
import type { ParticipantView, PublicView } from '@roundtable/core';
import { difference, storageLatency, type ApiHost } from './api.js';
import { command, liveUrl, open, signIn, signInAll, type Person, type Sent } from './client.js';
import { LiveStream, until } from './live.js';
import type { Section } from './report.js';
import { mapLimit, median, now, round, sleep } from './stats.js';

interface Outcome {
  readonly settledMs: number;
  readonly present: number;
  readonly lost: number;
  readonly duplicated: number;
  readonly failures: number;
  readonly retries: number;
  readonly requestsPerJoin: number;
  readonly commits: number;
  readonly conflicts: number;
  readonly storageRequestMs: ReturnType<typeof storageLatency>;
}

async function once(host: ApiHost, meetingId: string, organiser: Person, people: Person[]) {
  await open(host.url, meetingId, organiser);
  const ids = new Set(
    (await mapLimit(people, 32, (person) => open(host.url, meetingId, person))).map(
      (view) => view.you.participantId,
    ),
  );
  const watcher = await LiveStream.open(await liveUrl(host.url, meetingId, organiser));
  await sleep(300);
  const before = await host.stats();
  // A fresh pool: every Join goes out on its own new connection, as from many browsers.
  const agent = new Agent({ keepAlive: true, maxSockets: Infinity });
  const started = now();
  const sent: Sent[] = await Promise.all(
    people.map((person) =>
      command(host.url, meetingId, person, { type: 'join', kind: 'point' }, agent),
    ),
  );
  const answeredAt = now();
  const lastVersion = Math.max(...sent.map((s) => s.version ?? -1));
  await until(() => watcher.latestVersion >= lastVersion, 10_000);
  const seenAt = watcher.arrivals.get(lastVersion) ?? Number.NaN;
  const stats = difference(before, await host.stats());
  agent.destroy();
  watcher.close();
  const final = await open(host.url, meetingId, organiser);
  const live = watcher.latestVersion >= lastVersion ? watcher.latest() : null;
  return outcome(final, live, ids, sent, {
    settledMs: Math.max(answeredAt, seenAt) - started,
    requestsPerJoin: stats.totalRequests / people.length,
    commits: stats.commits,
    conflicts: stats.conflicts,
    storageRequestMs: storageLatency(stats.storageMs),
  });
}

function outcome(
  final: ParticipantView,
  live: PublicView | null,
  ids: ReadonlySet<string>,
  sent: readonly Sent[],
  measured: Pick<
    Outcome,
    'settledMs' | 'requestsPerJoin' | 'commits' | 'conflicts' | 'storageRequestMs'
  >,
): Outcome {
  const queued = final.queue.filter((entry) => ids.has(entry.participantId));
  const distinct = new Set(queued.map((entry) => entry.participantId));
  const liveDistinct = new Set(live?.queue.map((entry) => entry.participantId));
  return {
    ...measured,
    // Present in the stored meeting and in the live view everyone sees.
    present: [...distinct].filter((id) => liveDistinct.has(id)).length,
    lost: ids.size - distinct.size,
    duplicated: queued.length - distinct.size,
    failures: sent.filter((s) => s.status !== 200).length,
    retries: sent.reduce((sum, s) => sum + s.attempts - 1, 0),
  };
}

export async function burst(
  hosts: { coalesced: ApiHost; baseline: ApiHost },
  options: { key: string; people: number; rounds: number; runId: string },
): Promise<Section> {
  const { key, people: n } = options;
  const specs = Array.from({ length: options.people }, (_, i) => ({
    name: `Burst ${i + 1}`,
    role: 'attendee' as const,
  }));
  // Both hosts share the local secret, so one sign-in serves both.
  const people = await signInAll(hosts.coalesced.url, specs);
  const organiser = await signIn(hosts.coalesced.url, 'Burst Host', 'organizer');
  const on: Outcome[] = [];
  const off: Outcome[] = [];
  for (let r = 1; r <= options.rounds; r++) {
    on.push(await once(hosts.coalesced, `bench-burst-on-${r}-${options.runId}`, organiser, people));
    off.push(
      await once(hosts.baseline, `bench-burst-off-${r}-${options.runId}`, organiser, people),
    );
  }
  const settledOn = median(on.map((o) => o.settledMs));
  const settledOff = median(off.map((o) => o.settledMs));
  const worst = (list: Outcome[], pick: (o: Outcome) => number) => Math.max(...list.map(pick));
  return {
    name: `Burst of ${n}`,
    figures: [
      {
        id: `${key}.settledMs`,
        label: `Burst of ${options.people} joins: settled`,
        unit: 'ms',
        value: settledOn,
        target: { op: '<=', value: 2000 },
        baseline: { value: settledOff, label: 'coalescing off' },
        runs: on.map((o) => round(o.settledMs, 0)),
      },
      {
        id: `${key}.speedup`,
        label: `Burst of ${n}: coalescing off ÷ on (settle time)`,
        unit: '×',
        value: settledOff / settledOn,
        target: null,
        baseline: null,
      },
      {
        id: `${key}.present`,
        label: `Burst of ${n}: entries present (fewest in any run)`,
        unit: '',
        value: Math.min(...on.map((o) => o.present)),
        target: { op: '==', value: options.people },
        baseline: { value: Math.min(...off.map((o) => o.present)), label: 'coalescing off' },
      },
      {
        id: `${key}.lostOrDuplicated`,
        label: `Burst of ${n}: lost + duplicated + failed joins (all runs)`,
        unit: '',
        value: on.reduce((sum, o) => sum + o.lost + o.duplicated + o.failures, 0),
        target: { op: '==', value: 0 },
        baseline: {
          value: off.reduce((sum, o) => sum + o.lost + o.duplicated + o.failures, 0),
          label: 'coalescing off',
        },
      },
      {
        id: `${key}.requestsPerJoin`,
        label: `Burst of ${n}: Table Storage requests per join`,
        unit: '',
        value: median(on.map((o) => o.requestsPerJoin)),
        target: null,
        baseline: { value: median(off.map((o) => o.requestsPerJoin)), label: 'coalescing off' },
      },
    ],
    details: {
      people: options.people,
      rounds: options.rounds,
      settled: 'every join answered and the live view shows the commit holding the last one',
      coalescing: on.map(roundOutcome),
      coalescingOff: off.map(roundOutcome),
      worstRetries: { on: worst(on, (o) => o.retries), off: worst(off, (o) => o.retries) },
    },
  };
}

function roundOutcome(o: Outcome) {
  return { ...o, settledMs: round(o.settledMs, 0), requestsPerJoin: round(o.requestsPerJoin, 3) };
}
