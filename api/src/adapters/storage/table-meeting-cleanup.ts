// Timed requests, paged queries and batched deletes over one table (shared by the meeting and the
// summary store), and the meeting store's cleanup queries built on them.
import {
  odata,
  type TableClient,
  type TableEntityResult,
  type TransactionAction,
} from '@azure/data-tables';
import { storageError, unlessMissing } from './table-failures.js';
import { COMMAND_ROWS, RECORD_ROWS, STATE_ROW } from './table-meeting-rows.js';

interface RowKeys {
  readonly partitionKey: string;
  readonly rowKey: string;
}

export type Row = TableEntityResult<Record<string, unknown>> & RowKeys;

/** A query's select for rows that are only to be deleted or counted: the keys, nothing else. */
export const KEYS_ONLY: readonly string[] = [];

/** A transaction holds at most 100 actions, all in one partition. */
const MAX_TRANSACTION_ACTIONS = 100;

/**
 * A filter literal for a Double property: the service matches only constants of the property's
 * own type, and a bare integer is an Int32 (or out of its range).
 */
export function doubleLiteral(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`${value} is not a finite number.`);
  return Number.isInteger(value) ? value.toFixed(1) : String(value);
}

export class TableRows {
  private readonly client: TableClient;
  private readonly timeoutMs: number;

  constructor(client: TableClient, timeoutMs: number) {
    this.client = client;
    this.timeoutMs = timeoutMs;
  }

  /** One request, abandoned after the timeout; failures mapped by table-failures.ts. */
  async request<T>(operation: (abortSignal: AbortSignal) => Promise<T>): Promise<T> {
    try {
      return await operation(AbortSignal.timeout(this.timeoutMs));
    } catch (error) {
      throw storageError(error);
    }
  }

  /** Every row matching the filter, in key order; `select` names properties besides the keys. */
  async query(filter: string, select?: readonly string[]): Promise<Row[]> {
    // A long listing has many pages: the timeout applies to each page, not to the whole read.
    const controller = new AbortController();
    const pages = this.client
      .listEntities({
        abortSignal: controller.signal,
        queryOptions: {
          filter,
          ...(select === undefined ? {} : { select: ['PartitionKey', 'RowKey', ...select] }),
        },
      })
      .byPage({ maxPageSize: 1000 });
    const rows: Row[] = [];
    for (;;) {
      const timer = setTimeout(() => {
        controller.abort();
      }, this.timeoutMs);
      try {
        const page = await pages.next();
        if (page.done === true) return rows;
        for (const row of page.value) rows.push(keyed(row));
      } catch (error) {
        throw storageError(error);
      } finally {
        clearTimeout(timer);
      }
    }
  }

  /** Deletes the rows, one transaction per ≤ 100 rows of a partition; returns how many went. */
  async delete(rows: readonly RowKeys[]): Promise<number> {
    const partitions = new Map<string, RowKeys[]>();
    for (const row of rows) {
      const partition = partitions.get(row.partitionKey) ?? [];
      partition.push(row);
      partitions.set(row.partitionKey, partition);
    }
    let deleted = 0;
    // One batch at a time: cleanup runs on timers and must not crowd out live meetings.
    for (const partition of partitions.values()) {
      for (let start = 0; start < partition.length; start += MAX_TRANSACTION_ACTIONS) {
        deleted += await this.deleteBatch(partition.slice(start, start + MAX_TRANSACTION_ACTIONS));
      }
    }
    return deleted;
  }

  private async deleteBatch(batch: readonly RowKeys[]): Promise<number> {
    const actions: TransactionAction[] = batch.map(({ partitionKey, rowKey }) => [
      'delete',
      { partitionKey, rowKey },
    ]);
    const submitted = await this.request((abortSignal) =>
      unlessMissing(this.client.submitTransaction(actions, { abortSignal })),
    );
    if (submitted !== null) return batch.length;
    // A row someone else deleted meanwhile fails the whole transaction: delete the rest one by one.
    let deleted = 0;
    for (const { partitionKey, rowKey } of batch) {
      const gone = await this.request((abortSignal) =>
        unlessMissing(this.client.deleteEntity(partitionKey, rowKey, { abortSignal })),
      );
      if (gone !== null) deleted += 1;
    }
    return deleted;
  }
}

function keyed(row: TableEntityResult<Record<string, unknown>>): Row {
  const { partitionKey, rowKey } = row;
  if (partitionKey === undefined || rowKey === undefined) {
    throw new Error('Table Storage returned a row without its keys.');
  }
  return { ...row, partitionKey, rowKey };
}

export async function eraseMeeting(rows: TableRows, meetingKey: string): Promise<number> {
  // The state row goes first: once it is gone no commit can land, so the listing is complete.
  const state = await rows.delete([{ partitionKey: meetingKey, rowKey: STATE_ROW }]);
  const rest = await rows.query(odata`PartitionKey eq ${meetingKey}`, KEYS_ONLY);
  return state + (await rows.delete(rest));
}

export async function purgeCommandRows(rows: TableRows, meetingKey: string): Promise<number> {
  const filter = odata`PartitionKey eq ${meetingKey} and RowKey ge ${COMMAND_ROWS.from} and RowKey lt ${COMMAND_ROWS.before}`;
  return rows.delete(await rows.query(filter, KEYS_ONLY));
}

/** Scans the whole table (records of every meeting); meant for a daily timer. */
export async function purgeRecordRowsBefore(rows: TableRows, before: number): Promise<number> {
  const filter =
    odata`RowKey ge ${RECORD_ROWS.from} and RowKey lt ${RECORD_ROWS.before}` +
    ` and committedAt lt ${doubleLiteral(before)}`;
  return rows.delete(await rows.query(filter, KEYS_ONLY));
}

export async function idleMeetingKeys(rows: TableRows, before: number): Promise<string[]> {
  const filter =
    odata`RowKey eq ${STATE_ROW} and phase eq ${'live'}` +
    ` and lastActiveAt lt ${doubleLiteral(before)}`;
  const found = await rows.query(filter, KEYS_ONLY);
  return found.map((row) => row.partitionKey);
}
