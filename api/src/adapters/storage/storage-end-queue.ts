// The ending queue on Azure Storage. Messages are base64 JSON because that is what the Functions
// queue trigger decodes by default; the local worker reads them the same way.
import { QueueClient, QueueServiceClient, type StoragePipelineOptions } from '@azure/storage-queue';
import type { TokenCredential } from '@azure/identity';
import { z } from 'zod';
import type { EndJob, EndQueue } from '../../application/ending-ports.js';
import { DependencyUnavailableError } from '../../application/errors.js';
import { failureKind } from '../untrusted.js';

export const END_QUEUE_NAME = 'meeting-ends';

// One retry, soon: a caller waiting on an enqueue should get a 503 in seconds, not after a minute.
const clientOptions: StoragePipelineOptions = {
  retryOptions: {
    maxTries: 2,
    retryDelayInMs: 200,
    maxRetryDelayInMs: 1_000,
    tryTimeoutInMs: 5_000,
  },
};

/** Where the Functions host (and the local worker) moves messages that keep failing. */
export function poisonQueueName(queueName: string): string {
  return `${queueName}-poison`;
}

const endJobSchema = z
  .object({
    meetingKey: z.string().min(1).max(128),
    // Timers' jobs carry no meeting id: the raw id is never stored, so a timer cannot know it.
    meetingId: z.string().max(512),
    reason: z.enum(['host', 'teams', 'idle', 'unfinished']),
    // Teams' meeting-end event names no session (the job ends the live one); every other job does.
    session: z.int().min(1).nullable(),
    endedAt: z.number().optional(),
    tenantId: z.string().min(1).max(64).optional(),
    locale: z.string().min(1).max(35).optional(),
  })
  .refine((job) =>
    job.reason === 'teams'
      ? job.meetingId !== '' && job.session === null
      : job.session !== null && (job.reason !== 'host' || job.meetingId !== ''),
  );

/** The job in a decoded message, or null when the message is not one Roundtable wrote. */
export function parseEndJob(message: unknown): EndJob | null {
  const result = endJobSchema.safeParse(message);
  if (!result.success) return null;
  const { endedAt, tenantId, locale, ...job } = result.data;
  return {
    ...job,
    ...(endedAt === undefined ? {} : { endedAt }),
    ...(tenantId === undefined ? {} : { tenantId }),
    ...(locale === undefined ? {} : { locale }),
  };
}

export function encodeEndJob(job: EndJob): string {
  return Buffer.from(JSON.stringify(job), 'utf8').toString('base64');
}

/** Base64 JSON back to a job; null for anything that is not exactly that. */
export function decodeEndJob(messageText: string): EndJob | null {
  // Buffer.from skips characters that are not base64, so the text is checked strictly first.
  if (messageText.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(messageText)) return null;
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(
      Buffer.from(messageText, 'base64'),
    );
    return parseEndJob(JSON.parse(text));
  } catch {
    return null;
  }
}

export function queueClientFromConnectionString(
  connectionString: string,
  queueName = END_QUEUE_NAME,
): QueueClient {
  return new QueueClient(connectionString, queueName, clientOptions);
}

/** The whole queue account (local mode and tests: the privacy scan reads every queue in it). */
export function queueServiceFromConnectionString(connectionString: string): QueueServiceClient {
  return QueueServiceClient.fromConnectionString(connectionString, clientOptions);
}

/** In Azure: the managed identity needs the "Storage Queue Data Message Sender" role (or more). */
export function queueClientFromEndpoint(
  queueEndpoint: string,
  credential: TokenCredential,
  queueName = END_QUEUE_NAME,
): QueueClient {
  const url = `${queueEndpoint.replace(/\/+$/, '')}/${queueName}`;
  return new QueueClient(url, credential, clientOptions);
}

export class StorageEndQueue implements EndQueue {
  constructor(readonly client: QueueClient) {}

  static fromConnectionString(connectionString: string, queueName = END_QUEUE_NAME) {
    return new StorageEndQueue(queueClientFromConnectionString(connectionString, queueName));
  }

  static fromEndpoint(queueEndpoint: string, credential: TokenCredential, queueName?: string) {
    return new StorageEndQueue(queueClientFromEndpoint(queueEndpoint, credential, queueName));
  }

  /** Local mode creates the queue at start; in Azure the infrastructure template does. */
  async ensureQueue(): Promise<void> {
    await this.unavailableOnFailure('The queue of meetings to end could not be created', () =>
      this.client.createIfNotExists(),
    );
  }

  async enqueue(job: EndJob): Promise<void> {
    await this.unavailableOnFailure('The meeting could not be queued for ending', () =>
      this.client.sendMessage(encodeEndJob(job)),
    );
  }

  // Only the kind of failure is kept: storage errors can echo the request, and it holds a meeting id.
  private async unavailableOnFailure(what: string, work: () => Promise<unknown>): Promise<void> {
    try {
      await work();
    } catch (error) {
      throw new DependencyUnavailableError(
        'storage',
        `${what} (${failureKind(error)}); try again in a moment.`,
      );
    }
  }
}
