// Many meetings at once: M meetings of P people, each person with a live stream open (as every
// side panel has), acting on what they see for a fixed time: the host moves the queue on, people
// join, leave, finish their turn and thank the speaker. Closed loop: after each answer a person
// thinks 2–8 s — a very busy meeting, several times livelier than a real one, and well under the
// rate limit (30 commands per 10 s). Then the same people again with no think time at all: what
// one API instance on this machine can take (the throughput baseline).
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { PublicCommand, PublicView } from '@roundtable/core';
import { difference, storageLatency, type ApiHost } from './api.js';
import { command, liveUrl, open, resends, signInAll, type Person, type Sent } from './client.js';
import { LiveStream, quiet } from './live.js';
import { coresUsed } from './cpu.js';
import type { Section } from './report.js';
import { mapLimit, median, now, percentile, round, seeded, sleep } from './stats.js';

const BUSY_THINK_MS = [2_000, 8_000] as const;

interface Member {
  readonly person: Person;
  readonly meetingId: string;
  readonly participantId: string;
  readonly isHost: boolean;
  readonly stream: LiveStream;
  /** The freshest view seen: the live stream's or the person's own last answer. */
  latest: PublicView;
  readonly thanked: Set<string>;
}

function freshest(member: Member): PublicView {
  if (member.stream.latestVersion > member.latest.version) {
    member.latest = member.stream.latest();
  }
  return member.latest;
}

function choose(member: Member, random: () => number): PublicCommand {
  const view = freshest(member);
  const current = view.current;
  if (member.isHost) {
    if (current !== null || view.queue.length > 0) {
      return { type: 'next', currentTurnId: current?.turnId ?? null };
    }
    return { type: 'setTimebox', seconds: view.timeboxSeconds === null ? 120 : null };
  }
  if (current?.participantId === member.participantId) {
    return { type: 'finish', turnId: current.turnId };
  }
  if (current !== null && !member.thanked.has(current.turnId) && random() < 0.35) {
    member.thanked.add(current.turnId);
    return { type: 'appreciate', turnId: current.turnId };
  }
  const mine = view.queue.find((entry) => entry.participantId === member.participantId);
  if (mine) return { type: 'leave', kind: mine.kind };
  return { type: 'join', kind: random() < 0.85 ? 'point' : 'reply' };
}

function tally(items: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) counts[item] = (counts[item] ?? 0) + 1;
  return counts;
}

/** The latencies of commands sent in each window of `ms`, in order. */
function windows(sent: readonly Sent[], ms: number): number[][] {
  const first = Math.min(...sent.map((s) => s.startedAt));
  const buckets: number[][] = [];
  for (const s of sent) (buckets[Math.floor((s.startedAt - first) / ms)] ??= []).push(s.latencyMs);
  return Array.from({ length: buckets.length }, (_, i) => buckets[i] ?? []);
}

interface Drive {
  readonly sent: Sent[];
  readonly seconds: number;
  readonly offeredPerSecond: number;
  readonly storage: ReturnType<typeof difference>;
  readonly eventLoopDelayMs: { p50: number; p99: number };
  /** Cores each process kept busy meanwhile (2 exist on this machine, shared). */
  readonly cores: Record<string, number>;
}

/** Everyone acts for `seconds`, thinking `think` ms (a range) after each answer. */
async function drive(
  host: ApiHost,
  members: Member[],
  seconds: number,
  think: readonly [number, number],
  seed: number,
  pids: Readonly<Record<string, number | null>>,
): Promise<Drive> {
  const before = await host.stats();
  const sent: Sent[] = [];
  const thinks: number[] = [];
  const lag = monitorEventLoopDelay({ resolution: 1 });
  lag.enable();
  const end = now() + seconds * 1000;
  const [least, most] = think;
  const { cores } = await coresUsed(pids, () =>
    Promise.all(
      members.map(async (member, i) => {
        const random = seeded(seed * 100_000 + i);
        await sleep(random() * most);
        while (now() < end) {
          const result = await command(
            host.url,
            member.meetingId,
            member.person,
            choose(member, random),
          );
          sent.push(result);
          if (result.view !== null && result.view.version >= member.latest.version) {
            member.latest = result.view;
          }
          const pause = least + random() * (most - least);
          thinks.push(pause);
          await sleep(pause);
        }
      }),
    ),
  );
  lag.disable();
  const meanThinkS = thinks.reduce((sum, t) => sum + t, 0) / Math.max(1, thinks.length) / 1000;
  return {
    sent,
    seconds,
    offeredPerSecond: meanThinkS > 0 ? members.length / meanThinkS : Number.POSITIVE_INFINITY,
    storage: difference(before, await host.stats()),
    cores,
    // The histogram counts its 1 ms resolution too.
    eventLoopDelayMs: {
      p50: round(lag.percentile(50) / 1e6 - 1, 1),
      p99: round(lag.percentile(99) / 1e6 - 1, 1),
    },
  };
}

function summary(run: Drive) {
  const answered = run.sent.filter((s) => s.answered);
  const latencies = answered.map((s) => s.latencyMs);
  return {
    commands: run.sent.length,
    answered: answered.length,
    commandsPerSecond: round(answered.length / run.seconds, 1),
    refusedByARule: answered.filter((s) => s.refused).length,
    unanswered: run.sent.length - answered.length,
    errors: run.sent.reduce((sum, s) => sum + s.errors, 0),
    problems: tally(run.sent.flatMap((s) => s.problems)),
    retriedAttempts: run.sent.reduce((sum, s) => sum + s.attempts - 1, 0),
    latencyMs: {
      p50: round(percentile(latencies, 50), 1),
      p95: round(percentile(latencies, 95), 1),
      p99: round(percentile(latencies, 99), 1),
      max: round(Math.max(...latencies), 1),
    },
    storage: { ...run.storage.requests, commits: run.storage.commits },
    storageRequestMs: storageLatency(run.storage.storageMs),
    storageRequestsPerCommand: round(run.storage.totalRequests / Math.max(1, run.sent.length), 3),
    p95ByFiveSecondsMs: windows(answered, 5_000).map((w) => round(percentile(w, 95), 0)),
    loadGeneratorEventLoopDelayMs: run.eventLoopDelayMs,
    coresBusy: run.cores,
  };
}

export async function manyMeetings(
  host: ApiHost,
  options: {
    meetings: number;
    people: number;
    seconds: number;
    capacitySeconds: number;
    runId: string;
    idleLatenciesMs: readonly number[];
    pids: Readonly<Record<string, number | null>>;
  },
): Promise<Section> {
  const specs = Array.from({ length: options.meetings * options.people }, (_, i) => ({
    name: `Load ${Math.floor(i / options.people) + 1}.${(i % options.people) + 1}`,
    role: i % options.people === 0 ? ('organizer' as const) : ('attendee' as const),
  }));
  const people = await signInAll(host.url, specs);
  const members = await mapLimit(people, 32, async (person, i): Promise<Member> => {
    const meetingId = `bench-load-${Math.floor(i / options.people) + 1}-${options.runId}`;
    const view = await open(host.url, meetingId, person);
    const stream = await LiveStream.open(await liveUrl(host.url, meetingId, person));
    return {
      person,
      meetingId,
      participantId: view.you.participantId,
      isHost: person.role === 'organizer',
      stream,
      latest: view,
      thanked: new Set(),
    };
  });
  try {
    await quiet(
      members.map((m) => m.stream),
      500,
    );
    const resendsBefore = resends.staleConnection;
    const paced = await drive(host, members, options.seconds, BUSY_THINK_MS, 1, options.pids);
    const staleResends = resends.staleConnection - resendsBefore;
    await quiet(
      members.map((m) => m.stream),
      500,
    );
    const saturated = await drive(host, members, options.capacitySeconds, [0, 0], 2, options.pids);
    const busy = summary(paced);
    const capacity = summary(saturated);
    const name = `${options.meetings} × ${options.people}`;
    return {
      name: 'Many meetings',
      figures: [
        {
          id: 'load.commandsPerSecond',
          label: `${options.meetings} meetings × ${options.people} people, ${options.seconds} s: throughput`,
          unit: 'commands/s',
          value: busy.answered / options.seconds,
          target: null,
          baseline: { value: capacity.answered / options.capacitySeconds, label: 'no think time' },
        },
        {
          id: 'load.p95Ms',
          label: `${name}: command latency p95 (median of 5-s windows)`,
          unit: 'ms',
          value: median(busy.p95ByFiveSecondsMs),
          target: null,
          baseline: { value: percentile(options.idleLatenciesMs, 95), label: 'one person, idle' },
          runs: busy.p95ByFiveSecondsMs,
        },
        {
          id: 'load.errors',
          label: `${name}: errors (5xx, 429, timeouts, resets)`,
          unit: '',
          value: busy.errors,
          target: { op: '==', value: 0 },
          baseline: { value: capacity.errors, label: 'no think time' },
        },
        {
          id: 'load.requestsPerCommand',
          label: `${name}: Table Storage requests per command`,
          unit: '',
          value: paced.storage.totalRequests / Math.max(1, paced.sent.length),
          target: { op: '<=', value: 2 },
          baseline: {
            value: saturated.storage.totalRequests / Math.max(1, saturated.sent.length),
            label: 'no think time',
          },
        },
      ],
      details: {
        meetings: options.meetings,
        peoplePerMeeting: options.people,
        liveStreams: members.length,
        thinkMs: BUSY_THINK_MS,
        offeredCommandsPerSecond: round(paced.offeredPerSecond, 0),
        staleConnectionResends: staleResends,
        busy: { seconds: options.seconds, ...busy },
        noThinkTime: { seconds: options.capacitySeconds, ...capacity },
      },
    };
  } finally {
    for (const member of members) member.stream.close();
  }
}
