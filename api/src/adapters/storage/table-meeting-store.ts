// Meetings in Azure Table Storage (Azurite locally): one partition per meeting (rows in
// table-meeting-rows.ts, the state's own in table-state-log.ts), one transaction per commit;
// cleanup in table-meeting-cleanup.ts.
import { odata, type TableClient } from '@azure/data-tables';
import type { TokenCredential } from '@azure/identity';
import type { ParticipationRecord } from '@roundtable/core';
import { LRUCache } from 'lru-cache';
import type {
  CarriedSet,
  CommandOutcome,
  IdleSession,
  MeetingCommit,
  MeetingStore,
  SessionClosing,
  StoredMeeting,
} from '../../application/ports.js';
import { dropCarriedRow, purgeCarriedRows, readCarried } from './table-carried-rows.js';
import {
  findOutcomes,
  ping,
  readClosing,
  readLayout,
  readRecords,
  readStateEtag,
} from './table-meeting-reads.js';
import {
  tableClientFromConnectionString,
  tableClientFromEndpoint,
  type TableMeetingStoreOptions,
} from './table-clients.js';

export type { TableMeetingStoreOptions } from './table-clients.js';
import { commitError, unavailable } from './table-failures.js';
import {
  idleSessions,
  purgeEndedMeetings,
  purgeRecordRowsBefore,
  purgeSessionRows,
  TableRows,
  unfinishedSessions,
} from './table-meeting-cleanup.js';
import { commitActions, STATE_ROW, STATE_ROWS, storedMeeting } from './table-meeting-rows.js';
import { INLINE_STATE_BYTES, type StateLayout } from './table-state-log.js';
import { layoutOf } from './table-state-read.js';

/**
 * A transaction allows 100 actions: the state row, the records row, and the base or log row (or
 * the closing row, in an ending commit, which has no commands) leave 97 for commands.
 */
export const MAX_COMMANDS_PER_COMMIT = 97;
/** A read that keeps meeting commits landing in the middle of it gives up after this many. */
const READ_ATTEMPTS = 5;

export function tableMeetingStoreFromConnectionString(
  connectionString: string,
  tableName = 'meetings',
  options: TableMeetingStoreOptions = {},
): TableMeetingStore {
  const client = tableClientFromConnectionString(connectionString, tableName);
  return new TableMeetingStore(client, options);
}

export function tableMeetingStoreFromEndpoint(
  endpoint: string,
  credential: TokenCredential,
  tableName = 'meetings',
  options: TableMeetingStoreOptions = {},
): TableMeetingStore {
  return new TableMeetingStore(tableClientFromEndpoint(endpoint, credential, tableName), options);
}

export class TableMeetingStore implements MeetingStore {
  private readonly client: TableClient;
  private readonly timeoutMs: number;
  private readonly inlineStateBytes: number;
  private readonly rows: TableRows;
  /** Where each meeting's state was at the ETags this store last read or wrote. */
  private readonly layouts = new LRUCache<string, StateLayout>({ max: 10_000 });

  constructor(client: TableClient, options: TableMeetingStoreOptions = {}) {
    this.client = client;
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.inlineStateBytes = options.inlineStateBytes ?? INLINE_STATE_BYTES;
    this.rows = new TableRows(client, this.timeoutMs);
  }

  /** Creates the table unless it exists (the SDK already treats 409 as success). */
  async ensureTable(): Promise<void> {
    await this.rows.request((abortSignal) => this.client.createTable({ abortSignal }));
  }

  async load(meetingKey: string): Promise<StoredMeeting | null> {
    const { from, before } = STATE_ROWS;
    const filter = odata`PartitionKey eq ${meetingKey} and RowKey ge ${from} and RowKey lt ${before}`;
    for (let attempt = 0; attempt < READ_ATTEMPTS; attempt++) {
      const found = await this.rows.query(filter);
      const row = found.find((candidate) => candidate.rowKey === STATE_ROW);
      if (row === undefined) return null;
      const meeting = storedMeeting(row, new Map(found.map((each) => [each.rowKey, each])));
      if (meeting !== null) {
        this.layouts.set(layoutKey(meetingKey, meeting.etag), layoutOf(row));
        return meeting;
      }
    }
    throw unavailable(new Error('Commits kept landing while the meeting was read.'));
  }

  async commit(commit: MeetingCommit): Promise<StoredMeeting> {
    if (commit.commands.length > MAX_COMMANDS_PER_COMMIT) {
      throw new Error(
        `A commit holds at most ${MAX_COMMANDS_PER_COMMIT} commands; got ${commit.commands.length}.`,
      );
    }
    const previous = commit.expected === null ? null : await this.layoutAt(commit);
    const { actions, layout } = commitActions(commit, previous, this.inlineStateBytes);
    let etag: string | undefined;
    try {
      const response = await this.client.submitTransaction(actions, {
        abortSignal: AbortSignal.timeout(this.timeoutMs),
      });
      // Sub-responses come in action order, and the state row is the first action.
      etag = response.subResponses[0]?.etag?.trim();
    } catch (error) {
      throw commitError(error, commit);
    }
    const committed = {
      ...commit.next,
      etag: etag ?? (await readStateEtag(this.client, this.rows, commit.meetingKey)),
    };
    this.layouts.set(layoutKey(commit.meetingKey, committed.etag), layout);
    return committed;
  }

  /** Where the state was at the ETag the commit expects; read when this store has forgotten. */
  private async layoutAt({ meetingKey, expected }: MeetingCommit): Promise<StateLayout> {
    const etag = expected?.etag ?? '';
    const known = this.layouts.get(layoutKey(meetingKey, etag));
    if (known !== undefined) return known;
    return readLayout(this.client, this.rows, meetingKey, etag);
  }

  findOutcomes(
    meetingKey: string,
    session: number,
    participantId: string,
    commandIds: readonly string[],
  ): Promise<Map<string, CommandOutcome>> {
    return findOutcomes(this.client, this.rows, meetingKey, session, participantId, commandIds);
  }

  records(meetingKey: string, session: number): Promise<ParticipationRecord[]> {
    return readRecords(this.rows, meetingKey, session);
  }

  closing(meetingKey: string, session: number): Promise<SessionClosing | null> {
    return readClosing(this.client, this.rows, meetingKey, session);
  }

  ping(): Promise<void> {
    return ping(this.client, this.timeoutMs);
  }

  carried(meetingKey: string): Promise<CarriedSet | null> {
    return readCarried(this.rows, meetingKey);
  }

  purgeCarriedBefore(now: number): Promise<number> {
    return purgeCarriedRows(this.rows, now);
  }

  dropCarried(meetingKey: string): Promise<number> {
    return dropCarriedRow(this.rows, meetingKey);
  }

  purgeEndedBefore(before: number): Promise<number> {
    return purgeEndedMeetings(this.rows, before);
  }

  purgeSession(meetingKey: string, session: number): Promise<number> {
    return purgeSessionRows(this.rows, meetingKey, session);
  }

  purgeRecordsBefore(before: number): Promise<number> {
    return purgeRecordRowsBefore(this.rows, before);
  }

  idleSessions(before: number): Promise<IdleSession[]> {
    return idleSessions(this.rows, before);
  }

  unfinishedSessions(before: number): Promise<IdleSession[]> {
    return unfinishedSessions(this.rows, before);
  }
}

function layoutKey(meetingKey: string, etag: string): string {
  return `${meetingKey}\n${etag}`;
}
