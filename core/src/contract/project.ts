// Projects the live state into the views of contract/view.ts.
import { labelsFor } from '../checkins/prompts.js';
import type { MeetingState } from '../meeting/state.js';
import { entryReason } from '../meeting/reasons.js';
import { isHost } from '../meeting/state.js';
import type { ParticipantView, PublicView } from './view.js';

export interface ViewMeta {
  readonly meetingId: string;
  readonly version: number;
}

function nameOf(state: MeetingState, participantId: string): string {
  return state.participants[participantId]?.displayName ?? 'Someone';
}

export function publicView(state: MeetingState, meta: ViewMeta): PublicView {
  const { current, checkin } = state;
  return {
    meetingId: meta.meetingId,
    version: meta.version,
    session: state.session,
    phase: state.phase,
    presentersHost: state.presentersHost,
    options: state.options,
    mode: state.mode,
    locked: state.locked,
    timeboxSeconds: state.timeboxSeconds,
    current:
      current === null
        ? null
        : {
            turnId: current.turnId,
            participantId: current.participantId,
            displayName: nameOf(state, current.participantId),
            kind: current.kind,
            startedAt: current.startedAt,
          },
    queue: state.queue.map((entry) => ({
      entryId: entry.entryId,
      participantId: entry.participantId,
      displayName: nameOf(state, entry.participantId),
      kind: entry.kind,
      ...(entry.note === null ? {} : { note: entry.note }),
      joinedAt: entry.joinedAt,
    })),
    checkin:
      checkin === null
        ? null
        : {
            checkinId: checkin.checkinId,
            promptId: checkin.promptId,
            text: checkin.text,
            scale: checkin.scale,
            labels: labelsFor(checkin.promptId, checkin.scale),
            answered: checkin.answeredBy.length,
            threshold: state.settings.k,
            aggregate: checkin.published,
          },
  };
}

/** The view for one participant; null when they have not arrived in this meeting. */
export function participantView(
  state: MeetingState,
  meta: ViewMeta,
  participantId: string,
): ParticipantView | null {
  const own = ownView(state, participantId);
  return own === null ? null : { ...publicView(state, meta), ...own };
}

/** What a participant's view adds to the public one: their own part, and the hosts' lists. */
export type OwnView = Omit<ParticipantView, keyof PublicView>;

/** A participant's own part of their view; null when they have not arrived in this meeting. */
export function ownView(state: MeetingState, participantId: string): OwnView | null {
  const viewer = state.participants[participantId];
  if (viewer === undefined) return null;
  const hosting = isHost(state, viewer);
  // Only hosts see everyone: in a meeting of 1 000, sorting them for each attendee's view is waste.
  const everyone = hosting
    ? Object.values(state.participants).sort((a, b) => a.firstSeenAt - b.firstSeenAt)
    : [];
  return {
    you: {
      participantId,
      displayName: viewer.displayName,
      role: viewer.role,
      isHost: hosting,
      entries: state.queue.flatMap((entry, position) =>
        entry.participantId === participantId
          ? [{ entryId: entry.entryId, kind: entry.kind, position, why: entryReason(entry) }]
          : [],
      ),
      invited: viewer.invitedAt !== null,
      answeredCheckin: state.checkin?.answeredBy.includes(participantId) ?? false,
    },
    ...(hosting
      ? {
          notYetHeard: everyone
            .filter((p) => p.present && p.turns === 0)
            .map((p) => ({
              participantId: p.participantId,
              displayName: p.displayName,
              invited: p.invitedAt !== null,
              openedRoundtable: p.openedPanel,
            })),
          people: everyone.map((p) => ({
            participantId: p.participantId,
            displayName: p.displayName,
            role: p.role,
            isHost: isHost(state, p),
            present: p.present,
            openedRoundtable: p.openedPanel,
          })),
          roster: state.roster,
        }
      : {}),
  };
}
