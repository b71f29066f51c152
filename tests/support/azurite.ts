// A private Azurite (Table + Queue + Blob) for one test file, on free ports of 127.0.0.1.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { get } from 'node:http';
import { createServer, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { setTimeout as delay } from 'node:timers/promises';

// Resolved as a package, so the benchmark can use this file from its own build folder too.
const azuriteScript = createRequire(import.meta.url).resolve('azurite/dist/src/azurite.js');
const startTimeoutMs = 15_000;
const stopTimeoutMs = 10_000;
const stderrTailLength = 2_000;

// Forwards one SIGTERM (Azurite shuts down on the first and dies on a second), exits with Azurite,
// and kills it when the test process's end of stdin closes.
const guard = `
import { spawn } from 'node:child_process';
const azurite = spawn(process.execPath, process.argv.slice(1), { stdio: ['ignore', 'ignore', 'inherit'] });
azurite.on('exit', (code) => process.exit(code ?? 1));
process.once('SIGTERM', () => azurite.kill('SIGTERM')).on('SIGTERM', () => {});
process.stdin.on('close', () => azurite.kill('SIGKILL')).resume();
`;

// The emulator's published development account; it guards nothing.
const account = 'devstoreaccount1';
const accountKey =
  'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

export interface Azurite {
  readonly connectionString: string;
  readonly tableEndpoint: string;
  readonly queueEndpoint: string;
  /** Shuts Azurite down (saving its data) and waits until it has exited; again does nothing. */
  stop(): Promise<void>;
  /** Starts Azurite again on the same ports (and, with `location`, the same data). */
  restart(): Promise<void>;
  /** The emulator's own process id (under its guard), for CPU accounting; null when stopped. */
  pid(): number | null;
}

export interface AzuriteOptions {
  /** A folder to keep the data in across restarts; without it the data lives in memory. */
  readonly location?: string;
}

interface Ports {
  readonly blob: number;
  readonly queue: number;
  readonly table: number;
}

export async function startAzurite(options: AzuriteOptions = {}): Promise<Azurite> {
  const ports: Ports = { blob: await freePort(), queue: await freePort(), table: await freePort() };
  const tableEndpoint = `http://127.0.0.1:${ports.table}/${account}`;
  const queueEndpoint = `http://127.0.0.1:${ports.queue}/${account}`;
  const blobEndpoint = `http://127.0.0.1:${ports.blob}/${account}`;
  let running: ChildProcess | null = await launch(ports, options.location);

  const stop = async (): Promise<void> => {
    if (running !== null) await kill(running);
    running = null;
  };
  return {
    connectionString:
      `DefaultEndpointsProtocol=http;AccountName=${account};AccountKey=${accountKey};` +
      `BlobEndpoint=${blobEndpoint};QueueEndpoint=${queueEndpoint};TableEndpoint=${tableEndpoint};`,
    tableEndpoint,
    queueEndpoint,
    stop,
    restart: async () => {
      await stop();
      running = await launch(ports, options.location);
    },
    pid: () => (running === null ? null : childOf(running.pid)),
  };
}

async function launch(ports: Ports, location: string | undefined): Promise<ChildProcess> {
  const args = [
    azuriteScript,
    '--blobHost=127.0.0.1',
    `--blobPort=${ports.blob}`,
    '--queueHost=127.0.0.1',
    `--queuePort=${ports.queue}`,
    '--tableHost=127.0.0.1',
    `--tablePort=${ports.table}`,
    '--skipApiVersionCheck',
    '--loose',
    '--disableTelemetry',
    '--silent',
    ...(location === undefined ? ['--inMemoryPersistence'] : ['--location', location]),
  ];
  // Azurite runs under a guard in its own process group. The guard reads our end of a pipe: when
  // this process ends, however it ends (Jest kills workers), the pipe closes and Azurite goes too.
  const child = spawn(process.execPath, ['--input-type=module', '--eval', guard, ...args], {
    cwd: location ?? tmpdir(),
    detached: true,
    stdio: ['pipe', 'ignore', 'pipe'],
  });
  // Neither the guard nor its pipes keep this process alive.
  child.unref();
  for (const pipe of [child.stdin, child.stderr]) if (pipe instanceof Socket) pipe.unref();
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (text: string) => {
    stderr = (stderr + text).slice(-stderrTailLength);
  });

  const deadline = Date.now() + startTimeoutMs;
  const services = [
    ['Azurite-Table', ports.table],
    ['Azurite-Queue', ports.queue],
    ['Azurite-Blob', ports.blob],
  ] as const;
  for (const [service, port] of services) {
    while (!(await serves(port, service))) {
      if (child.exitCode !== null || child.signalCode !== null || Date.now() > deadline) {
        await kill(child);
        const why =
          child.exitCode === null ? `did not answer within ${startTimeoutMs} ms` : 'exited';
        throw new Error(`${service} ${why} on port ${port}. Its stderr ended with:\n${stderr}`);
      }
      await delay(50);
    }
  }
  return child;
}

/** The first child of a process (Linux /proc), or null. */
function childOf(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim();
    return children === '' ? null : Number(children.split(' ')[0]);
  } catch {
    return null;
  }
}

/** Asks Azurite to shut down (it saves its data on SIGTERM); the whole group dies if it hangs. */
async function kill(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => {
    try {
      if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
    } catch {
      // The group ended on its own meanwhile.
    }
  }, stopTimeoutMs);
  await exited;
  clearTimeout(timer);
}

/** A port nobody listens on now; the OS does not hand it out again right away. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject).listen(0, '127.0.0.1', resolve);
  });
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === 'string') throw new Error('No TCP port was assigned.');
  return address.port;
}

/** Whether this Azurite service answers on the port (and not some other program). */
function serves(port: number, service: string): Promise<boolean> {
  return new Promise((resolve) => {
    const options = { host: '127.0.0.1', port, path: '/', agent: false, timeout: 1_000 };
    const request = get(options, (response) => {
      response.resume();
      resolve(String(response.headers.server).startsWith(service));
    });
    request.once('timeout', () => request.destroy());
    request.once('error', () => {
      resolve(false);
    });
  });
}
