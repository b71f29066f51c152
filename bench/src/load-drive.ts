// Drives the many-meetings load: everyone acts for a while, each after their own think time, and
// the answers, storage requests and CPU are summed up.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { difference, storageLatency, type ApiHost } from './api.js';
import { command, type Sent } from './client.js';
import { coresUsed } from './cpu.js';
import { choose, type Member } from './meeting-member.js';
import { now, percentile, round, seeded, sleep } from './stats.js';

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

export interface Drive {
  readonly sent: Sent[];
  readonly seconds: number;
  readonly offeredPerSecond: number;
  readonly storage: ReturnType<typeof difference>;
  readonly eventLoopDelayMs: { p50: number; p99: number };
  /** Cores each process kept busy meanwhile (see the run's `machine` figures). */
  readonly cores: Record<string, number>;
}

/** Everyone acts for `seconds`, thinking `think` ms (a range) after each answer. */
export async function drive(
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

export function summary(run: Drive) {
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
