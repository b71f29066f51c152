// Meetings in Azure Table Storage (Azurite locally): one partition per meeting (rows in
// table-meeting-rows.ts), one transaction per commit.
import { odata, TableClient, type TableServiceClientOptions } from '@azure/data-tables';
import type { TokenCredential } from '@azure/identity';
import type { ParticipationRecord } from '@roundtable/core';
import type {
  CommandOutcome,
  MeetingCommit,
  MeetingStore,
  StoredMeeting,
} from '../application/ports.js';
import { recordChunks, unpackJson } from './table-chunks.js';
import { commitError, storageError, unavailable, unlessMissing } from './table-failures.js';
import {
  commandRow,
  commitActions,
  RECORD_ROWS,
  STATE_ROW,
  storedMeeting,
} from './table-meeting-rows.js';

/** A transaction allows 100 actions: the state row and the records row leave 98 for commands. */
export const MAX_COMMANDS_PER_COMMIT = 98;

// One retry, soon: a stopped storage must become a 503 in about a second, not after a minute.
const clientOptions: TableServiceClientOptions = {
  retryOptions: { maxRetries: 1, retryDelayInMs: 200, maxRetryDelayInMs: 1_000 },
};

export interface TableMeetingStoreOptions {
  /** A request (or a page of records) taking longer than this counts as storage unavailable. */
  readonly timeoutMs?: number;
}

export function tableMeetingStoreFromConnectionString(
  connectionString: string,
  tableName = 'meetings',
  options: TableMeetingStoreOptions = {},
): TableMeetingStore {
  // The SDK refuses to send a shared key over plain http unless told; only Azurite uses http.
  const { url } = TableClient.fromConnectionString(connectionString, tableName);
  const allowInsecureConnection = new URL(url).protocol === 'http:';
  const client = TableClient.fromConnectionString(connectionString, tableName, {
    ...clientOptions,
    allowInsecureConnection,
  });
  return new TableMeetingStore(client, options);
}

/** In Azure: the managed identity needs the "Storage Table Data Contributor" role. */
export function tableMeetingStoreFromEndpoint(
  endpoint: string,
  credential: TokenCredential,
  tableName = 'meetings',
  options: TableMeetingStoreOptions = {},
): TableMeetingStore {
  return new TableMeetingStore(
    new TableClient(endpoint, tableName, credential, clientOptions),
    options,
  );
}

export class TableMeetingStore implements MeetingStore {
  private readonly client: TableClient;
  private readonly timeoutMs: number;

  constructor(client: TableClient, options: TableMeetingStoreOptions = {}) {
    this.client = client;
    this.timeoutMs = options.timeoutMs ?? 10_000;
  }

  /** Creates the table unless it exists (the SDK already treats 409 as success). */
  async ensureTable(): Promise<void> {
    await this.request((abortSignal) => this.client.createTable({ abortSignal }));
  }

  async load(meetingKey: string): Promise<StoredMeeting | null> {
    const row = await this.request((abortSignal) =>
      unlessMissing(this.client.getEntity(meetingKey, STATE_ROW, { abortSignal })),
    );
    return row === null ? null : storedMeeting(row);
  }

  async commit(commit: MeetingCommit): Promise<StoredMeeting> {
    if (commit.commands.length > MAX_COMMANDS_PER_COMMIT) {
      throw new Error(
        `A commit holds at most ${MAX_COMMANDS_PER_COMMIT} commands; got ${commit.commands.length}.`,
      );
    }
    const actions = commitActions(commit);
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
    return { ...commit.next, etag: etag ?? (await this.stateEtag(commit.meetingKey)) };
  }

  async findOutcomes(
    meetingKey: string,
    participantId: string,
    commandIds: readonly string[],
  ): Promise<Map<string, CommandOutcome>> {
    const unique = [...new Set(commandIds)];
    const found = await Promise.all(
      unique.map(async (commandId) => {
        const rowKey = commandRow(participantId, commandId);
        const row = await this.request((abortSignal) =>
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

  async records(meetingKey: string): Promise<ParticipationRecord[]> {
    // A long meeting has many pages: the timeout applies to each page, not to the whole read.
    const controller = new AbortController();
    const pages = this.client
      .listEntities({
        abortSignal: controller.signal,
        queryOptions: {
          filter: odata`PartitionKey eq ${meetingKey} and RowKey ge ${RECORD_ROWS.from} and RowKey lt ${RECORD_ROWS.before}`,
        },
      })
      .byPage({ maxPageSize: 1000 });
    const records: ParticipationRecord[] = [];
    for (;;) {
      const timer = setTimeout(() => {
        controller.abort();
      }, this.timeoutMs);
      try {
        const page = await pages.next();
        if (page.done === true) return records;
        for (const row of page.value) {
          records.push(...(unpackJson(row, recordChunks) as ParticipationRecord[]));
        }
      } catch (error) {
        throw storageError(error);
      } finally {
        clearTimeout(timer);
      }
    }
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

  /** Only when a transaction response lacked the state row's ETag. */
  private async stateEtag(meetingKey: string): Promise<string> {
    const row = await this.request((abortSignal) =>
      this.client.getEntity(meetingKey, STATE_ROW, {
        abortSignal,
        queryOptions: { select: ['version'] },
      }),
    );
    return row.etag;
  }

  private async request<T>(operation: (abortSignal: AbortSignal) => Promise<T>): Promise<T> {
    try {
      return await operation(AbortSignal.timeout(this.timeoutMs));
    } catch (error) {
      throw storageError(error);
    }
  }
}
