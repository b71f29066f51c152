// Every process the benchmark starts is registered here and stopped on the way out, however the
// run ends: normally, on a failure, or on Ctrl-C.
import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { startAzurite as startEmulator } from '../../tests/support/azurite.js';

/** The repository: the folder holding package-lock.json, wherever the build put this file. */
export const ROOT = (() => {
  let dir = import.meta.dirname;
  while (!existsSync(join(dir, 'package-lock.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('The benchmark runs inside the Roundtable repository.');
    dir = up;
  }
  return dir;
})();

type Stopper = () => Promise<void>;
const stoppers = new Set<Stopper>();

/** Remembers how to stop something; returns the function that stops it (once) and forgets it. */
export function register(stop: Stopper): Stopper {
  let stopping: Promise<void> | undefined;
  const once = () => {
    stopping ??= stop().finally(() => stoppers.delete(once));
    return stopping;
  };
  stoppers.add(once);
  return once;
}

export async function stopAll(): Promise<void> {
  await Promise.allSettled([...stoppers].map((stop) => stop()));
}

/** Waits for a child to exit; after `graceMs` its whole process group is killed. */
export async function stopChild(child: ChildProcess, graceMs = 5_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => {
    try {
      if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
    } catch {
      child.kill('SIGKILL');
    }
  }, graceMs);
  await exited;
  clearTimeout(timer);
}

export { freePort } from '../../tests/support/free-port.js';

export interface Azurite {
  readonly connectionString: string;
  /** The emulator's own process (under its guard), for CPU accounting. */
  readonly pid: number | null;
  readonly stop: Stopper;
}

/** Azurite in memory (tables, queues, blobs) on free ports of 127.0.0.1: the tests' own emulator. */
export async function startAzurite(): Promise<Azurite> {
  const azurite = await startEmulator();
  return {
    connectionString: azurite.connectionString,
    pid: azurite.pid(),
    stop: register(() => azurite.stop()),
  };
}
