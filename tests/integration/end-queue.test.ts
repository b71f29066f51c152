// The ending queue on a real Azurite: delivery once, retries, the poison queue, and the local timer.
import { setTimeout as delay } from 'node:timers/promises';
import { afterAll, afterEach, beforeAll, describe, expect, it, jest } from '@jest/globals';
import {
  StorageEndQueue,
  decodeEndJob,
  poisonQueueName,
  queueClientFromConnectionString,
} from '../../api/src/adapters/storage/storage-end-queue.js';
import type { EndJob } from '../../api/src/application/ending-ports.js';
import { DependencyUnavailableError } from '../../api/src/application/errors.js';
import { startQueueWorker, startTimer } from '../../api/src/adapters/storage/local-queue-worker.js';
import type {
  QueueWorkerOptions,
  Stoppable,
} from '../../api/src/adapters/storage/local-queue-worker.js';
import { startAzurite, type Azurite } from '../support/azurite.js';
import { freePort } from '../support/free-port.js';

type Queue = ReturnType<typeof queueClientFromConnectionString>;

const job = (n: number): EndJob => ({
  meetingKey: `mkey${n}`,
  meetingId: `19:meeting_secret-${n}@thread.v2`,
  reason: 'host',
  session: n,
});

async function until(condition: () => Promise<boolean> | boolean, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('The condition did not come true in time.');
    await delay(25);
  }
}

const succeeding = () => jest.fn<QueueWorkerOptions['handle']>(() => Promise.resolve());

async function messagesIn(queue: Queue): Promise<string[]> {
  const { peekedMessageItems } = await queue.peekMessages({ numberOfMessages: 32 });
  return peekedMessageItems.map((message) => message.messageText);
}

describe('StorageEndQueue and the local queue worker on Azurite', () => {
  let azurite: Azurite;
  let names = 0;
  const workers: Stoppable[] = [];

  beforeAll(async () => {
    azurite = await startAzurite();
  }, 30_000);
  afterEach(async () => {
    await Promise.all(workers.splice(0).map((worker) => worker.stop()));
  });
  afterAll(() => azurite.stop());

  interface SetUpOptions {
    readonly maxDequeueCount?: number;
    readonly visibilityTimeoutSeconds?: number;
    /** Runs after the queue exists and before the worker starts. */
    readonly before?: (endQueue: StorageEndQueue) => Promise<void>;
  }

  /** A fresh queue and its poison queue, with a worker whose logs the test can read. */
  async function setUp(handle: QueueWorkerOptions['handle'], options: SetUpOptions = {}) {
    const name = `meeting-ends-${++names}`;
    const endQueue = StorageEndQueue.fromConnectionString(azurite.connectionString, name);
    await endQueue.ensureQueue();
    await endQueue.ensureQueue(); // a second start finds the queue there
    await options.before?.(endQueue);
    const poison = queueClientFromConnectionString(azurite.connectionString, poisonQueueName(name));
    const logs: string[] = [];
    workers.push(
      startQueueWorker({
        queue: endQueue.client,
        poisonQueue: poison,
        handle,
        pollMs: 20,
        visibilityTimeoutSeconds: options.visibilityTimeoutSeconds ?? 1,
        maxDequeueCount: options.maxDequeueCount ?? 5,
        log: (line) => logs.push(line),
      }),
    );
    const poisonMessages = async () =>
      (await poison.exists()) ? (await messagesIn(poison)).map(decodeEndJob) : [];
    return { endQueue, logs, poisonMessages };
  }

  it('delivers a queued job once and then deletes its message', async () => {
    const handle = succeeding();
    const { endQueue } = await setUp(handle);
    await endQueue.enqueue(job(1));
    await until(() => handle.mock.calls.length === 1);
    await delay(1500); // past the visibility timeout: a message left behind would reappear
    expect(handle.mock.calls).toEqual([[job(1)]]);
    expect(await messagesIn(endQueue.client)).toEqual([]);
  });

  it("hands the timers' jobs (no meeting id) to the worker; only timers' jobs may lack one", async () => {
    const handle = succeeding();
    const { endQueue } = await setUp(handle);
    const idle: EndJob = { meetingKey: 'mkey-idle', meetingId: '', reason: 'idle', session: 3 };
    await endQueue.enqueue(idle);
    await until(() => handle.mock.calls.length === 1);
    expect(handle.mock.calls).toEqual([[idle]]);
    const encoded = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64');
    expect(
      decodeEndJob(encoded({ meetingKey: 'k', meetingId: '', reason: 'host', session: 1 })),
    ).toBeNull();
    // Teams' meeting-end event names no session, and only it may leave the session out.
    const teams = { meetingKey: 'k', meetingId: 'm', reason: 'teams', session: null, endedAt: 5 };
    expect(decodeEndJob(encoded(teams))).toEqual(teams);
    expect(decodeEndJob(encoded({ ...teams, reason: 'idle' }))).toBeNull();
    expect(decodeEndJob(encoded({ ...teams, session: 2 }))).toBeNull();
  });

  it('retries a job that fails twice, then deletes it once it succeeds', async () => {
    let attempts = 0;
    const { endQueue, logs } = await setUp(() => {
      attempts += 1;
      return attempts <= 2 ? Promise.reject(new Error('delivery down')) : Promise.resolve();
    });
    await endQueue.enqueue(job(2));
    await until(() => attempts === 3);
    await until(async () => (await messagesIn(endQueue.client)).length === 0);
    expect(attempts).toBe(3);
    expect(logs.join('\n')).not.toContain(job(2).meetingId);
  });

  it('moves a job to the poison queue as soon as its last allowed attempt fails', async () => {
    const failure = new Error(`cannot deliver ${job(3).meetingId}`);
    const handle = jest.fn<QueueWorkerOptions['handle']>(() => Promise.reject(failure));
    const options = { maxDequeueCount: 2, visibilityTimeoutSeconds: 3 };
    const { endQueue, poisonMessages, logs } = await setUp(handle, options);
    await endQueue.enqueue(job(3));
    await until(() => handle.mock.calls.length === 2);
    // Well inside the 3 s a retry would wait: the last failure itself moved the message.
    await until(async () => (await poisonMessages()).length === 1, 1500);
    expect(await poisonMessages()).toEqual([job(3)]);
    expect(handle).toHaveBeenCalledTimes(2);
    expect(await messagesIn(endQueue.client)).toEqual([]);
    expect(logs.join('\n')).not.toContain(job(3).meetingId);
  });

  it('moves a message whose attempts a crashed worker used up to poison, unhandled', async () => {
    const handle = succeeding();
    const { poisonMessages } = await setUp(handle, {
      maxDequeueCount: 1,
      // A worker that received the job and died: the message comes back with its count raised.
      before: async (endQueue) => {
        await endQueue.enqueue(job(4));
        await endQueue.client.receiveMessages({ visibilityTimeout: 1 });
      },
    });
    await until(async () => (await poisonMessages()).length === 1);
    expect(handle).not.toHaveBeenCalled();
  });

  it('moves malformed messages to the poison queue without handling them', async () => {
    const handle = succeeding();
    const { endQueue, poisonMessages } = await setUp(handle);
    const base64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64');
    await endQueue.client.sendMessage('this is not base64!');
    await endQueue.client.sendMessage(base64({ meetingKey: 'k', reason: 'teams' }));
    await endQueue.client.sendMessage(base64({ ...job(6), reason: 'cancelled' }));
    await until(async () => (await poisonMessages()).length === 3);
    expect(handle).not.toHaveBeenCalled();
    expect(await messagesIn(endQueue.client)).toEqual([]);
  });

  it('turns an unreachable queue into DependencyUnavailableError', async () => {
    const nobody = `QueueEndpoint=http://127.0.0.1:${await freePort()}`;
    const offline = StorageEndQueue.fromConnectionString(
      azurite.connectionString.replace(/QueueEndpoint=http:\/\/127\.0\.0\.1:\d+/, nobody),
    );
    await expect(offline.enqueue(job(5))).rejects.toBeInstanceOf(DependencyUnavailableError);
  });
});

describe('startTimer', () => {
  it('never starts a run while the previous one is still going', async () => {
    let running = 0;
    let mostAtOnce = 0;
    let runs = 0;
    const timer = startTimer({
      everyMs: 10,
      run: async () => {
        running += 1;
        runs += 1;
        mostAtOnce = Math.max(mostAtOnce, running);
        await delay(60);
        running -= 1;
      },
    });
    await delay(400);
    await timer.stop();
    expect(mostAtOnce).toBe(1);
    expect(runs).toBeGreaterThanOrEqual(3);
    expect(running).toBe(0);
  });

  it('logs only the name of a failure and keeps running', async () => {
    const logs: string[] = [];
    let runs = 0;
    const timer = startTimer({
      everyMs: 10,
      run: () => {
        runs += 1;
        return Promise.reject(new TypeError('purge failed for meeting 19:secret@thread.v2'));
      },
      log: (line) => logs.push(line),
    });
    await until(() => runs >= 3);
    await timer.stop();
    expect(logs.length).toBeGreaterThanOrEqual(2);
    expect(logs.every((line) => line.includes('TypeError') && !line.includes('secret'))).toBe(true);
  });
});
