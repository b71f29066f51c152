// Starts the floor (floor-server.ts) in its own process and publishes to it: what fanning the same
// payload out to the same number of server-sent-event streams costs with nothing else to do.
import { fork } from 'node:child_process';
import { join } from 'node:path';
import { call } from './client.js';
import { register, stopChild } from './processes.js';

export interface Floor {
  readonly url: string;
  readonly pid: number | null;
  /** Sends `data` to every stream; resolves with the frame's id once the floor has sent it. */
  publish(data: string): Promise<number>;
  stop(): Promise<void>;
}

export async function startFloor(): Promise<Floor> {
  const child = fork(join(import.meta.dirname, 'floor-server.js'), [], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const stop = register(() => stopChild(child));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new Error('The floor server did not start within 10 s.'));
    }, 10_000);
    child.once('exit', (code) => {
      reject(new Error(`The floor server exited with code ${String(code)}.`));
    });
    child.on('message', (message: { type?: string; url?: string }) => {
      if (message.type !== 'ready' || message.url === undefined) return;
      clearTimeout(timer);
      resolve(message.url);
    });
  }).catch(async (error: unknown) => {
    await stop();
    throw error;
  });
  return {
    url,
    pid: child.pid ?? null,
    stop,
    publish: async (data) => {
      const reply = await call(url, 'POST', '/publish', { body: JSON.parse(data) as unknown });
      if (reply.status !== 200) throw new Error(`The floor answered ${reply.status}.`);
      return (JSON.parse(reply.body) as { version: number }).version;
    },
  };
}
