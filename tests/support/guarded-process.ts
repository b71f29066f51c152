// A child Node process for tests, run under a guard in its own process group: when the test
// process ends however it ends (Jest kills workers), the guard's end of a pipe closes and the
// child goes too; and the test can kill the whole group, grandchildren included.
import { spawn, type ChildProcess } from 'node:child_process';
import { Socket } from 'node:net';

const outputTailLength = 4_000;

// Forwards one SIGTERM (a second would cut a graceful shutdown short) and exits with the child.
const guard = `
import { spawn } from 'node:child_process';
const child = spawn(process.execPath, process.argv.slice(1), { stdio: ['ignore', 'inherit', 'inherit'] });
child.on('exit', (code) => process.exit(code ?? 1));
process.once('SIGTERM', () => child.kill('SIGTERM')).on('SIGTERM', () => {});
process.stdin.on('close', () => child.kill('SIGKILL')).resume();
`;

export interface Guarded {
  readonly child: ChildProcess;
  /** The end of what the process wrote to stdout and stderr, for failure messages. */
  output(): string;
  /** Whether it has exited. */
  exited(): boolean;
  /** SIGKILL to the whole group, as a crash; resolves once the guard is gone. */
  kill(): Promise<void>;
  /** SIGTERM, then SIGKILL to the group after `graceMs`; resolves once it has exited. */
  stop(graceMs?: number): Promise<void>;
}

/** Runs `node <args>` under the guard. */
export function spawnGuarded(
  args: readonly string[],
  options: { readonly cwd: string; readonly env: NodeJS.ProcessEnv },
): Guarded {
  const child = spawn(process.execPath, ['--input-type=module', '--eval', guard, ...args], {
    cwd: options.cwd,
    env: options.env,
    detached: true,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  // Neither the guard nor its pipes keep the test process alive.
  child.unref();
  for (const pipe of [child.stdin, child.stdout, child.stderr])
    if (pipe instanceof Socket) pipe.unref();
  let output = '';
  for (const pipe of [child.stdout, child.stderr]) {
    pipe.setEncoding('utf8').on('data', (text: string) => {
      output = (output + text).slice(-outputTailLength);
    });
  }
  const exited = () => child.exitCode !== null || child.signalCode !== null;
  const exit = () =>
    exited()
      ? Promise.resolve()
      : new Promise<void>((resolve) => {
          child.once('exit', () => {
            resolve();
          });
        });
  const kill = async () => {
    const gone = exit();
    try {
      if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
    await gone;
  };
  return {
    child,
    output: () => output,
    exited,
    kill,
    stop: async (graceMs = 10_000) => {
      if (exited()) return;
      const gone = exit();
      child.kill('SIGTERM');
      const timer = setTimeout(() => void kill(), graceMs);
      await gone;
      clearTimeout(timer);
      // Whatever the child left behind in its group goes too.
      await kill();
    },
  };
}
