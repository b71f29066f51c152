import { describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { ROOT } from '../../scripts/app-package/common.js';

function run(command: string, args: string[]) {
  const result = spawnSync(command, args, { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  return { status: result.status, out: `${result.stdout}${result.stderr}` };
}

describe('npm run package', () => {
  it('writes the local package from a clean clone and says what it wrote', () => {
    const { status, out } = run('npm', ['run', '--silent', 'package']);
    expect(out).toMatch(
      /Wrote appPackage\/build\/appPackage\.local\.zip \(\d+ bytes: manifest\.json, color\.png, outline\.png, de\.json, ar\.json\) from env\/\.env\.local/,
    );
    expect(status).toBe(0);
    const entries = unzipSync(
      readFileSync(join(ROOT, 'appPackage', 'build', 'appPackage.local.zip')),
    );
    expect(Object.keys(entries).sort()).toEqual([
      'ar.json',
      'color.png',
      'de.json',
      'manifest.json',
      'outline.png',
    ]);
  });

  it('fails with a message and no stack trace for an environment that does not exist', () => {
    const { status, out } = run(process.execPath, ['scripts/package.js', '--env', 'no-such-env']);
    expect(status).toBe(1);
    expect(out.trim()).toMatch(/^There is no env\/\.env\.no-such-env\. Known environments: /);
    expect(out).not.toMatch(/\n\s+at /);
  });
});
