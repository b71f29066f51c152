// Live latency: N people follow one meeting over server-sent events; the host sends a command;
// for each subscriber, the time from sending the command to receiving the view with its version.
// The baseline is the same measurement in a meeting with a single subscriber, interleaved round
// by round so both see the same machine.
import type { PublicCommand } from '@roundtable/core';
import { difference, storageLatency, type ApiHost } from './api.js';
import { command, liveUrl, open, signIn, signInAll, type Person } from './client.js';
import { LiveStream, quiet, until } from './live.js';
import type { Section } from './report.js';
import { mapLimit, median, now, percentile, round, sleep } from './stats.js';

const HOST_COMMANDS: readonly PublicCommand[] = [
  { type: 'lock' },
  { type: 'unlock' },
  { type: 'setTimebox', seconds: 120 },
  { type: 'setTimebox', seconds: null },
];
/** The host stays under the rate limit (30 commands per 10 s per person per meeting). */
const PACE_MS = 400;

interface Audience {
  readonly meetingId: string;
  readonly streams: LiveStream[];
}

async function gather(host: ApiHost, meetingId: string, people: readonly Person[]) {
  const streams = await mapLimit(people, 16, async (person) =>
    LiveStream.open(await liveUrl(host.url, meetingId, person)),
  );
  return { meetingId, streams };
}

interface Samples {
  readonly latencies: number[];
  /** Per command: from the first subscriber's arrival to the last one's (the fan-out). */
  readonly spreads: number[];
  readonly commandMs: number[];
  missed: number;
  refused: number;
}

const samples = (): Samples => ({
  latencies: [],
  spreads: [],
  commandMs: [],
  missed: 0,
  refused: 0,
});

/** One host command; every subscriber's delay until the view with its version arrived. */
async function measure(
  host: ApiHost,
  organiser: Person,
  audience: Audience,
  i: number,
  into: Samples,
) {
  const body = HOST_COMMANDS[i % HOST_COMMANDS.length] ?? { type: 'lock' };
  const sentAt = now();
  const sent = await command(host.url, audience.meetingId, organiser, body);
  into.commandMs.push(sent.latencyMs);
  const version = sent.view?.version;
  if (sent.status !== 200 || version === undefined) {
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

export async function liveLatency(
  host: ApiHost,
  options: { subscribers: number; rounds: number; commandsPerRound: number; runId: string },
): Promise<Section> {
  const organiser = await signIn(host.url, 'Live Host', 'organizer');
  const listeners = await signInAll(
    host.url,
    Array.from({ length: options.subscribers }, (_, i) => ({
      name: `Listener ${i + 1}`,
      role: 'attendee' as const,
    })),
  );
  const many = `bench-live-${options.runId}`;
  const one = `bench-live-one-${options.runId}`;
  await open(host.url, many, organiser);
  await open(host.url, one, organiser);
  const crowd = await gather(host, many, listeners);
  const single = await gather(host, one, listeners.slice(0, 1));
  const streams = [...crowd.streams, ...single.streams];
  try {
    await quiet(streams, 500);
    const before = await host.stats();
    const rounds: { crowd: Samples; single: Samples }[] = [];
    for (let r = 0; r < options.rounds; r++) {
      const current = { crowd: samples(), single: samples() };
      // Command by command in turn, so the baseline meets the same moments of a shared machine.
      for (let i = 0; i < options.commandsPerRound; i++) {
        await measure(host, organiser, crowd, i, current.crowd);
        await sleep(PACE_MS);
        await measure(host, organiser, single, i, current.single);
        await sleep(PACE_MS);
      }
      rounds.push(current);
    }
    const storage = difference(before, await host.stats());
    const per = (pick: (r: { crowd: Samples; single: Samples }) => Samples, p: number) =>
      rounds.map((r) => percentile(pick(r).latencies, p));
    const figure = (p: number, target: number | null) => ({
      id: `live.p${p}`,
      label: `Live update p${p}, ${options.subscribers} subscribers`,
      unit: 'ms',
      value: median(per((r) => r.crowd, p)),
      target: target === null ? null : { op: '<=' as const, value: target },
      baseline: { value: median(per((r) => r.single, p)), label: '1 subscriber' },
      runs: per((r) => r.crowd, p).map((ms) => round(ms, 1)),
    });
    const missed = rounds.reduce((sum, r) => sum + r.crowd.missed + r.single.missed, 0);
    const refused = rounds.reduce((sum, r) => sum + r.crowd.refused + r.single.refused, 0);
    return {
      name: 'Live latency',
      figures: [
        figure(50, null),
        figure(95, 50),
        figure(99, null),
        {
          id: 'live.missed',
          label: 'Live updates missed or failed host commands',
          unit: '',
          value: missed + refused,
          target: { op: '==', value: 0 },
          baseline: null,
        },
      ],
      details: {
        subscribers: options.subscribers,
        rounds: options.rounds,
        commandsPerRound: options.commandsPerRound,
        samples: rounds.reduce((sum, r) => sum + r.crowd.latencies.length, 0),
        missedUpdates: missed,
        refusedHostCommands: refused,
        hostCommandRoundTripMs: {
          p50: round(median(rounds.flatMap((r) => r.crowd.commandMs)), 1),
          p95: round(
            percentile(
              rounds.flatMap((r) => r.crowd.commandMs),
              95,
            ),
            1,
          ),
        },
        storageRequestMs: storageLatency(storage.storageMs),
        firstToLastSubscriberMs: {
          p50: round(median(rounds.flatMap((r) => r.crowd.spreads)), 1),
          p95: round(
            percentile(
              rounds.flatMap((r) => r.crowd.spreads),
              95,
            ),
            1,
          ),
        },
        latency:
          'from sending the host command to the subscriber receiving the view with its version',
      },
    };
  } finally {
    for (const stream of streams) stream.close();
  }
}
