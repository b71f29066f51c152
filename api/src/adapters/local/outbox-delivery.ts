// Local mode's delivery: the card that would have been posted in Teams is kept in a table, one
// partition per meeting, for the simulator to show.
import { randomBytes } from 'node:crypto';
import {
  odata,
  TableClient,
  type TableEntityResult,
  type TransactionAction,
} from '@azure/data-tables';
import type { Outbox, OutboxEntry, SummaryNotice } from '../../application/ending-ports.js';
import type { Clock } from '../../application/ports.js';
import { storageError } from '../storage/table-failures.js';
import { summaryCard } from '../summary-card.js';
import { tableClientFromConnectionString } from '../storage/table-clients.js';

export interface OutboxDeliveryOptions {
  readonly now?: Clock;
  /** A call taking longer than this counts as storage unavailable. */
  readonly timeoutMs?: number;
}

interface OutboxRow {
  readonly at: number;
  readonly session: number;
  readonly channel: string;
  /** JSON: a table property holds strings and numbers, not objects. */
  readonly card: string;
}

/** Wide enough for any millisecond timestamp, so row keys sort in time order. */
const TIMESTAMP_DIGITS = 15;
/** A table transaction holds at most 100 actions. */
const MAX_ACTIONS_PER_TRANSACTION = 100;

export function outboxDeliveryFromConnectionString(
  connectionString: string,
  tableName = 'outbox',
  options: OutboxDeliveryOptions = {},
): OutboxDelivery {
  return new OutboxDelivery(tableClientFromConnectionString(connectionString, tableName), options);
}

export class OutboxDelivery implements Outbox {
  private readonly client: TableClient;
  private readonly now: Clock;
  private readonly timeoutMs: number;

  constructor(client: TableClient, options: OutboxDeliveryOptions = {}) {
    this.client = client;
    this.now = options.now ?? Date.now;
    this.timeoutMs = options.timeoutMs ?? 10_000;
  }

  /** Creates the table unless it exists (the SDK already treats 409 as success). */
  async ensureTable(): Promise<void> {
    await this.request((abortSignal) => this.client.createTable({ abortSignal }));
  }

  async deliverSummary(notice: SummaryNotice): Promise<void> {
    const at = this.now();
    // The suffix keeps two deliveries in the same millisecond (a retried job) from colliding.
    const rowKey = `${String(at).padStart(TIMESTAMP_DIGITS, '0')}-${randomBytes(4).toString('hex')}`;
    const row: OutboxRow = {
      at,
      session: notice.session,
      channel: 'bot-card',
      card: JSON.stringify(summaryCard(notice)),
    };
    await this.request((abortSignal) =>
      this.client.createEntity(
        { partitionKey: notice.meetingKey, rowKey, ...row },
        { abortSignal },
      ),
    );
  }

  /** The meeting's entries, oldest first (row keys start with the time). */
  async list(meetingKey: string): Promise<OutboxEntry[]> {
    const rows = await this.rowsOf(meetingKey, ['at', 'session', 'card']);
    return rows.map((row) => ({
      meetingKey,
      session: row.session,
      at: row.at,
      channel: 'bot-card',
      card: JSON.parse(row.card) as Record<string, unknown>,
    }));
  }

  /** Removes the entries of these sessions; returns how many there were. */
  async erase(meetingKey: string, sessions: readonly number[]): Promise<number> {
    const chosen = new Set(sessions);
    const rows = await this.rowsOf(meetingKey, ['RowKey', 'session']);
    const deletions = rows.flatMap((row): TransactionAction[] =>
      row.rowKey === undefined || !chosen.has(row.session)
        ? []
        : [['delete', { partitionKey: meetingKey, rowKey: row.rowKey }]],
    );
    for (let start = 0; start < deletions.length; start += MAX_ACTIONS_PER_TRANSACTION) {
      const batch = deletions.slice(start, start + MAX_ACTIONS_PER_TRANSACTION);
      await this.request((abortSignal) => this.client.submitTransaction(batch, { abortSignal }));
    }
    return deletions.length;
  }

  private rowsOf(meetingKey: string, select: string[]): Promise<TableEntityResult<OutboxRow>[]> {
    return this.request(async (abortSignal) => {
      const found: TableEntityResult<OutboxRow>[] = [];
      const filter = odata`PartitionKey eq ${meetingKey}`;
      const rows = this.client.listEntities<OutboxRow>({
        abortSignal,
        queryOptions: { filter, select },
      });
      for await (const row of rows) found.push(row);
      return found;
    });
  }

  private async request<T>(operation: (abortSignal: AbortSignal) => Promise<T>): Promise<T> {
    try {
      return await operation(AbortSignal.timeout(this.timeoutMs));
    } catch (error) {
      throw storageError(error);
    }
  }
}
