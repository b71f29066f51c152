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
): Announcement {
  if (events.length === 0) return { kind: 'none' };
  const view = publicView(after, meta);
  if (JSON.stringify(view) !== JSON.stringify(publicView(before, meta)))
    return { kind: 'publish', view };
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

/** The durable records of these events, with every person under their record id, not their pseudonym. */
export function durableRecords(
  events: readonly MeetingEvent[],
  recordId: (participantId: string) => string,
): ParticipationRecord[] {
  return recordsOf(events).map((record) =>
    'participantId' in record
      ? { ...record, participantId: recordId(record.participantId) }
      : record,
  );
}
