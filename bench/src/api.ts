// Starts the benchmark's API host (api-host.ts) as a child process and reads its counters.
import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { Azurite } from './processes.js';
import { percentile, round } from './stats.js';
import { register, stopChild } from './processes.js';

export interface HostStats {
  /** Table Storage HTTP requests sent by the meeting store, by kind. */
  readonly requests: Record<string, number>;
  readonly committer: { commits: number; conflicts: number; batches: number };
  /** How long each of those requests took (ms), oldest first. */
  readonly storageMs: readonly number[];
}

export type HostMessage =
  { readonly type: 'ready'; readonly url: string } | ({ readonly type: 'stats' } & HostStats);

export interface ApiHost {
  readonly url: string;
  readonly pid: number | null;
  readonly maxBatch: number;
  stats(): Promise<HostStats>;
  stop(): Promise<void>;
}

export interface ApiHostOptions {
  readonly maxBatch: number;
  /** 'background' answers commands before the broadcast (the baseline of awaited broadcasts). */
  readonly announce?: 'awaited' | 'background';
  readonly tableName: string;
  readonly secret: string;
}

export async function startApiHost(azurite: Azurite, options: ApiHostOptions): Promise<ApiHost> {
  const child: ChildProcess = fork(join(import.meta.dirname, 'api-host.js'), [], {
    env: {
      ...process.env,
      ROUNDTABLE_MODE: 'local',
      ROUNDTABLE_STORAGE_CONNECTION: azurite.connectionString,
      ROUNDTABLE_SECRET: options.secret,
      ROUNDTABLE_TABLE_NAME: options.tableName,
      BENCH_MAX_BATCH: String(options.maxBatch),
      BENCH_ANNOUNCE: options.announce ?? 'awaited',
    },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    // BENCH_PROFILE_DIR=<folder> writes a CPU profile of each API host there when it stops.
    execArgv:
      process.env.BENCH_PROFILE_DIR === undefined
        ? []
        : ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE_DIR}`],
  });
  const stop = register(() => stopChild(child));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new Error('The API host did not start within 30 s.'));
    }, 30_000);
    child.once('exit', (code) => {
      reject(new Error(`The API host exited with code ${String(code)} before it was ready.`));
    });
    child.on('message', (message: HostMessage) => {
      if (message.type !== 'ready') return;
      clearTimeout(timer);
      resolve(message.url);
    });
  }).catch(async (error: unknown) => {
    await stop();
    throw error;
  });
  return {
    url,
    pid: child.pid ?? null,
    maxBatch: options.maxBatch,
    stop,
    stats: () =>
      new Promise<HostStats>((resolve) => {
        const listen = (message: HostMessage) => {
          if (message.type !== 'stats') return;
          child.off('message', listen);
          resolve({
            requests: message.requests,
            committer: message.committer,
            storageMs: message.storageMs,
          });
        };
        child.on('message', listen);
        child.send({ type: 'stats' });
      }),
  };
}

/** What happened between two readings of a host's counters. */
export function difference(before: HostStats, after: HostStats) {
  const requests: Record<string, number> = {};
  for (const [kind, count] of Object.entries(after.requests)) {
    const delta = count - (before.requests[kind] ?? 0);
    if (delta > 0) requests[kind] = delta;
  }
  return {
    requests,
    totalRequests: Object.values(requests).reduce((total, count) => total + count, 0),
    commits: after.committer.commits - before.committer.commits,
    conflicts: after.committer.conflicts - before.committer.conflicts,
    batches: after.committer.batches - before.committer.batches,
    storageMs: after.storageMs.slice(before.storageMs.length),
  };
}

/** The p50 and p95 of Table Storage request times, as seen from the API host. */
export function storageLatency(storageMs: readonly number[]) {
  return {
    requests: storageMs.length,
    p50: round(percentile(storageMs, 50), 1),
    p95: round(percentile(storageMs, 95), 1),
  };
}
