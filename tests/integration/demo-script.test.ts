// The built core runs in real Node (not only under Jest's transform): `npm run demo` plays a meeting.
import { describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '../..');

describe('npm run demo (scripted meeting on the built core)', () => {
  it('plays the meeting and prints a summary that matches what happened', () => {
    expect(existsSync(join(root, 'core/dist/index.js'))).toBe(true); // built by `tsc -b` in npm test
    const run = spawnSync(process.execPath, ['scripts/demo.js'], { cwd: root, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    // Five people arrived, four took turns; Ben's late point was still waiting at the end.
    expect(run.stdout).toContain('Participants 5 · spoke 4 (80%) · turns 5');
    expect(run.stdout).toContain('wanted to speak, not reached: 1');
    // The race between "Next" and "I'm done" ended one turn and refused the other.
    expect(run.stdout).toContain('refused: That turn has already ended.');
  });
});
