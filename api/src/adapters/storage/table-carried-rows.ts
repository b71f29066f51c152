// The `carry` row of a meeting's partition (decision 013): what its last session carried over to
// the next (the organiser's option), written by the ending commit and deleted by the opening one,
// both within their own transactions; `expiresAt` is a plain Double for housekeeping's query.
import { odata, type TableEntity } from '@azure/data-tables';
import type { CarriedEntry } from '@roundtable/core';
import { ENTRY_KINDS } from '@roundtable/core';
import type { CarriedSet } from '../../application/ports.js';
import { packJson, unpackJson, type ChunkLayout } from './table-chunks.js';
import { doubleLiteral, KEYS_ONLY, type TableRows } from './table-meeting-cleanup.js';
import { unlessMissing } from './table-failures.js';

export const CARRY_ROW = 'carry';
const carriedChunks: ChunkLayout = { prefix: 'c', count: 'carriedChunks' };

export function carriedEntity(meetingKey: string, set: CarriedSet): TableEntity {
  return {
    partitionKey: meetingKey,
    rowKey: CARRY_ROW,
    session: set.session,
    expiresAt: { value: set.expiresAt, type: 'Double' },
    // Packed: a meeting of 1 000 can leave hundreds waiting, past one property's 64 KiB.
    ...packJson(set.entries, carriedChunks),
  };
}

export function carriedSet(row: Readonly<Record<string, unknown>>): CarriedSet {
  const { session, expiresAt } = row;
  const entries = unpackJson(row, carriedChunks);
  if (typeof session !== 'number' || typeof expiresAt !== 'number' || !Array.isArray(entries)) {
    throw new Error('A stored carried set is malformed.');
  }
  return { session, expiresAt, entries: entries.filter(isCarriedEntry) };
}

function isCarriedEntry(value: unknown): value is CarriedEntry {
  if (typeof value !== 'object' || value === null) return false;
  const { carryKey, kind, rank } = value as Record<string, unknown>;
  return (
    typeof carryKey === 'string' &&
    typeof rank === 'number' &&
    (ENTRY_KINDS as readonly unknown[]).includes(kind)
  );
}

export async function readCarried(rows: TableRows, meetingKey: string): Promise<CarriedSet | null> {
  const row = await rows.request((abortSignal) =>
    unlessMissing(rows.client.getEntity(meetingKey, CARRY_ROW, { abortSignal })),
  );
  return row === null ? null : carriedSet(row);
}

/** Carried sets that expired before `now`, in every meeting (a daily timer's scan). */
export async function purgeCarriedRows(rows: TableRows, now: number): Promise<number> {
  const filter = odata`RowKey eq ${CARRY_ROW}` + ` and expiresAt lt ${doubleLiteral(now)}`;
  return rows.delete(await rows.query(filter, KEYS_ONLY));
}

/** One meeting's carried set, whatever its age (its organiser erased the meeting). */
export function dropCarriedRow(rows: TableRows, meetingKey: string): Promise<number> {
  return rows.delete([{ partitionKey: meetingKey, rowKey: CARRY_ROW }]);
}
