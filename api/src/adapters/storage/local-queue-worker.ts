// Background work for the local host, which has no Functions host: a queue worker that behaves
// like the queue trigger (retry by visibility timeout, poison queue) and a timer for periodic jobs.
import { setTimeout as sleep } from 'node:timers/promises';
import type { DequeuedMessageItem, QueueClient } from '@azure/storage-queue';
import { decodeEndJob } from './storage-end-queue.js';
import type { EndJob } from '../../application/ending-ports.js';

export type WorkLog = (message: string) => void;

export interface QueueWorkerOptions<J = EndJob> {
  readonly queue: QueueClient;
  /** Where messages go after too many failures (`meeting-ends-poison`, as the Functions host names it). */
  readonly poisonQueue: QueueClient;
  readonly handle: (job: J) => Promise<void>;
  /** Reads a message; null moves it to the poison queue. The ending queue's by default. */
  readonly decode?: (messageText: string) => J | null;
  /** What the log calls a message ("End job" by default). */
  readonly label?: string;
  /** How long to wait after finding the queue empty or unreachable. */
  readonly pollMs?: number;
  /** A received message stays hidden this long; a failed one reappears after it (the retry delay). */
  readonly visibilityTimeoutSeconds?: number;
  /** Attempts before a message is moved to the poison queue (the Functions host default is 5). */
  readonly maxDequeueCount?: number;
  readonly log?: WorkLog;
}

export interface Stoppable {
  /** Stops taking new work and resolves once the work in hand has finished. */
  stop(): Promise<void>;
}

const errorName = (error: unknown) => (error instanceof Error ? error.name : typeof error);

export function startQueueWorker<J = EndJob>(options: QueueWorkerOptions<J>): Stoppable {
  const decode = options.decode ?? (decodeEndJob as (text: string) => J | null);
  const label = options.label ?? 'End job';
  const pollMs = options.pollMs ?? 1000;
  const visibilityTimeout = options.visibilityTimeoutSeconds ?? 60;
  const maxDequeueCount = options.maxDequeueCount ?? 5;
  const log = options.log ?? (() => undefined);
  const stopping = new AbortController();

  // Messages carry a raw meeting id, so logs name the message by its storage id only.
  async function moveToPoison(message: DequeuedMessageItem, why: string): Promise<void> {
    await options.poisonQueue.createIfNotExists();
    await options.poisonQueue.sendMessage(message.messageText);
    await options.queue.deleteMessage(message.messageId, message.popReceipt);
    log(`${label} ${message.messageId} moved to ${options.poisonQueue.name}: ${why}.`);
  }

  async function runJob(message: DequeuedMessageItem): Promise<void> {
    const job = decode(message.messageText);
    if (job === null) return moveToPoison(message, `not a valid ${label.toLowerCase()}`);
    // A worker that died mid-job leaves the count raised without a failure being seen here.
    if (message.dequeueCount > maxDequeueCount) {
      return moveToPoison(message, `${maxDequeueCount} attempts used`);
    }
    try {
      await options.handle(job);
    } catch (error) {
      if (message.dequeueCount >= maxDequeueCount) {
        return moveToPoison(message, `failed ${message.dequeueCount} times (${errorName(error)})`);
      }
      // Left in place: it becomes visible again when its visibility timeout runs out.
      log(`${label} ${message.messageId} failed (${errorName(error)}); it will be retried.`);
      return;
    }
    await options.queue.deleteMessage(message.messageId, message.popReceipt);
  }

  async function loop(): Promise<void> {
    while (!stopping.signal.aborted) {
      let received: DequeuedMessageItem[] = [];
      try {
        const response = await options.queue.receiveMessages({
          numberOfMessages: 16,
          visibilityTimeout,
        });
        received = response.receivedMessageItems;
        for (const message of received) await runJob(message);
      } catch (error) {
        log(
          `The ${label.toLowerCase()} queue could not be read (${errorName(error)}); trying again.`,
        );
      }
      if (received.length === 0) {
        await sleep(pollMs, undefined, { signal: stopping.signal }).catch(() => undefined);
      }
    }
  }

  const running = loop();
  return {
    stop: async () => {
      stopping.abort();
      await running;
    },
  };
}

export interface TimerOptions {
  readonly everyMs: number;
  readonly run: () => Promise<void>;
  readonly log?: WorkLog;
}

/** Runs `run` every `everyMs`; a tick that comes while the previous run is still going is skipped. */
export function startTimer(options: TimerOptions): Stoppable {
  const log = options.log ?? (() => undefined);
  let inFlight: Promise<void> | null = null;
  const interval = setInterval(() => {
    if (inFlight !== null) return;
    inFlight = options
      .run()
      // Only the name: a message might quote what the job was working on.
      .catch((error: unknown) => {
        log(`A timer job failed (${errorName(error)}); it runs again at the next tick.`);
      })
      .finally(() => {
        inFlight = null;
      });
  }, options.everyMs);
  return {
    stop: async () => {
      clearInterval(interval);
      await inFlight;
    },
  };
}
