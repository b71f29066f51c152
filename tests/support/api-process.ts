// The built API (api/dist) on its local host in a child process, for tests that kill it and start
// it again on the same port. Run `tsc -b` first (npm test does).
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { freePort } from './free-port.js';
import { spawnGuarded, type Guarded } from './guarded-process.js';

const root = join(import.meta.dirname, '../..');
const entry = join(root, 'api/dist/host/start-local.js');
const startTimeoutMs = 20_000;

export interface ApiProcess {
  /** `http://127.0.0.1:{port}`, the same across restarts. */
  readonly url: string;
  /** Starts the API (again) on the same port and waits until it answers. */
  start(): Promise<void>;
  /** SIGKILL, as a crash: no graceful shutdown. Resolves once the process is gone. */
  kill(): Promise<void>;
  /** SIGTERM, and waits until it has exited; again does nothing. */
  stop(): Promise<void>;
  /** The end of what the API wrote to stdout and stderr, for failure messages. */
  output(): string;
}

export interface ApiProcessOptions {
  /** The Azurite connection string. */
  readonly storage: string;
  readonly secret?: string;
  readonly tableName?: string;
}

export async function startApiProcess(options: ApiProcessOptions): Promise<ApiProcess> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ROUNDTABLE_MODE: 'local',
    ROUNDTABLE_STORAGE_CONNECTION: options.storage,
    ROUNDTABLE_SECRET: options.secret ?? 'reliability-secret-0123456789-abcdefghijklmnop',
    ROUNDTABLE_API_PORT: String(port),
    ...(options.tableName === undefined ? {} : { ROUNDTABLE_TABLE_NAME: options.tableName }),
  };
  let running: Guarded | null = null;
  let lastOutput = '';

  const start = async () => {
    if (running !== null) throw new Error('The API is already running.');
    const api = spawnGuarded([entry], { cwd: root, env });
    running = api;
    const deadline = Date.now() + startTimeoutMs;
    while (!(await answers(url))) {
      if (api.exited() || Date.now() > deadline) {
        await api.kill();
        running = null;
        throw new Error(`The API did not start on ${url}. Its output ended with:\n${api.output()}`);
      }
      await delay(50);
    }
  };
  const end = async (how: 'kill' | 'stop') => {
    const api = running;
    if (api === null) return;
    await (how === 'kill' ? api.kill() : api.stop());
    lastOutput = api.output();
    running = null;
  };

  await start();
  return {
    url,
    start,
    kill: () => end('kill'),
    stop: () => end('stop'),
    output: () => running?.output() ?? lastOutput,
  };
}

/** Whether the API answers at all: health may say 503 while storage is down, which is an answer. */
async function answers(url: string): Promise<boolean> {
  try {
    const response = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(2_000) });
    await response.body?.cancel();
    return true;
  } catch {
    return false;
  }
}
