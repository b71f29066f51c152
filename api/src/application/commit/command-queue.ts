// Serialises the commands of each meeting within this instance and hands them on in batches: a
// burst of joins becomes a few transactions instead of a storm of ETag conflicts.
import type { MeetingCommand } from '@roundtable/core';
import type { CommandOutcome, StoredMeeting } from '../ports.js';

export interface Submission {
  /** null when the system acts (meeting end from Teams, idle timer). */
  readonly participantId: string | null;
  /** The client's idempotency key; null for server-issued commands such as arrival. */
  readonly commandId: string | null;
  readonly command: MeetingCommand;
  /** The session the participant id was computed for; a command meant for another one is refused. */
  readonly session: number;
  /** Set when the acting person organises the meeting: their organiser key joins the session's. */
  readonly organiserKey?: string;
  /** The acting person's tenant: where the bot reaches the meeting for the notices that follow. */
  readonly tenantId?: string;
}

export interface Committed {
  readonly outcome: CommandOutcome;
  readonly meeting: StoredMeeting;
  /**
   * Settles once everyone watching has been told (bounded: it never rejects and never waits long).
   * Handlers await it: work left running after a Functions handler returns may never finish.
   */
  readonly announced: Promise<void>;
}

export interface Pending extends Submission {
  resolve: (result: Committed) => void;
  reject: (error: unknown) => void;
  /** The outcome stored for this command id earlier (a retry): it is answered, not decided again. */
  known?: CommandOutcome;
}

export type BatchWorker = (
  meetingKey: string,
  meetingId: string,
  batch: Pending[],
) => Promise<void>;

export class CommandQueue {
  private readonly queues = new Map<string, Pending[]>();

  constructor(
    private readonly maxBatch: number,
    private readonly work: BatchWorker,
  ) {}

  /** Queues a command; resolves once the worker has decided and committed its batch. */
  submit(meetingKey: string, meetingId: string, submission: Submission): Promise<Committed> {
    return new Promise<Committed>((resolve, reject) => {
      const pending: Pending = { ...submission, resolve, reject };
      const queue = this.queues.get(meetingKey);
      if (queue) {
        queue.push(pending);
        return;
      }
      this.queues.set(meetingKey, [pending]);
      void this.drain(meetingKey, meetingId);
    });
  }

  private async drain(meetingKey: string, meetingId: string): Promise<void> {
    const queue = this.queues.get(meetingKey) ?? [];
    while (queue.length > 0) {
      const batch = withoutEchoes(queue.splice(0, this.maxBatch));
      try {
        await this.work(meetingKey, meetingId, batch);
      } catch (error) {
        for (const pending of batch) pending.reject(error);
      }
    }
    this.queues.delete(meetingKey);
  }
}

/** The key a command id is remembered under: ids are the client's, unique per person. */
export function commandKey(pending: Submission): string | null {
  if (pending.commandId === null || pending.participantId === null) return null;
  return `${pending.participantId}/${pending.commandId}`;
}

/**
 * A retry that arrives while its original is still queued rides along with it: one decision,
 * one stored outcome, the same answer to both.
 */
function withoutEchoes(batch: Pending[]): Pending[] {
  const firsts = new Map<string, Pending>();
  return batch.filter((pending) => {
    const key = commandKey(pending);
    if (key === null) return true;
    const first = firsts.get(key);
    if (!first) {
      firsts.set(key, pending);
      return true;
    }
    const { resolve, reject } = first;
    first.resolve = (result) => {
      resolve(result);
      pending.resolve(result);
    };
    first.reject = (error) => {
      reject(error);
      pending.reject(error);
    };
    return false;
  });
}
