// Meetings in Azure Table Storage (Azurite locally): one partition per meeting (rows in
// table-meeting-rows.ts, the state's own in table-state-log.ts), one transaction per commit;
// cleanup in table-meeting-cleanup.ts.
import { odata, TableClient, type TableServiceClientOptions } from '@azure/data-tables';
import type { TokenCredential } from '@azure/identity';
import type { ParticipationRecord } from '@roundtable/core';
import { LRUCache } from 'lru-cache';
import { StoreConflictError } from '../../application/errors.js';
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
import { recordChunks, unpackJson } from './table-chunks.js';
import { commitError, unavailable, unlessMissing } from './table-failures.js';
import {
  idleSessions,
  purgeEndedMeetings,
  purgeRecordRowsBefore,
  purgeSessionRows,
  TableRows,
  unfinishedSessions,
} from './table-meeting-cleanup.js';
import {
  closingRow,
  commandRow,
  commitActions,
  rowRanges,
  sessionClosing,
  STATE_ROW,
  STATE_ROWS,
  storedMeeting,
} from './table-meeting-rows.js';
import { INLINE_STATE_BYTES, type StateLayout } from './table-state-log.js';
import { LAYOUT_PROPERTIES, layoutOf } from './table-state-read.js';

/**
 * A transaction allows 100 actions: the state row, the records row, and the base or log row (or
 * the closing row, in an ending commit, which has no commands) leave 97 for commands.
 */
export const MAX_COMMANDS_PER_COMMIT = 97;
/** A read that keeps meeting commits landing in the middle of it gives up after this many. */
const READ_ATTEMPTS = 5;

// One retry, soon: a stopped storage must become a 503 in about a second, not after a minute.
const clientOptions: TableServiceClientOptions = {
  retryOptions: { maxRetries: 1, retryDelayInMs: 200, maxRetryDelayInMs: 1_000 },
};

export interface TableMeetingStoreOptions {
  /** A request (or a page of records) taking longer than this counts as storage unavailable. */
  readonly timeoutMs?: number;
  /**
   * The largest state (gzip bytes) the state row holds itself; a larger one lives in a base row
   * and a log row per commit (decision 011). 0 always uses base and log; Infinity writes the
   * whole state with every commit.
   */
  readonly inlineStateBytes?: number;
}

/** A client for one table; the SDK refuses a shared key over plain http unless told (Azurite). */
export function tableClientFromConnectionString(
  connectionString: string,
  tableName: string,
): TableClient {
  const { url } = TableClient.fromConnectionString(connectionString, tableName);
  const allowInsecureConnection = new URL(url).protocol === 'http:';
  return TableClient.fromConnectionString(connectionString, tableName, {
    ...clientOptions,
    allowInsecureConnection,
  });
}

/** In Azure: the managed identity needs the "Storage Table Data Contributor" role. */
export function tableClientFromEndpoint(
  endpoint: string,
  credential: TokenCredential,
  tableName: string,
): TableClient {
  return new TableClient(endpoint, tableName, credential, clientOptions);
}

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
    const committed = { ...commit.next, etag: etag ?? (await this.stateEtag(commit.meetingKey)) };
    this.layouts.set(layoutKey(commit.meetingKey, committed.etag), layout);
    return committed;
  }

  /** Where the state was at the ETag the commit expects; read when this store has forgotten. */
  private async layoutAt({ meetingKey, expected }: MeetingCommit): Promise<StateLayout> {
    const etag = expected?.etag ?? '';
    const known = this.layouts.get(layoutKey(meetingKey, etag));
    if (known !== undefined) return known;
    const row = await this.rows.request((abortSignal) =>
      unlessMissing(
        this.client.getEntity(meetingKey, STATE_ROW, {
          abortSignal,
          queryOptions: { select: [...LAYOUT_PROPERTIES] },
        }),
      ),
    );
    if (row?.etag !== etag)
      throw new StoreConflictError('Someone else changed this meeting first.');
    return layoutOf(row);
  }

  async findOutcomes(
    meetingKey: string,
    session: number,
    participantId: string,
    commandIds: readonly string[],
  ): Promise<Map<string, CommandOutcome>> {
    const unique = [...new Set(commandIds)];
    const found = await Promise.all(
      unique.map(async (commandId) => {
        const rowKey = commandRow(session, participantId, commandId);
        const row = await this.rows.request((abortSignal) =>
          unlessMissing(
            this.client.getEntity<{ outcome: string }>(meetingKey, rowKey, {
              abortSignal,
              queryOptions: { select: ['outcome'] },
            }),
          ),
        );
        return row === null
          ? []
          : [[commandId, JSON.parse(row.outcome) as CommandOutcome] as const];
      }),
    );
    return new Map(found.flat());
  }

  async records(meetingKey: string, session: number): Promise<ParticipationRecord[]> {
    const { from, before } = rowRanges.records(session);
    const rows = await this.rows.query(
      odata`PartitionKey eq ${meetingKey} and RowKey ge ${from} and RowKey lt ${before}`,
    );
    return rows.flatMap((row) => unpackJson(row, recordChunks) as ParticipationRecord[]);
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

  async closing(meetingKey: string, session: number): Promise<SessionClosing | null> {
    const row = await this.rows.request((abortSignal) =>
      unlessMissing(this.client.getEntity(meetingKey, closingRow(session), { abortSignal })),
    );
    return row === null ? null : sessionClosing(row);
  }

  async ping(): Promise<void> {
    try {
      await this.client
        .listEntities({
          abortSignal: AbortSignal.timeout(this.timeoutMs),
          queryOptions: { filter: "PartitionKey eq 'health-check'", select: ['PartitionKey'] },
        })
        .byPage({ maxPageSize: 1 })
        .next();
    } catch (error) {
      // A missing table or a refused key is as unusable as an unreachable account.
      throw unavailable(error);
    }
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

  /** Only when a transaction response lacked the state row's ETag. */
  private async stateEtag(meetingKey: string): Promise<string> {
    const row = await this.rows.request((abortSignal) =>
      this.client.getEntity(meetingKey, STATE_ROW, {
        abortSignal,
        queryOptions: { select: ['version'] },
      }),
    );
    return row.etag;
  }
}

function layoutKey(meetingKey: string, etag: string): string {
  return `${meetingKey}\n${etag}`;
}
