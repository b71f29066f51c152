// Starts the benchmark's API host (api-host.ts) as a child process and reads its counters.
import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { Azurite } from './processes.js';
import { percentile, round } from './stats.js';
import { register, stopChild } from './processes.js';

export interface HostStats {
  /** Table Storage HTTP requests sent by the meeting store, by kind. */
  readonly requests: Record<string, number>;
  /** Bytes of request bodies sent to Table Storage (writes) and of response bodies read. */
  readonly bytes: { readonly written: number; readonly read: number };
  readonly committer: { commits: number; conflicts: number; batches: number };
  /** How long each of those requests took (ms), oldest first. */
  readonly storageMs: readonly number[];
}

/** The API process's memory: the heap after a full collection, and the resident set (bytes). */
export interface HostMemory {
  readonly collected: boolean;
  readonly heapUsed: number;
  readonly rss: number;
  readonly external: number;
  readonly arrayBuffers: number;
}

export type HostMessage =
  | { readonly type: 'ready'; readonly url: string }
  | ({ readonly type: 'stats' } & HostStats)
  | ({ readonly type: 'memory' } & HostMemory);

export interface ApiHost {
  readonly url: string;
  readonly pid: number | null;
  readonly maxBatch: number;
  stats(): Promise<HostStats>;
  memory(): Promise<HostMemory>;
  stop(): Promise<void>;
}

export interface ApiHostOptions {
  readonly maxBatch: number;
  /** 'background' answers commands before the broadcast (the baseline of awaited broadcasts). */
  readonly announce?: 'awaited' | 'background';
  readonly tableName: string;
  readonly secret: string;
  /**
   * The largest state (gzip bytes) the state row holds itself; Infinity writes the whole state
   * with every commit, the layout before decision 011 (the growth section's baseline).
   */
  readonly inlineStateBytes?: number;
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
      BENCH_INLINE_STATE_BYTES: String(options.inlineStateBytes ?? ''),
    },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    // BENCH_PROFILE_DIR=<folder> writes a CPU profile of each API host there when it stops.
    // --expose-gc lets the memory figures read the heap after a full collection.
    execArgv: [
      '--expose-gc',
      ...(process.env.BENCH_PROFILE_DIR === undefined
        ? []
        : ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE_DIR}`]),
    ],
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
    stats: () => ask(child, 'stats'),
    memory: () => ask(child, 'memory'),
  };
}

/** Asks the host for its counters or its memory over IPC. */
function ask(child: ChildProcess, type: 'stats'): Promise<HostStats>;
function ask(child: ChildProcess, type: 'memory'): Promise<HostMemory>;
function ask(child: ChildProcess, type: 'stats' | 'memory'): Promise<HostStats | HostMemory> {
  return new Promise((resolve) => {
    const listen = (message: HostMessage) => {
      if (message.type !== type) return;
      child.off('message', listen);
      resolve(message);
    };
    child.on('message', listen);
    child.send({ type });
  });
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
    bytesWritten: after.bytes.written - before.bytes.written,
    bytesRead: after.bytes.read - before.bytes.read,
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
