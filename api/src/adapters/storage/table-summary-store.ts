// Summaries in Azure Table Storage: one partition per series (or 'single'), one row per meeting
// (RowKey = meetingKey), the summary as gzip JSON chunks beside plain properties to query and sort.
import { odata, type TableClient, type TableEntity } from '@azure/data-tables';
import type { TokenCredential } from '@azure/identity';
import type { InclusionSummary } from '@roundtable/core';
import type { StoredSummary, SummaryStore } from '../application/ending-ports.js';
import { packJson, unpackJson, type ChunkLayout } from './table-chunks.js';
import { doubleLiteral, KEYS_ONLY, type Row, TableRows } from './table-meeting-cleanup.js';
import { tableClientFromConnectionString, tableClientFromEndpoint } from './table-meeting-store.js';

/** The partition of meetings outside any series; series keys are hashes, never this word. */
export const SINGLE_MEETINGS_PARTITION = 'single';

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

  async get(meetingKey: string): Promise<StoredSummary | null> {
    // The series is not known here, so the row is found by its key across partitions; summaries
    // are read rarely, and a meeting has at most one row.
    const [row] = await this.rows.query(odata`RowKey eq ${meetingKey}`);
    return row === undefined ? null : storedSummary(row);
  }

  async markDelivered(meetingKey: string, at: number): Promise<void> {
    const [row] = await this.rows.query(odata`RowKey eq ${meetingKey}`, KEYS_ONLY);
    if (row === undefined) return;
    const patch = {
      partitionKey: row.partitionKey,
      rowKey: row.rowKey,
      deliveredAt: { value: at, type: 'Double' },
    };
    await this.rows.request((abortSignal) =>
      this.client.updateEntity(patch, 'Merge', { abortSignal }),
    );
  }

  async series(seriesKey: string): Promise<StoredSummary[]> {
    // Also matching the property keeps single meetings out should a key ever equal the word.
    const rows = await this.rows.query(
      odata`PartitionKey eq ${seriesKey} and seriesKey eq ${seriesKey}`,
    );
    return rows.sort(byStartThenStore).map(storedSummary);
  }

  async erase(meetingKey: string): Promise<number> {
    return this.rows.delete(await this.rows.query(odata`RowKey eq ${meetingKey}`, KEYS_ONLY));
  }

  async purgeExpired(now: number): Promise<number> {
    const filter = `expiresAt lt ${doubleLiteral(now)}`;
    return this.rows.delete(await this.rows.query(filter, KEYS_ONLY));
  }
}

function summaryRow(stored: StoredSummary): TableEntity {
  const { meetingKey, seriesKey, summary, storedAt, expiresAt } = stored;
  return {
    partitionKey: seriesKey ?? SINGLE_MEETINGS_PARTITION,
    rowKey: meetingKey,
    meetingKey,
    // Table Storage keeps no nulls; an empty string says "no series" and can still be queried.
    seriesKey: seriesKey ?? '',
    // Milliseconds since 1970 exceed Int32, which the service would infer for a bare integer.
    storedAt: { value: storedAt, type: 'Double' },
    expiresAt: { value: expiresAt, type: 'Double' },
    ...(summary.startedAt === null
      ? {}
      : { startedAt: { value: summary.startedAt, type: 'Double' } }),
    ...packJson(summary, summaryChunks),
  };
}

function storedSummary(row: Row): StoredSummary {
  const { meetingKey, seriesKey, storedAt, expiresAt, deliveredAt } = row;
  if (
    typeof meetingKey !== 'string' ||
    typeof seriesKey !== 'string' ||
    typeof storedAt !== 'number' ||
    typeof expiresAt !== 'number'
  ) {
    throw new Error(`The stored summary of meeting ${row.rowKey} is malformed.`);
  }
  const summary = unpackJson(row, summaryChunks) as InclusionSummary;
  return {
    meetingKey,
    seriesKey: seriesKey === '' ? null : seriesKey,
    summary,
    storedAt,
    expiresAt,
    ...(typeof deliveredAt === 'number' ? { deliveredAt } : {}),
  };
}

/** Oldest meeting first; a meeting that never started (no startedAt) goes last, in storing order. */
function byStartThenStore(a: Row, b: Row): number {
  const started = (row: Row) => (typeof row.startedAt === 'number' ? row.startedAt : Infinity);
  const stored = (row: Row) => (typeof row.storedAt === 'number' ? row.storedAt : Infinity);
  return started(a) - started(b) || stored(a) - stored(b);
}
