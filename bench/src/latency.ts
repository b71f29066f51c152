// Live latency: N people who have opened Roundtable follow one meeting over server-sent events;
// the host sends a command; for each subscriber, the time from sending it to receiving the view
// with its version. Beside it, command by command in turn so both meet the same moments of a
// shared machine: the floor (the same payload fanned out to N streams by a bare node:http server,
// floor.ts) and, optionally, the same meeting with a single subscriber.
import type { PublicCommand } from '@roundtable/core';
import { difference, storageLatency, type ApiHost } from './api.js';
import { command, signIn, type Person } from './client.js';
import { attendees, gatherCrowd } from './crowd.js';
import type { Floor } from './floor.js';
import { LiveStream, quiet, until } from './live.js';
import type { Figure, Section } from './report.js';
import { mapLimit, median, now, percentile, round, sleep } from './stats.js';

const HOST_COMMANDS: readonly PublicCommand[] = [
  { type: 'lock' },
  { type: 'unlock' },
  { type: 'setTimebox', seconds: 120 },
  { type: 'setTimebox', seconds: null },
];
/** The host stays under the rate limits (30 commands per 10 s, 120 requests a minute). */
const PACE_MS = 400;

interface Audience {
  readonly streams: LiveStream[];
  /** Makes one change; the version it will arrive as, or null when it was refused. */
  readonly change: (i: number) => Promise<{ version: number | null; roundTripMs: number }>;
}

interface Samples {
  readonly latencies: number[];
  /** Per change: from the first subscriber's arrival to the last one's (the fan-out). */
  readonly spreads: number[];
  readonly roundTripMs: number[];
  missed: number;
  refused: number;
}

const samples = (): Samples => ({
  latencies: [],
  spreads: [],
  roundTripMs: [],
  missed: 0,
  refused: 0,
});

/** One change; every subscriber's delay until the frame with its version arrived. */
async function measure(audience: Audience, i: number, into: Samples) {
  const sentAt = now();
  const { version, roundTripMs } = await audience.change(i);
  into.roundTripMs.push(roundTripMs);
  if (version === null) {
    into.refused += 1;
    return;
  }
  await until(() => audience.streams.every((s) => s.latestVersion >= version), 5_000);
  const arrivals: number[] = [];
  for (const stream of audience.streams) {
    const arrived = stream.arrivals.get(version);
    if (arrived === undefined) into.missed += 1;
    else arrivals.push(arrived);
  }
  into.latencies.push(...arrivals.map((arrived) => arrived - sentAt));
  if (arrivals.length > 0) into.spreads.push(Math.max(...arrivals) - Math.min(...arrivals));
}

function roundtable(host: ApiHost, organiser: Person, meetingId: string, streams: LiveStream[]) {
  return {
    streams,
    change: async (i: number) => {
      const body = HOST_COMMANDS[i % HOST_COMMANDS.length] ?? { type: 'lock' };
      const sent = await command(host.url, meetingId, organiser, body);
      const version = sent.status === 200 ? sent.version : null;
      return { version, roundTripMs: sent.latencyMs };
    },
  };
}

export interface LiveOptions {
  readonly subscribers: number;
  /** People waiting in the queue (with a note), so the view carries a queue. */
  readonly waiting: number;
  readonly rounds: number;
  readonly commandsPerRound: number;
  readonly runId: string;
  /** Also measure a meeting with a single subscriber (the command's own cost). */
  readonly single: boolean;
  /** The goal for Roundtable's p95 as a multiple of the floor's, or null to report only. */
  readonly floorRatioTarget: number | null;
}

export async function liveLatency(
  host: ApiHost,
  floor: Floor,
  options: LiveOptions,
): Promise<Section> {
  const n = options.subscribers;
  const organiser = await signIn(host.url, `Live Host ${n}`, 'organizer');
  const people = await attendees(host, `Listener ${n}`, n);
  const crowd = await gatherCrowd(host, {
    meetingId: `bench-live-${n}-${options.runId}`,
    organiser,
    people,
    waiting: options.waiting,
  });
  const oneId = `bench-live-one-${n}-${options.runId}`;
  const single = options.single
    ? await gatherCrowd(host, {
        meetingId: oneId,
        organiser,
        people: people.slice(0, 1),
        waiting: 0,
      })
    : null;
  const floorStreams = await mapLimit(people, 16, () => LiveStream.open(`${floor.url}/events`));
  const audiences = {
    crowd: roundtable(host, organiser, crowd.meetingId, crowd.streams),
    single: single === null ? null : roundtable(host, organiser, oneId, single.streams),
    floor: {
      streams: floorStreams,
      // The payload Roundtable last broadcast to this crowd, byte for byte.
      change: async () => {
        const started = now();
        const version = await floor.publish(crowd.streams[0]?.latestData ?? '{}');
        return { version, roundTripMs: now() - started };
      },
    },
  };
  const streams = [...crowd.streams, ...(single?.streams ?? []), ...floorStreams];
  try {
    await quiet(streams, 500);
    const before = await host.stats();
    const rounds: { crowd: Samples; single: Samples; floor: Samples }[] = [];
    for (let r = 0; r < options.rounds; r++) {
      const current = { crowd: samples(), single: samples(), floor: samples() };
      for (let i = 0; i < options.commandsPerRound; i++) {
        for (const kind of ['crowd', 'single', 'floor'] as const) {
          const audience = audiences[kind];
          if (audience === null) continue;
          await measure(audience, i, current[kind]);
          await sleep(PACE_MS);
        }
      }
      rounds.push(current);
    }
    const storage = difference(before, await host.stats());
    const payloadBytes = Buffer.byteLength(crowd.streams[0]?.latestData ?? '');
    return {
      name: `Live latency, ${n} subscribers`,
      figures: figures(rounds, n, options),
      details: {
        subscribers: n,
        waiting: options.waiting,
        payloadBytes,
        rounds: options.rounds,
        commandsPerRound: options.commandsPerRound,
        samples: rounds.reduce((sum, r) => sum + r.crowd.latencies.length, 0),
        missedUpdates: rounds.reduce((sum, r) => sum + r.crowd.missed + r.single.missed, 0),
        refusedHostCommands: rounds.reduce((sum, r) => sum + r.crowd.refused + r.single.refused, 0),
        floorMissed: rounds.reduce((sum, r) => sum + r.floor.missed, 0),
        singleSubscriberMs: single === null ? null : spread(rounds.map((r) => r.single.latencies)),
        hostCommandRoundTripMs: spread(rounds.map((r) => r.crowd.roundTripMs)),
        firstToLastSubscriberMs: {
          roundtable: spread(rounds.map((r) => r.crowd.spreads)),
          floor: spread(rounds.map((r) => r.floor.spreads)),
        },
        storageRequestMs: storageLatency(storage.storageMs),
        latency: 'from sending the change to the subscriber receiving the frame with its version',
        floor: 'the same payload to the same number of SSE streams from a bare node:http process',
      },
    };
  } finally {
    for (const stream of streams) stream.close();
  }
}

function spread(groups: readonly (readonly number[])[]) {
  const all = groups.flat();
  return { p50: round(median(all), 1), p95: round(percentile(all, 95), 1) };
}

type Rounds = readonly { crowd: Samples; single: Samples; floor: Samples }[];

function figures(rounds: Rounds, n: number, options: LiveOptions): Figure[] {
  const per = (kind: 'crowd' | 'floor', p: number) =>
    rounds.map((r) => percentile(r[kind].latencies, p));
  const latency = (p: number, target: number | null): Figure => ({
    id: `live${n}.p${p}`,
    label: `Live update p${p}, ${n} subscribers`,
    unit: 'ms',
    value: median(per('crowd', p)),
    target: target === null ? null : { op: '<=', value: target },
    baseline: { value: median(per('floor', p)), label: 'floor' },
    runs: per('crowd', p).map((ms) => round(ms, 1)),
  });
  const ratios = rounds.map(
    (r) => percentile(r.crowd.latencies, 95) / percentile(r.floor.latencies, 95),
  );
  const spreads = (kind: 'crowd' | 'floor') => median(rounds.flatMap((r) => r[kind].spreads));
  const missed = rounds.reduce((sum, r) => sum + r.crowd.missed + r.single.missed, 0);
  const refused = rounds.reduce((sum, r) => sum + r.crowd.refused + r.single.refused, 0);
  return [
    latency(50, null),
    latency(95, 50),
    latency(99, null),
    {
      id: `live${n}.floorRatio`,
      label: `Live update p95 ÷ floor p95, ${n} subscribers`,
      unit: '×',
      value: median(ratios),
      target:
        options.floorRatioTarget === null ? null : { op: '<=', value: options.floorRatioTarget },
      baseline: { value: 1, label: 'floor' },
      runs: ratios.map((ratio) => round(ratio, 2)),
    },
    {
      id: `live${n}.spread`,
      label: `First to last subscriber, ${n} subscribers (median)`,
      unit: 'ms',
      value: spreads('crowd'),
      target: null,
      baseline: { value: spreads('floor'), label: 'floor' },
    },
    {
      id: `live${n}.missed`,
      label: `Live updates missed or failed host commands, ${n} subscribers`,
      unit: '',
      value: missed + refused,
      target: { op: '==', value: 0 },
      baseline: {
        value: rounds.reduce((sum, r) => sum + r.floor.missed, 0),
        label: 'floor missed',
      },
    },
  ];
}
