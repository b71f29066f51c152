// The rows of one meeting's partition: `state`, `cmd-{participantId}-{commandId}` and
// `rec-{version, 10 digits}` (padded so that text order is commit order). Plain `phase`,
// `lastActiveAt` and `committedAt` properties exist for the cleanup queries.
import type { TableEntity, TableEntityResult, TransactionAction } from '@azure/data-tables';
import type { MeetingState } from '@roundtable/core';
import type { MeetingCommit, StoredMeeting } from '../application/ports.js';
import { packJson, recordChunks, stateChunks, unpackJson } from './table-chunks.js';

export const STATE_ROW = 'state';
/** Bounds of RowKey ranges holding exactly the records or command rows ('.' follows '-'). */
export const RECORD_ROWS = { from: 'rec-', before: 'rec.' } as const;
export const COMMAND_ROWS = { from: 'cmd-', before: 'cmd.' } as const;

export function commitActions({
  meetingKey,
  expected,
  next,
  commands,
  records,
}: MeetingCommit): TransactionAction[] {
  const state: TableEntity = {
    partitionKey: meetingKey,
    rowKey: STATE_ROW,
    version: next.version,
    // The idle timer asks for live meetings; the state itself is compressed and cannot be queried.
    phase: next.state.phase,
    salt: next.salt,
    // Milliseconds since 1970 exceed Int32, which the service would infer for a bare integer.
    createdAt: { value: next.createdAt, type: 'Double' },
    lastActiveAt: { value: next.lastActiveAt, type: 'Double' },
    ...packJson(next.state, stateChunks),
  };
  const actions: TransactionAction[] = [
    expected === null ? ['create', state] : ['update', state, 'Replace', { etag: expected.etag }],
  ];
  for (const { participantId, commandId, outcome } of commands) {
    const row = { partitionKey: meetingKey, rowKey: commandRow(participantId, commandId) };
    actions.push(['create', { ...row, outcome: JSON.stringify(outcome) }]);
  }
  if (records.length > 0) {
    const row = {
      partitionKey: meetingKey,
      rowKey: `${RECORD_ROWS.from}${String(next.version).padStart(10, '0')}`,
      // Retention counts from the commit, whose time is the meeting's new last activity.
      committedAt: { value: next.lastActiveAt, type: 'Double' },
    };
    actions.push(['create', { ...row, ...packJson(records, recordChunks) }]);
  }
  return actions;
}

// Characters a RowKey may not contain; pseudonyms and client UUIDs never have them.
const forbiddenInKeys = /[/\\#?]|\p{Cc}/u;

export function commandRow(participantId: string, commandId: string): string {
  if (forbiddenInKeys.test(participantId) || forbiddenInKeys.test(commandId)) {
    throw new Error('A participant or command id contains a character Table Storage keys refuse.');
  }
  return `${COMMAND_ROWS.from}${participantId}-${commandId}`;
}

export function storedMeeting(row: TableEntityResult<Record<string, unknown>>): StoredMeeting {
  const { version, salt, createdAt, lastActiveAt, etag } = row;
  if (
    typeof version !== 'number' ||
    typeof salt !== 'string' ||
    typeof createdAt !== 'number' ||
    typeof lastActiveAt !== 'number'
  ) {
    throw new Error(`The stored state of meeting ${row.partitionKey} is malformed.`);
  }
  const state = unpackJson(row, stateChunks) as MeetingState;
  return { state, version, salt, createdAt, lastActiveAt, etag };
}
