// The whole local stack for browser tests: Azurite, the built API on its local host, and the tab's
// dev server, each on a free port; the API can be stopped and restarted on the same port.
// Headless Debian Chromium through playwright-core; with CI=true a missing Chromium is a failure.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { startAzurite, type Azurite } from '../support/azurite.js';
import { CHROMIUM } from '../support/chromium.js';
import { freePort } from '../support/free-port.js';

export { CHROMIUM, launchChromium } from '../support/chromium.js';

const root = join(import.meta.dirname, '../..');
export const SCREENSHOTS = join(root, 'tests/e2e/screenshots');

export interface Stack {
  readonly tabUrl: string;
  stopApi(): Promise<void>;
  startApi(): Promise<void>;
  stop(): Promise<void>;
}

async function waitFor(url: string, what: string): Promise<void> {
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // Not up yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${what} did not answer at ${url}.`);
}

/** True when a browser is available; with CI=true its absence throws instead of skipping. */
export function chromiumAvailable(): boolean {
  if (existsSync(CHROMIUM)) return true;
  if (process.env.CI === 'true') {
    throw new Error(
      `Chromium is missing at ${CHROMIUM}; .ci/run installs it with apt-get install chromium.`,
    );
  }
  return false;
}

function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null
    ? Promise.resolve()
    : new Promise((resolve) =>
        child.once('exit', () => {
          resolve();
        }),
      );
}

export async function startStack(): Promise<Stack> {
  const azurite: Azurite = await startAzurite();
  const apiPort = await freePort();
  const tabPort = await freePort();
  const apiEnv = {
    ...process.env,
    ROUNDTABLE_MODE: 'local',
    ROUNDTABLE_STORAGE_CONNECTION: azurite.connectionString,
    ROUNDTABLE_SECRET: 'e2e-secret-0123456789-abcdefghijklmnopqrstuv',
    ROUNDTABLE_API_PORT: String(apiPort),
  };
  let api: ChildProcess | null = null;
  const startApi = async () => {
    api = spawn(process.execPath, ['api/dist/host/start-local.js'], {
      cwd: root,
      env: apiEnv,
      stdio: 'ignore',
    });
    await waitFor(`http://127.0.0.1:${apiPort}/api/health`, 'The API');
  };
  await startApi();
  const tab = spawn(
    process.execPath,
    [join(root, 'node_modules/vite/bin/vite.js'), '--logLevel', 'error'],
    {
      cwd: join(root, 'tabs'),
      env: {
        ...process.env,
        ROUNDTABLE_API_URL: `http://127.0.0.1:${apiPort}`,
        ROUNDTABLE_TAB_PORT: String(tabPort),
      },
      stdio: 'ignore',
    },
  );
  const tabUrl = `http://127.0.0.1:${tabPort}`;
  await waitFor(`${tabUrl}/dev.html`, 'The tab');
  return {
    tabUrl,
    startApi,
    stopApi: async () => {
      const running = api;
      if (running === null) return;
      running.kill('SIGKILL');
      await exited(running);
      api = null;
    },
    stop: async () => {
      const running = api;
      running?.kill('SIGTERM');
      tab.kill('SIGTERM');
      await Promise.all([running ? exited(running) : Promise.resolve(), exited(tab)]);
      await azurite.stop();
    },
  };
}
