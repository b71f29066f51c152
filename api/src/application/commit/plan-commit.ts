// The pure step of a commit: decide every queued command against the meeting as loaded, and say
// what to write. The commit that ends a session forgets everyone in the same write, so no ended
// session ever keeps a name, a salt or a contact.
import type { CommandContext, MeetingEvent, MeetingState, RandomSource } from '@roundtable/core';
import { decide, domainError, evolveAll, forgetPeople } from '@roundtable/core';
import { durableRecords, publicChanged } from '../announce.js';
import { carriedAtEnd } from '../carry.js';
import type { CommandOutcome, MeetingCommit, Pseudonymiser, StoredMeeting } from '../ports.js';
import type { Pending } from './command-queue.js';

export interface CommitPlan {
  /** Null when nothing changed and nothing needs storing. */
  readonly commit: MeetingCommit | null;
  /** One answer per pending command, in batch order. */
  readonly outcomes: readonly CommandOutcome[];
  readonly events: readonly MeetingEvent[];
}

export interface PlanContext {
  readonly now: number;
  readonly random: RandomSource;
  readonly pseudonyms: Pseudonymiser;
}

export function planCommit(
  meetingKey: string,
  meeting: StoredMeeting,
  batch: readonly Pending[],
  context: PlanContext,
): CommitPlan {
  const { state, events, decisions, beforeEnd } = decideAll(meeting.state, batch, context);
  const organisers = organisersAfter(meeting, batch, decisions);
  const changed = events.length > 0;
  const version = changed ? meeting.version + 1 : meeting.version;
  const publicVersion =
    changed && publicChanged(meeting.state, state)
      ? meeting.publicVersion + 1
      : meeting.publicVersion;
  // Outcomes carry the version their senders are shown: the public one.
  const outcomes = decisions.map((decision) => stamp(decision.outcome, publicVersion));
  const ended = meeting.state.phase === 'live' && state.phase === 'ended';
  const records = durableRecords(events, (id) => context.pseudonyms.recordId(meeting.salt, id));
  const base = { version, publicVersion, createdAt: meeting.createdAt, lastActiveAt: context.now };
  if (ended) {
    // Who was still waiting, under carry keys only, when the organiser chose carry-over.
    const carry = beforeEnd === null ? null : carriedAtEnd(beforeEnd, context.now);
    const commit: MeetingCommit = {
      meetingKey,
      expected: meeting,
      next: { ...base, state: forgetPeople(state), salt: '', organisers: [] },
      // An ending commit stores no command ids: they name people of a session now forgotten.
      commands: [],
      records,
      closing: {
        session: state.session,
        openedAt: meeting.createdAt,
        endedAt: context.now,
        organisers,
      },
      ...(carry === null ? {} : { carry }),
    };
    return { commit, outcomes, events };
  }
  // Without a salt a pseudonym is an unkeyed hash anyone could compute: an ended session keeps
  // no command rows.
  const commands =
    meeting.salt === ''
      ? []
      : batch.flatMap((pending, index) => {
          const decision = decisions[index];
          if (pending.known || decision === undefined || decision.transient) return [];
          if (pending.participantId === null || pending.commandId === null) return [];
          return [
            {
              participantId: pending.participantId,
              commandId: pending.commandId,
              outcome: stamp(decision.outcome, publicVersion),
            },
          ];
        });
  if (!changed && organisers === meeting.organisers && commands.length === 0) {
    return { commit: null, outcomes, events };
  }
  const commit: MeetingCommit = {
    meetingKey,
    expected: meeting,
    next: { ...base, state, salt: meeting.salt, organisers },
    commands,
    records,
    events,
  };
  return { commit, outcomes, events };
}

interface Decided {
  readonly outcome: CommandOutcome | Accepted;
  /** Refusals that say nothing lasting (the session changed under the command): not stored. */
  readonly transient: boolean;
  readonly accepted: boolean;
}

/** An accepted command whose version is known only once the batch is decided. */
type Accepted = { readonly ok: true; readonly version: -1 };

function decideAll(
  initial: MeetingState,
  batch: readonly Pending[],
  context: PlanContext,
): {
  state: MeetingState;
  events: MeetingEvent[];
  decisions: Decided[];
  /** The live state the ending was decided on, when a decision ended the session. */
  beforeEnd: MeetingState | null;
} {
  let state = initial;
  let beforeEnd: MeetingState | null = null;
  const events: MeetingEvent[] = [];
  const decisions = batch.map((pending): Decided => {
    if (pending.known) return { outcome: pending.known, transient: false, accepted: false };
    // The participant id was computed for another session's salt: that session is over.
    if (pending.session !== state.session) {
      const outcome = { ok: false, error: domainError('meeting-ended') } as const;
      return { outcome, transient: true, accepted: false };
    }
    const ctx: CommandContext = {
      now: context.now,
      random: context.random,
      actor:
        pending.participantId === null
          ? { kind: 'system' }
          : { kind: 'participant', participantId: pending.participantId },
    };
    const decision = decide(pending.command, state, ctx);
    if (!decision.ok) {
      return { outcome: { ok: false, error: decision.error }, transient: false, accepted: false };
    }
    if (decision.events.some((event) => event.type === 'SessionEnded')) beforeEnd = state;
    state = evolveAll(state, decision.events);
    events.push(...decision.events);
    return { outcome: { ok: true, version: -1 }, transient: false, accepted: true };
  });
  return { state, events, decisions, beforeEnd };
}

/** The session's organisers, with anyone who organises and acted in this batch. */
function organisersAfter(
  meeting: StoredMeeting,
  batch: readonly Pending[],
  decisions: readonly Decided[],
): readonly string[] {
  if (meeting.state.phase !== 'live') return meeting.organisers;
  const organisers = new Set(meeting.organisers);
  batch.forEach((pending, index) => {
    if (pending.organiserKey !== undefined && decisions[index]?.accepted === true) {
      organisers.add(pending.organiserKey);
    }
  });
  return organisers.size === meeting.organisers.length ? meeting.organisers : [...organisers];
}

function stamp(outcome: CommandOutcome | Accepted, version: number): CommandOutcome {
  return outcome.ok && outcome.version === -1 ? { ok: true, version } : outcome;
}
