// Timed requests, paged queries and batched deletes over one table (shared by the meeting and the
// summary store), and the meeting store's cleanup queries built on them.
import {
  odata,
  type TableClient,
  type TableEntityResult,
  type TransactionAction,
} from '@azure/data-tables';
import { storageError, unlessMissing } from './table-failures.js';
import type { IdleSession } from '../../application/ports.js';
import { closingRow, rowRanges, STATE_ROW } from './table-meeting-rows.js';

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
  readonly client: TableClient;
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

/** Every row of meetings whose last session ended before `before` (a daily timer's scan). */
export async function purgeEndedMeetings(rows: TableRows, before: number): Promise<number> {
  const filter =
    odata`RowKey eq ${STATE_ROW} and phase eq ${'ended'}` +
    ` and lastActiveAt lt ${doubleLiteral(before)}`;
  let deleted = 0;
  for (const { partitionKey } of await rows.query(filter, KEYS_ONLY)) {
    // The state row goes first: once it is gone no commit can land, so the listing is complete.
    deleted += await rows.delete([{ partitionKey, rowKey: STATE_ROW }]);
    deleted += await rows.delete(
      await rows.query(odata`PartitionKey eq ${partitionKey}`, KEYS_ONLY),
    );
  }
  return deleted;
}

/** Command rows and records of one session, then its closing row (last: it marks work left). */
export async function purgeSessionRows(
  rows: TableRows,
  meetingKey: string,
  session: number,
): Promise<number> {
  const inRange = ({ from, before }: { from: string; before: string }) =>
    odata`PartitionKey eq ${meetingKey} and RowKey ge ${from} and RowKey lt ${before}`;
  const [commands, records] = await Promise.all([
    rows.query(inRange(rowRanges.commands(session)), KEYS_ONLY),
    rows.query(inRange(rowRanges.records(session)), KEYS_ONLY),
  ]);
  const purged = await rows.delete([...commands, ...records]);
  const closing = await rows.delete([{ partitionKey: meetingKey, rowKey: closingRow(session) }]);
  return purged + closing;
}

/** Scans the whole table (records of every meeting); meant for a daily timer. */
export async function purgeRecordRowsBefore(rows: TableRows, before: number): Promise<number> {
  const { from, before: end } = rowRanges.records();
  const filter =
    odata`RowKey ge ${from} and RowKey lt ${end}` + ` and committedAt lt ${doubleLiteral(before)}`;
  return rows.delete(await rows.query(filter, KEYS_ONLY));
}

export async function idleSessions(rows: TableRows, before: number): Promise<IdleSession[]> {
  const filter =
    odata`RowKey eq ${STATE_ROW} and phase eq ${'live'}` +
    ` and lastActiveAt lt ${doubleLiteral(before)}`;
  return sessionsOf(await rows.query(filter, ['session']));
}

export async function unfinishedSessions(rows: TableRows, before: number): Promise<IdleSession[]> {
  const { from, before: end } = rowRanges.closings();
  const filter =
    odata`RowKey ge ${from} and RowKey lt ${end}` + ` and endedAt lt ${doubleLiteral(before)}`;
  return sessionsOf(await rows.query(filter, ['session']));
}

function sessionsOf(found: readonly Row[]): IdleSession[] {
  return found.flatMap((row) =>
    typeof row.session === 'number' ? [{ meetingKey: row.partitionKey, session: row.session }] : [],
  );
}
