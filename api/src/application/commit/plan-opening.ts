// Two steps of the committer that read as plans: the commit that opens a meeting's next session,
// and the outcomes of command ids an earlier attempt (or another instance) already stored.
import type { MeetingSettings } from '@roundtable/core';
import { initialMeetingState } from '@roundtable/core';
import { carriedIntoNext, type CarriedSet } from '../carry.js';
import type { MeetingCommit, MeetingStore, StoredMeeting } from '../ports.js';
import type { Pending } from './command-queue.js';

export interface OpeningContext {
  readonly settings: Partial<MeetingSettings>;
  /** The new session's own salt: nothing links it to the last one's. */
  readonly salt: string;
  readonly now: number;
}

/** The commit that opens the session after `current` (or the first), guarded by its ETag. */
export function planOpening(
  meetingKey: string,
  current: StoredMeeting | null,
  carried: CarriedSet | null,
  { settings, salt, now }: OpeningContext,
): MeetingCommit {
  return {
    meetingKey,
    expected: current,
    next: {
      // The organiser's options for the meeting carry over; nothing about anyone does, beyond
      // the carried entries, which only their own people can take.
      state: initialMeetingState(
        settings,
        (current?.state.session ?? 0) + 1,
        current?.state.options,
        carriedIntoNext(carried, current?.state ?? null, now),
      ),
      version: (current?.version ?? 0) + 1,
      publicVersion: (current?.publicVersion ?? 0) + 1,
      salt,
      organisers: [],
      createdAt: now,
      lastActiveAt: now,
    },
    commands: [],
    records: [],
    ...(carried === null ? {} : { takesCarried: true }),
  };
}

/** Some command ids were stored by an earlier attempt or another instance: use their outcomes. */
export async function knownFromStorage(
  store: MeetingStore,
  meetingKey: string,
  session: number,
  batch: readonly Pending[],
): Promise<void> {
  const byParticipant = new Map<string, Pending[]>();
  for (const pending of batch) {
    if (pending.known || pending.commandId === null || pending.participantId === null) continue;
    byParticipant.set(pending.participantId, [
      ...(byParticipant.get(pending.participantId) ?? []),
      pending,
    ]);
  }
  for (const [participantId, items] of byParticipant) {
    const ids = items.flatMap((item) => (item.commandId === null ? [] : [item.commandId]));
    const found = await store.findOutcomes(meetingKey, session, participantId, ids);
    for (const item of items) {
      const outcome = item.commandId === null ? undefined : found.get(item.commandId);
      if (outcome) item.known = outcome;
    }
  }
}
