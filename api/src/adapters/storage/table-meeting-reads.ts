// Reads of a meeting's partition beyond its state: stored command outcomes (for retries), the
// session's records (for its summary), its closing row (for the ending job), and a health ping.
import { odata, type TableClient } from '@azure/data-tables';
import type { ParticipationRecord } from '@roundtable/core';
import type { CommandOutcome, SessionClosing } from '../../application/ports.js';
import { recordChunks, unpackJson } from './table-chunks.js';
import { unavailable, unlessMissing } from './table-failures.js';
import type { TableRows } from './table-meeting-cleanup.js';
import { StoreConflictError } from '../../application/errors.js';
import {
  closingRow,
  commandRow,
  rowRanges,
  sessionClosing,
  STATE_ROW,
} from './table-meeting-rows.js';
import type { StateLayout } from './table-state-log.js';
import { LAYOUT_PROPERTIES, layoutOf } from './table-state-read.js';

export async function findOutcomes(
  client: TableClient,
  rows: TableRows,
  meetingKey: string,
  session: number,
  participantId: string,
  commandIds: readonly string[],
): Promise<Map<string, CommandOutcome>> {
  const unique = [...new Set(commandIds)];
  const found = await Promise.all(
    unique.map(async (commandId) => {
      const rowKey = commandRow(session, participantId, commandId);
      const row = await rows.request((abortSignal) =>
        unlessMissing(
          client.getEntity<{ outcome: string }>(meetingKey, rowKey, {
            abortSignal,
            queryOptions: { select: ['outcome'] },
          }),
        ),
      );
      return row === null ? [] : [[commandId, JSON.parse(row.outcome) as CommandOutcome] as const];
    }),
  );
  return new Map(found.flat());
}

export async function readRecords(
  rows: TableRows,
  meetingKey: string,
  session: number,
): Promise<ParticipationRecord[]> {
  const { from, before } = rowRanges.records(session);
  const found = await rows.query(
    odata`PartitionKey eq ${meetingKey} and RowKey ge ${from} and RowKey lt ${before}`,
  );
  return found.flatMap((row) => unpackJson(row, recordChunks) as ParticipationRecord[]);
}

export async function readClosing(
  client: TableClient,
  rows: TableRows,
  meetingKey: string,
  session: number,
): Promise<SessionClosing | null> {
  const row = await rows.request((abortSignal) =>
    unlessMissing(client.getEntity(meetingKey, closingRow(session), { abortSignal })),
  );
  return row === null ? null : sessionClosing(row);
}

/** A cheap read that fails as a 503 when the table cannot be used. */
export async function ping(client: TableClient, timeoutMs: number): Promise<void> {
  try {
    await client
      .listEntities({
        abortSignal: AbortSignal.timeout(timeoutMs),
        queryOptions: { filter: "PartitionKey eq 'health-check'", select: ['PartitionKey'] },
      })
      .byPage({ maxPageSize: 1 })
      .next();
  } catch (error) {
    // A missing table or a refused key is as unusable as an unreachable account.
    throw unavailable(error);
  }
}

/** Where the state was at the ETag a commit expects; a conflict when it has moved since. */
export async function readLayout(
  client: TableClient,
  rows: TableRows,
  meetingKey: string,
  etag: string,
): Promise<StateLayout> {
  const row = await rows.request((abortSignal) =>
    unlessMissing(
      client.getEntity(meetingKey, STATE_ROW, {
        abortSignal,
        queryOptions: { select: [...LAYOUT_PROPERTIES] },
      }),
    ),
  );
  if (row?.etag !== etag) throw new StoreConflictError('Someone else changed this meeting first.');
  return layoutOf(row);
}

/** Only when a transaction response lacked the state row's ETag. */
export async function readStateEtag(
  client: TableClient,
  rows: TableRows,
  meetingKey: string,
): Promise<string> {
  const row = await rows.request((abortSignal) =>
    client.getEntity(meetingKey, STATE_ROW, { abortSignal, queryOptions: { select: ['version'] } }),
  );
  return row.etag;
}
