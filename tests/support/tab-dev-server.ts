// The tab's Vite dev server in a child process, forwarding /api to a given API, on a free port.
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { freePort } from './free-port.js';
import { spawnGuarded } from './guarded-process.js';

const root = join(import.meta.dirname, '../..');
const startTimeoutMs = 30_000;

export interface TabDevServer {
  readonly url: string;
  stop(): Promise<void>;
}

export async function startTabDevServer(apiUrl: string): Promise<TabDevServer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const vite = spawnGuarded([join(root, 'node_modules/vite/bin/vite.js'), '--logLevel', 'error'], {
    cwd: join(root, 'tabs'),
    env: { ...process.env, ROUNDTABLE_API_URL: apiUrl, ROUNDTABLE_TAB_PORT: String(port) },
  });
  const deadline = Date.now() + startTimeoutMs;
  for (;;) {
    try {
      const response = await fetch(`${url}/index.html`, { signal: AbortSignal.timeout(5_000) });
      await response.body?.cancel();
      if (response.ok) break;
    } catch {
      // Not listening yet.
    }
    if (vite.exited() || Date.now() > deadline) {
      await vite.kill();
      throw new Error(`The tab did not start on ${url}. Its output ended with:\n${vite.output()}`);
    }
    await delay(100);
  }
  return { url, stop: () => vite.stop(5_000) };
}
