// The tab built for production, once per test file, as the deployed tab is built: no local-mode
// mark in its pages, and an Entra client id so the consent pop-up is offered.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(import.meta.dirname, '../../..');
export const TEST_CLIENT_ID = '00000000-0000-4000-8000-00000000a002';

export async function buildTab(): Promise<{ dir: string; remove: () => void }> {
  const dir = mkdtempSync(join(tmpdir(), 'roundtable-teams-tab-'));
  await new Promise<void>((resolve, reject) => {
    const vite = spawn(
      process.execPath,
      [
        join(root, 'node_modules/vite/bin/vite.js'),
        'build',
        '--outDir',
        dir,
        '--emptyOutDir',
        '--logLevel',
        'error',
      ],
      {
        cwd: join(root, 'tabs'),
        env: { ...process.env, VITE_ROUNDTABLE_CLIENT_ID: TEST_CLIENT_ID },
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    );
    let errors = '';
    vite.stderr.on('data', (chunk: Buffer) => {
      errors += chunk.toString();
    });
    vite.once('exit', (code) => {
      if (code === 0) resolve();
      else reject(new Error(`vite build failed: ${errors.slice(0, 2000)}`));
    });
  });
  return {
    dir,
    remove: () => {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
