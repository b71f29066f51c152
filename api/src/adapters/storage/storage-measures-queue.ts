// The queue of looks at what Teams recorded (application/take-measures.ts). Base64 JSON like the
// ending queue; each look is sent with a visibility delay, so the queue itself is the timer.
import type { QueueClient } from '@azure/storage-queue';
import { FLOOR_SOURCES, MEASURE_GAPS } from '@roundtable/core';
import { z } from 'zod';
import { DependencyUnavailableError } from '../../application/errors.js';
import type { MeasuresJob, MeasuresQueue } from '../../application/measures-ports.js';
import { failureKind } from '../untrusted.js';

export const MEASURES_QUEUE_NAME = 'meeting-measures';

const id = z.string().min(1).max(512);
const source = z.enum(FLOOR_SOURCES);
const outcome = z.union([
  z.object({
    source,
    measure: z.object({
      source,
      attendees: z.int().min(0).max(100_000),
      seconds: z.array(z.number().min(0)).max(100_000),
    }),
  }),
  z.object({ source, gap: z.enum(MEASURE_GAPS) }),
]);

const measuresJobSchema = z.object({
  meetingKey: z.string().min(1).max(128),
  session: z.int().min(1),
  tenantId: z.string().min(1).max(64),
  organiserId: z.string().min(1).max(64),
  graphMeetingId: id,
  from: z.number(),
  to: z.number(),
  transcript: z.boolean(),
  attempt: z.int().min(1).max(10),
  settled: z.array(outcome).max(2),
});

/** The job in a decoded message, or null when it is not one Roundtable wrote. */
export function parseMeasuresJob(message: unknown): MeasuresJob | null {
  const result = measuresJobSchema.safeParse(message);
  return result.success ? result.data : null;
}

export function decodeMeasuresJob(messageText: string): MeasuresJob | null {
  if (messageText.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(messageText)) return null;
  try {
    return parseMeasuresJob(JSON.parse(Buffer.from(messageText, 'base64').toString('utf8')));
  } catch {
    return null;
  }
}

export class StorageMeasuresQueue implements MeasuresQueue {
  constructor(readonly client: QueueClient) {}

  async ensureQueue(): Promise<void> {
    await this.client.createIfNotExists().catch((error: unknown) => {
      throw unavailable('could not be created', error);
    });
  }

  async enqueue(job: MeasuresJob, delaySeconds: number): Promise<void> {
    const text = Buffer.from(JSON.stringify(job), 'utf8').toString('base64');
    await this.client
      .sendMessage(text, { visibilityTimeout: delaySeconds })
      .catch((error: unknown) => {
        throw unavailable('could not be queued', error);
      });
  }
}

// Only the kind of failure: a storage error can echo the request, which holds Graph ids.
function unavailable(what: string, error: unknown): DependencyUnavailableError {
  return new DependencyUnavailableError(
    'storage',
    `A later look at what Teams recorded ${what} (${failureKind(error)}); try again in a moment.`,
  );
}
