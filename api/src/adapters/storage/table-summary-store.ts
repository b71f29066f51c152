// Summaries in Azure Table Storage: one partition per Teams meeting (its key), one row per session
// (RowKey = the session, 10 digits), the summary as gzip JSON chunks beside plain properties.
import { odata, type TableClient, type TableEntity } from '@azure/data-tables';
import type { TokenCredential } from '@azure/identity';
import type { StoredSummary as StoredCoreSummary } from '@roundtable/core';
import { upgradedSummary } from '@roundtable/core';
import type { StoredSummary, SummaryStore } from '../../application/ending-ports.js';
import { packJson, unpackJson, type ChunkLayout } from './table-chunks.js';
import { doubleLiteral, KEYS_ONLY, type Row, TableRows } from './table-meeting-cleanup.js';
import { unlessMissing } from './table-failures.js';
import { tableClientFromConnectionString, tableClientFromEndpoint } from './table-clients.js';

const summaryChunks: ChunkLayout = { prefix: 'c', count: 'summaryChunks' };

export interface TableSummaryStoreOptions {
  /** A request (or a page of a query) taking longer than this counts as storage unavailable. */
  readonly timeoutMs?: number;
}

export function tableSummaryStoreFromConnectionString(
  connectionString: string,
  tableName = 'summaries',
  options: TableSummaryStoreOptions = {},
): TableSummaryStore {
  const client = tableClientFromConnectionString(connectionString, tableName);
  return new TableSummaryStore(client, options);
}

/** In Azure: the managed identity needs the "Storage Table Data Contributor" role. */
export function tableSummaryStoreFromEndpoint(
  endpoint: string,
  credential: TokenCredential,
  tableName = 'summaries',
  options: TableSummaryStoreOptions = {},
): TableSummaryStore {
  return new TableSummaryStore(tableClientFromEndpoint(endpoint, credential, tableName), options);
}

export class TableSummaryStore implements SummaryStore {
  private readonly client: TableClient;
  private readonly rows: TableRows;

  constructor(client: TableClient, options: TableSummaryStoreOptions = {}) {
    this.client = client;
    this.rows = new TableRows(client, options.timeoutMs ?? 10_000);
  }

  /** Creates the table unless it exists (the SDK already treats 409 as success). */
  async ensureTable(): Promise<void> {
    await this.rows.request((abortSignal) => this.client.createTable({ abortSignal }));
  }

  async put(stored: StoredSummary): Promise<void> {
    const row = summaryRow(stored);
    await this.rows.request((abortSignal) =>
      this.client.upsertEntity(row, 'Replace', { abortSignal }),
    );
  }

  async get(meetingKey: string, session: number): Promise<StoredSummary | null> {
    const row = await this.rows.request((abortSignal) =>
      unlessMissing(this.client.getEntity(meetingKey, sessionRow(session), { abortSignal })),
    );
    return row === null
      ? null
      : storedSummary({ ...row, partitionKey: meetingKey, rowKey: sessionRow(session) });
  }

  async list(meetingKey: string): Promise<StoredSummary[]> {
    // Row keys are zero-padded sessions, so the partition comes back oldest session first.
    const rows = await this.rows.query(odata`PartitionKey eq ${meetingKey}`);
    return rows.map(storedSummary);
  }

  async markDelivered(meetingKey: string, session: number, at: number): Promise<void> {
    const patch = {
      partitionKey: meetingKey,
      rowKey: sessionRow(session),
      deliveredAt: { value: at, type: 'Double' },
    };
    await this.rows.request((abortSignal) =>
      unlessMissing(this.client.updateEntity(patch, 'Merge', { abortSignal })),
    );
  }

  erase(meetingKey: string, sessions: readonly number[]): Promise<number> {
    return this.rows.delete(
      sessions.map((session) => ({ partitionKey: meetingKey, rowKey: sessionRow(session) })),
    );
  }

  async purgeExpired(now: number): Promise<number> {
    const filter = `expiresAt lt ${doubleLiteral(now)}`;
    return this.rows.delete(await this.rows.query(filter, KEYS_ONLY));
  }
}

const sessionRow = (session: number) => String(session).padStart(10, '0');

function summaryRow(stored: StoredSummary): TableEntity {
  const { meetingKey, session, organisers, summary, storedAt, expiresAt } = stored;
  return {
    partitionKey: meetingKey,
    rowKey: sessionRow(session),
    session,
    organisers: JSON.stringify(organisers),
    // Milliseconds since 1970 exceed Int32, which the service would infer for a bare integer.
    storedAt: { value: storedAt, type: 'Double' },
    expiresAt: { value: expiresAt, type: 'Double' },
    ...packJson(summary, summaryChunks),
  };
}

function storedSummary(row: Row): StoredSummary {
  const { session, organisers, storedAt, expiresAt, deliveredAt } = row;
  if (
    typeof session !== 'number' ||
    typeof organisers !== 'string' ||
    typeof storedAt !== 'number' ||
    typeof expiresAt !== 'number'
  ) {
    throw new Error(`The stored summary of session ${row.rowKey} is malformed.`);
  }
  const keys: unknown = JSON.parse(organisers);
  const summary = upgradedSummary(unpackJson(row, summaryChunks) as StoredCoreSummary);
  return {
    meetingKey: row.partitionKey,
    session,
    organisers: Array.isArray(keys) ? keys.filter((k): k is string => typeof k === 'string') : [],
    summary,
    storedAt,
    expiresAt,
    ...(typeof deliveredAt === 'number' ? { deliveredAt } : {}),
  };
}
