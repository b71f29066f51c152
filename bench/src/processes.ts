// Every process the benchmark starts is registered here and stopped on the way out, however the
// run ends: normally, on a failure, or on Ctrl-C.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { get } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sleep } from './stats.js';

export const ROOT = join(import.meta.dirname, '../..');

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

export async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

// Azurite runs under a guard that kills it when this process's end of the guard's stdin closes,
// so even a benchmark killed with SIGKILL leaves no emulator behind.
const guard = `
import { spawn } from 'node:child_process';
const azurite = spawn(process.execPath, process.argv.slice(1), { stdio: ['ignore', 'ignore', 'inherit'] });
azurite.on('exit', (code) => process.exit(code ?? 1));
process.once('SIGTERM', () => azurite.kill('SIGTERM')).on('SIGTERM', () => {});
process.stdin.on('close', () => azurite.kill('SIGKILL')).resume();
`;

// The emulator's published development account; it guards nothing.
const ACCOUNT = 'devstoreaccount1';
const ACCOUNT_KEY =
  'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

export interface Azurite {
  readonly connectionString: string;
  /** The emulator's own process (under its guard), for CPU accounting. */
  readonly pid: number | null;
  readonly stop: Stopper;
}

function childOf(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim();
    return children === '' ? null : Number(children.split(' ')[0]);
  } catch {
    return null;
  }
}

/** Azurite in memory (tables, queues, blobs) on free ports of 127.0.0.1. */
export async function startAzurite(): Promise<Azurite> {
  const ports = { blob: await freePort(), queue: await freePort(), table: await freePort() };
  const args = [
    join(ROOT, 'node_modules/azurite/dist/src/azurite.js'),
    ...Object.entries(ports).flatMap(([service, port]) => [
      `--${service}Host=127.0.0.1`,
      `--${service}Port=${port}`,
    ]),
    '--inMemoryPersistence',
    '--skipApiVersionCheck',
    '--loose',
    '--disableTelemetry',
    '--silent',
  ];
  const child = spawn(process.execPath, ['--input-type=module', '--eval', guard, ...args], {
    cwd: tmpdir(),
    detached: true,
    stdio: ['pipe', 'ignore', 'inherit'],
  });
  const stop = register(() => stopChild(child));
  const deadline = Date.now() + 20_000;
  for (const [service, port] of [
    ['Azurite-Table', ports.table],
    ['Azurite-Queue', ports.queue],
    ['Azurite-Blob', ports.blob],
  ] as const) {
    while (!(await answers(port, service))) {
      if (child.exitCode !== null || Date.now() > deadline) {
        await stop();
        throw new Error(`${service} did not start on port ${port}.`);
      }
      await sleep(50);
    }
  }
  const endpoint = (port: number) => `http://127.0.0.1:${port}/${ACCOUNT}`;
  return {
    pid: childOf(child.pid),
    connectionString:
      `DefaultEndpointsProtocol=http;AccountName=${ACCOUNT};AccountKey=${ACCOUNT_KEY};` +
      `BlobEndpoint=${endpoint(ports.blob)};QueueEndpoint=${endpoint(ports.queue)};` +
      `TableEndpoint=${endpoint(ports.table)};`,
    stop,
  };
}

function answers(port: number, service: string): Promise<boolean> {
  return new Promise((resolve) => {
    const request = get(
      { host: '127.0.0.1', port, path: '/', agent: false, timeout: 1_000 },
      (r) => {
        r.resume();
        resolve(String(r.headers.server).startsWith(service));
      },
    );
    request.once('timeout', () => request.destroy());
    request.once('error', () => {
      resolve(false);
    });
  });
}
