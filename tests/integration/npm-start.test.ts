// `npm start`'s orchestrator brings up Azurite and the API, answers, and stops both on Ctrl-C.
import { describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../support/free-port.js';

const root = join(import.meta.dirname, '../..');

describe('scripts/start.js', () => {
  it('starts Azurite, the API and the tab, prints where they are, and stops them all on SIGINT', async () => {
    const ports = {
      tab: await freePort(),
      api: await freePort(),
      table: await freePort(),
      queue: await freePort(),
      blob: await freePort(),
    };
    const child = spawn(process.execPath, ['scripts/start.js'], {
      cwd: root,
      env: {
        ...process.env,
        ROUNDTABLE_DATA_DIR: mkdtempSync(join(tmpdir(), 'roundtable-start-')),
        ROUNDTABLE_SECRET: 'start-test-secret-0123456789-abcdefghijklmnop',
        ROUNDTABLE_API_PORT: String(ports.api),
        ROUNDTABLE_TAB_PORT: String(ports.tab),
        ROUNDTABLE_AZURITE_TABLE_PORT: String(ports.table),
        ROUNDTABLE_AZURITE_QUEUE_PORT: String(ports.queue),
        ROUNDTABLE_AZURITE_BLOB_PORT: String(ports.blob),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const started = Date.now();
    while (
      !output.includes('Roundtable is running') &&
      Date.now() - started < 40_000 &&
      child.exitCode === null
    ) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(output).toContain(`http://127.0.0.1:${ports.api}/api`);
    expect(output).toContain(`http://127.0.0.1:${ports.tab}/dev.html`);
    const page = await fetch(`http://127.0.0.1:${ports.tab}/dev.html`);
    expect(await page.text()).toContain('<div id="root"></div>');
    // The tab's server forwards /api to the local API, so the browser talks to one origin.
    const health = await fetch(`http://127.0.0.1:${ports.tab}/api/health`);
    expect(await health.json()).toMatchObject({ status: 'ok', storage: 'ok', mode: 'local' });
    child.kill('SIGINT');
    const code = await new Promise((resolve) => child.once('exit', resolve));
    expect(code).toBe(0);
    await expect(fetch(`http://127.0.0.1:${ports.api}/api/health`)).rejects.toThrow();
    await expect(fetch(`http://127.0.0.1:${ports.tab}/`)).rejects.toThrow();
  }, 60_000);
});
