// What a commit tells whom: the public view to everyone when it changed; otherwise a content-free
// nudge to the people whose own view changed, so private actions stay private.
import type { MeetingEvent, MeetingState, ParticipationRecord } from '@roundtable/core';
import { isHost, publicView, recordsOf } from '@roundtable/core';

export type Announcement =
  | { readonly kind: 'publish'; readonly view: ReturnType<typeof publicView> }
  | { readonly kind: 'nudge'; readonly participantIds: string[] }
  | { readonly kind: 'none' };

export function announcementFor(
  before: MeetingState,
  after: MeetingState,
  events: readonly MeetingEvent[],
  meta: { meetingId: string; version: number },
  /** Whether the public view changed, when the commit already knows (its public version moved). */
  published: boolean = publicChanged(before, after),
): Announcement {
  if (events.length === 0) return { kind: 'none' };
  if (published) return { kind: 'publish', view: publicView(after, meta) };
  const targets = new Set(
    Object.values(after.participants)
      .filter((participant) => isHost(after, participant))
      .map((p) => p.participantId),
  );
  for (const event of events) {
    if (
      event.type === 'InviteSent' ||
      event.type === 'InviteAnswered' ||
      event.type === 'CoHostGranted' ||
      event.type === 'CoHostRevoked'
    ) {
      targets.add(event.participantId);
    }
  }
  return targets.size === 0 ? { kind: 'none' } : { kind: 'nudge', participantIds: [...targets] };
}

/** Whether everyone's view differs between the two states (its version aside). */
export function publicChanged(before: MeetingState, after: MeetingState): boolean {
  const meta = { meetingId: '', version: 0 };
  return JSON.stringify(publicView(before, meta)) !== JSON.stringify(publicView(after, meta));
}

/** Someone the bot should tell privately, in the meeting itself, that something concerns them. */
export interface PrivateNotice {
  readonly participantId: string;
  readonly notice: 'next' | 'invited';
}

/**
 * "You're next" goes to the person who has just become first in the queue while someone speaks
 * (so they hear it with the side panel closed); an invitation goes to the person invited.
 */
export function privateNotices(
  before: MeetingState,
  after: MeetingState,
  events: readonly MeetingEvent[],
): PrivateNotice[] {
  if (after.phase !== 'live') return [];
  const notices: PrivateNotice[] = [];
  const next = after.queue[0]?.participantId;
  if (
    next !== undefined &&
    after.current !== null &&
    next !== after.current.participantId &&
    next !== before.queue[0]?.participantId
  ) {
    notices.push({ participantId: next, notice: 'next' });
  }
  for (const event of events) {
    if (event.type === 'InviteSent') {
      notices.push({ participantId: event.participantId, notice: 'invited' });
    }
  }
  return notices;
}

/**
 * The durable records of these events, with every id a view also shows (people, queue entries,
 * turns) replaced by its keyed record id: once the session's salt is gone, a saved view cannot be
 * joined to the records by id.
 */
export function durableRecords(
  events: readonly MeetingEvent[],
  recordId: (id: string) => string,
): ParticipationRecord[] {
  return recordsOf(events).map((record) => {
    const keyed: Record<string, unknown> = { ...record };
    for (const field of ['participantId', 'entryId', 'turnId'] as const) {
      const id = keyed[field];
      if (typeof id === 'string') keyed[field] = recordId(id);
    }
    return keyed as ParticipationRecord;
  });
}
