// What several API instances committed to one shared store, and its sequential replay: each
// meeting's commits must form one chain of ETags, and deciding the committed commands again, in
// that order, with the same time and random numbers, must give back every stored state, outcome
// and durable record.
import { expect } from '@jest/globals';
import {
  type CommandBody,
  type MeetingEvent,
  type MeetingState,
  type ParticipationRecord,
  decide,
  evolveAll,
} from '@roundtable/core';
import type { TableMeetingStore } from '../../api/src/adapters/storage/table-meeting-store.js';
import { durableRecords, publicChanged } from '../../api/src/application/announce.js';
import type {
  CommandOutcome,
  MeetingCommit,
  MeetingStore,
  Pseudonymiser,
  StoredMeeting,
} from '../../api/src/application/ports.js';
import { queueInvariantsBroken } from './state-checks.js';

/** A commit that storage accepted, with the random numbers its decisions drew. */
export interface Logged {
  readonly commit: MeetingCommit;
  readonly etag: string;
  readonly draws: readonly number[];
}

/**
 * One instance's store: the real table store, logging every commit that succeeded. The committer
 * decides a batch and calls commit() in the same synchronous run, so the numbers drawn from
 * `random` since the previous commit are exactly the ones this batch's decisions used.
 */
export class LoggingStore implements MeetingStore {
  private readonly draws: number[] = [];

  constructor(
    private readonly inner: TableMeetingStore,
    private readonly log: Logged[],
  ) {}

  readonly random = (): number => {
    const value = Math.random();
    this.draws.push(value);
    return value;
  };

  /** The committer draws its backoff jitter from `random` just before sleeping: no decision's. */
  readonly sleep = (ms: number): Promise<void> => {
    this.draws.pop();
    return new Promise((resolve) => setTimeout(resolve, ms));
  };

  async commit(commit: MeetingCommit): Promise<StoredMeeting> {
    const draws = this.draws.splice(0);
    const stored = await this.inner.commit(commit);
    this.log.push({ commit: structuredClone(commit), etag: stored.etag, draws });
    return stored;
  }

  load = (key: string) => this.inner.load(key);
  findOutcomes = (key: string, session: number, participantId: string, ids: readonly string[]) =>
    this.inner.findOutcomes(key, session, participantId, ids);
  records = (key: string, session: number) => this.inner.records(key, session);
  closing = (key: string, session: number) => this.inner.closing(key, session);
  carried = (key: string) => this.inner.carried(key);
  purgeCarriedBefore = (now: number) => this.inner.purgeCarriedBefore(now);
  dropCarried = (key: string) => this.inner.dropCarried(key);
  purgeSession = (key: string, session: number) => this.inner.purgeSession(key, session);
  ping = () => this.inner.ping();
  purgeEndedBefore = (before: number) => this.inner.purgeEndedBefore(before);
  purgeRecordsBefore = (before: number) => this.inner.purgeRecordsBefore(before);
  idleSessions = (before: number) => this.inner.idleSessions(before);
  unfinishedSessions = (before: number) => this.inner.unfinishedSessions(before);
}

export interface Replayed {
  readonly state: MeetingState;
  readonly version: number;
  readonly etag: string;
  /** The durable records of the whole chain, in commit order. */
  readonly records: ParticipationRecord[];
  /** How often each command id was decided on the chain. */
  readonly applied: Map<string, number>;
  readonly commits: number;
}

/**
 * Replays one meeting's logged commits from `base` (the meeting as stored before the run) and
 * checks each against what was committed; `bodyOf` finds who sent a command id, and what.
 */
export function replayChain(
  base: StoredMeeting,
  log: readonly Logged[],
  pseudonyms: Pseudonymiser,
  bodyOf: (commandId: string) => { participantId: string; body: CommandBody } | undefined,
): Replayed {
  const byExpected = new Map<string, Logged>();
  for (const entry of log) {
    const etag = entry.commit.expected?.etag ?? '';
    // Two commits accepted on the same ETag would be a lost update.
    expect({ etag, forked: byExpected.has(etag) }).toEqual({ etag, forked: false });
    byExpected.set(etag, entry);
  }
  let { state, version, etag, publicVersion } = base;
  const records: ParticipationRecord[] = [];
  const applied = new Map<string, number>();
  let commits = 0;
  for (let entry = byExpected.get(etag); entry !== undefined; entry = byExpected.get(etag)) {
    const { commit, draws } = entry;
    const before = state;
    expect(commit.expected?.version).toBe(version);
    let drawn = 0;
    const random = () => {
      const value = draws[drawn++];
      if (value === undefined) throw new Error('The replay drew more numbers than the run.');
      return value;
    };
    const events: MeetingEvent[] = [];
    const outcomes: CommandOutcome[] = [];
    for (const row of commit.commands) {
      const sent = bodyOf(row.commandId);
      if (sent === undefined) throw new Error(`Stored command ${row.commandId} was never sent.`);
      expect(row.participantId).toBe(sent.participantId);
      const { id, ...command } = sent.body;
      applied.set(id, (applied.get(id) ?? 0) + 1);
      const decision = decide(command, state, {
        now: commit.next.lastActiveAt,
        actor: { kind: 'participant', participantId: row.participantId },
        random,
      });
      if (decision.ok) {
        state = evolveAll(state, decision.events);
        events.push(...decision.events);
      }
      outcomes.push(decision.ok ? { ok: true, version: -1 } : { ok: false, error: decision.error });
      expect(queueInvariantsBroken(state)).toEqual([]);
    }
    const next = events.length > 0 ? version + 1 : version;
    // What everyone is shown moves only with what everyone can see.
    const nextPublic =
      events.length > 0 && publicChanged(before, state) ? publicVersion + 1 : publicVersion;
    expect({
      version: commit.next.version,
      state: commit.next.state,
      outcomes: commit.commands.map((row) => row.outcome),
      records: commit.records,
      drawn,
    }).toEqual({
      version: next,
      state,
      outcomes: outcomes.map((o) => (o.ok ? { ok: true, version: nextPublic } : o)),
      records: durableRecords(events, (id) => pseudonyms.recordId(base.salt, id)),
      drawn: draws.length,
    });
    records.push(...commit.records);
    version = next;
    publicVersion = nextPublic;
    etag = entry.etag;
    commits += 1;
  }
  // Every logged commit is on the chain: none was made on a state that was then lost.
  expect(commits).toBe(log.length);
  return { state, version, etag, records, applied, commits };
}
