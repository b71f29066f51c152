// Meetings and commits for the storage tests, built with core's own functions.
import { randomBytes } from 'node:crypto';
import {
  evolve,
  initialMeetingState,
  type MeetingEvent,
  type MeetingState,
  type ParticipationRecord,
} from '@roundtable/core';
import type {
  CarriedSet,
  MeetingCommit,
  MeetingStore,
  StoredMeeting,
} from '../../api/src/application/ports.js';

export const T0 = Date.UTC(2026, 10, 21, 9, 0, 0);

let meetings = 0;
/** A fresh partition, so tests sharing one table never see each other's rows. */
export const newMeetingKey = (): string =>
  `meeting-${++meetings}-${randomBytes(6).toString('base64url')}`;

/** The event of a person opening Roundtable for the first time in the session. */
export function arrival(participantId: string, displayName = participantId): MeetingEvent {
  return {
    type: 'ParticipantArrived',
    at: T0,
    participantId,
    displayName,
    role: 'attendee',
    firstTime: true,
    via: 'panel',
    firstPanel: true,
  };
}

export function arrive(state: MeetingState, participantId: string, displayName = participantId) {
  return evolve(state, arrival(participantId, displayName));
}

export const arrived = (participantId: string, at = T0): ParticipationRecord => ({
  type: 'arrived',
  at,
  participantId,
});

export const ok = (participantId: string, commandId: string, version: number) => ({
  participantId,
  commandId,
  outcome: { ok: true, version } as const,
});

/** A commit of `state` on top of `expected` (null: create), one version further. */
export function commitOf(
  meetingKey: string,
  expected: StoredMeeting | null,
  state: MeetingState,
  {
    commands = [],
    records = [],
    closing,
    events,
  }: Partial<Pick<MeetingCommit, 'commands' | 'records' | 'closing' | 'events'>> = {},
): MeetingCommit {
  const next = {
    state,
    version: (expected?.version ?? 0) + 1,
    // Every commit here changes something public, so the public version moves with it.
    publicVersion: (expected?.publicVersion ?? 0) + 1,
    salt: closing === undefined ? (expected?.salt ?? 'salt-of-this-session') : '',
    organisers: closing === undefined ? (expected?.organisers ?? ['o-organiser']) : [],
    createdAt: expected?.createdAt ?? T0,
    lastActiveAt: (expected?.lastActiveAt ?? T0) + 1_000,
  };
  return {
    meetingKey,
    expected,
    next,
    commands,
    records,
    ...(closing ? { closing } : {}),
    ...(events ? { events } : {}),
  };
}

/**
 * The commit that ends `expected`'s session at `at`, forgetting everyone, with one record (and
 * the entries it carries to the next session, if given).
 */
export function endingOf(
  meetingKey: string,
  expected: StoredMeeting,
  at: number,
  carry?: CarriedSet,
): MeetingCommit {
  const ended = { ...initialMeetingState({}, expected.state.session), phase: 'ended' as const };
  const commit = madeAt(
    commitOf(meetingKey, expected, ended, {
      records: [{ type: 'sessionEnded', at }],
      closing: {
        session: expected.state.session,
        openedAt: expected.createdAt,
        endedAt: at,
        organisers: expected.organisers,
      },
    }),
    at,
  );
  return carry === undefined ? commit : { ...commit, carry };
}

/**
 * The commit that opens the session after `expected`'s (which has ended) at `at`; given what the
 * last session carried, it takes those entries in and deletes the set.
 */
export function openingOf(
  meetingKey: string,
  expected: StoredMeeting,
  at: number,
  carried?: CarriedSet,
): MeetingCommit {
  const state = initialMeetingState(
    {},
    expected.state.session + 1,
    expected.state.options,
    carried?.entries ?? [],
  );
  const commit = commitOf(meetingKey, expected, state);
  return {
    ...commit,
    next: { ...commit.next, salt: 'salt-of-the-next-session', organisers: [], createdAt: at },
    ...(carried === undefined ? {} : { takesCarried: true }),
  };
}

/**
 * `people` present with 100-character names, everyone queued with a 140-character note. The text
 * is random, so it compresses as badly as real names and notes can.
 */
export function crowdedMeetingState(people: number): MeetingState {
  const text = (length: number) => randomBytes(length).toString('base64url').slice(0, length);
  const ids = Array.from({ length: people }, () => randomBytes(32).toString('base64url'));
  const base = initialMeetingState();
  const participants = ids.map((participantId, index) => ({
    participantId,
    displayName: text(100),
    role: index === 0 ? ('organizer' as const) : ('attendee' as const),
    coHost: false,
    present: true,
    openedPanel: true,
    firstSeenAt: T0 + index,
    turns: 0,
    airtimeMs: 0,
    invitedAt: null,
  }));
  const queue = ids.map((participantId, index) => ({
    entryId: `e${index + 1}`,
    participantId,
    kind: 'point' as const,
    note: text(140),
    joinedAt: T0 + index,
    origin: 'joined' as const,
    overtakenBy: 0,
  }));
  return {
    ...base,
    participants: Object.fromEntries(participants.map((person) => [person.participantId, person])),
    queue,
    sequence: { ...base.sequence, entry: people },
  };
}

/** The commit, made at `at` (its last activity, and the time its records count from). */
export const madeAt = (commit: MeetingCommit, at: number): MeetingCommit => ({
  ...commit,
  next: { ...commit.next, lastActiveAt: at },
});

/**
 * Three commits at T0+1s, +2s and +3s, each with one command, one record and the arrival that
 * made it (a store may keep the event instead of the state).
 */
export async function meetingWithHistory(store: MeetingStore) {
  const meetingKey = newMeetingKey();
  const commitVersion = (version: number, expected: StoredMeeting | null) => {
    const person = `p${version}`;
    const state = arrive(expected?.state ?? initialMeetingState(), person);
    const commit = commitOf(meetingKey, expected, state, {
      commands: [ok(person, `c${version}`, version)],
      records: [arrived(person, T0 + version * 1_000)],
      ...(expected === null ? {} : { events: [arrival(person)] }),
    });
    return store.commit(madeAt(commit, T0 + version * 1_000));
  };
  const stored = await commitVersion(3, await commitVersion(2, await commitVersion(1, null)));
  return { meetingKey, stored };
}
