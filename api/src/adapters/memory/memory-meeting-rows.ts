// MemoryMeetingStore's rows: each session's command outcomes, records and closing, and what each
// meeting's last session carried over (decision 013; Table Storage's `carry` row).
import type { ParticipationRecord } from '@roundtable/core';
import { StoreConflictError } from '../../application/errors.js';
import type {
  CarriedSet,
  CommandOutcome,
  MeetingCommit,
  SessionClosing,
  StoredMeeting,
} from '../../application/ports.js';

export interface SessionRows {
  outcomes: Map<string, CommandOutcome>;
  /** One batch per commit with records, as Table Storage keeps one row per commit. */
  records: { committedAt: number; records: ParticipationRecord[] }[];
  closing: SessionClosing | null;
}

export interface Partition {
  meeting: StoredMeeting;
  sessions: Map<number, SessionRows>;
}

/** At most one set per meeting, from its last ended session until the next one opens. */
export class MemoryCarriedSets {
  private readonly sets = new Map<string, CarriedSet>();

  /** Table Storage fails a transaction that deletes a row that has gone (expired, purged). */
  check(commit: MeetingCommit): void {
    if (commit.takesCarried === true && !this.sets.has(commit.meetingKey)) {
      throw new StoreConflictError('The carried set is gone since it was read.');
    }
  }

  /** The commit's part, once every check has passed. */
  apply(commit: MeetingCommit): void {
    if (commit.takesCarried === true) this.sets.delete(commit.meetingKey);
    if (commit.carry !== undefined) this.sets.set(commit.meetingKey, structuredClone(commit.carry));
  }

  get(meetingKey: string): CarriedSet | null {
    return structuredClone(this.sets.get(meetingKey) ?? null);
  }

  /** Deletes one meeting's set; 1 when there was one. */
  drop(meetingKey: string): number {
    return this.sets.delete(meetingKey) ? 1 : 0;
  }

  purgeBefore(now: number): number {
    let purged = 0;
    for (const [meetingKey, set] of this.sets) {
      if (set.expiresAt < now) purged += this.drop(meetingKey);
    }
    return purged;
  }
}
