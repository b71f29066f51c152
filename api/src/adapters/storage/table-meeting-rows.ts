// The rows of one Teams meeting's partition: `state` (its current session; a large session's
// state also has `state-base` and `state-log-NN`, table-state-log.ts), and per session s (10
// digits, so that text order is number order): `cmd-{s}-{participantId}-{commandId}`,
// `rec-{s}-{version, 10 digits}` and, once it has ended, `ses-{s}`; between sessions, what the last
// one carried over, `carry` (table-carried-rows.ts). Plain `phase`, `session`,
// `lastActiveAt`, `committedAt` and `endedAt` properties exist for the cleanup queries.
import type { TableEntity, TableEntityResult, TransactionAction } from '@azure/data-tables';
import type { MeetingCommit, SessionClosing, StoredMeeting } from '../../application/ports.js';
import { CARRY_ROW, carriedEntity } from './table-carried-rows.js';
import { packJson, recordChunks } from './table-chunks.js';
import { restoreState } from './table-state-read.js';
import { writeState, type StateLayout } from './table-state-log.js';

export const STATE_ROW = 'state';
/** The state row and the base and log rows beside it: RowKey ge `from` and lt `before`. */
export const STATE_ROWS: RowRange = { from: STATE_ROW, before: `${STATE_ROW}.` };
/** A transaction holds at most 100 actions, all in one partition. */
export const MAX_TRANSACTION_ACTIONS = 100;

/** Bounds of a RowKey range ('.' follows '-'): every row of a kind, or of a kind in one session. */
export interface RowRange {
  readonly from: string;
  readonly before: string;
}

const padded = (value: number) => String(value).padStart(10, '0');

function range(kind: 'cmd' | 'rec' | 'ses', session?: number): RowRange {
  const prefix = session === undefined ? kind : `${kind}-${padded(session)}`;
  return { from: `${prefix}-`, before: `${prefix}.` };
}

export const rowRanges = {
  commands: (session?: number) => range('cmd', session),
  records: (session?: number) => range('rec', session),
  closings: () => range('ses'),
};

export function closingRow(session: number): string {
  return `ses-${padded(session)}`;
}

export interface CommitWrite {
  readonly actions: TransactionAction[];
  /** Where the state is once the transaction has landed. */
  readonly layout: StateLayout;
}

/**
 * The transaction of one commit: the state row first (guarded by the ETag), then the command rows
 * (table-failures.ts reads a refused action's index), the records, the closing, and the state's
 * base or log row and the rows it no longer needs.
 */
export function commitActions(
  {
    meetingKey,
    expected,
    next,
    commands,
    records,
    closing,
    events,
    carry,
    takesCarried,
  }: MeetingCommit,
  previous: StateLayout | null,
  inlineStateBytes: number,
): CommitWrite {
  const session = next.state.session;
  const written = writeState(
    { previous, state: next.state, events, ending: closing !== undefined },
    inlineStateBytes,
  );
  const state: TableEntity = {
    partitionKey: meetingKey,
    rowKey: STATE_ROW,
    version: next.version,
    publicVersion: next.publicVersion,
    session,
    // The idle timer asks for live sessions; the state itself is compressed and cannot be queried.
    phase: next.state.phase,
    salt: next.salt,
    organisers: JSON.stringify(next.organisers),
    // Milliseconds since 1970 exceed Int32, which the service would infer for a bare integer.
    createdAt: { value: next.createdAt, type: 'Double' },
    lastActiveAt: { value: next.lastActiveAt, type: 'Double' },
    ...written.properties,
  };
  const actions: TransactionAction[] = [
    expected === null ? ['create', state] : ['update', state, 'Replace', { etag: expected.etag }],
  ];
  for (const { participantId, commandId, outcome } of commands) {
    const row = { partitionKey: meetingKey, rowKey: commandRow(session, participantId, commandId) };
    actions.push(['create', { ...row, outcome: JSON.stringify(outcome) }]);
  }
  if (records.length > 0) {
    const row = {
      partitionKey: meetingKey,
      rowKey: `${rowRanges.records(session).from}${padded(next.version)}`,
      // Retention counts from the commit, whose time is the meeting's new last activity.
      committedAt: { value: next.lastActiveAt, type: 'Double' },
    };
    actions.push(['create', { ...row, ...packJson(records, recordChunks) }]);
  }
  if (closing !== undefined) actions.push(['create', closingEntity(meetingKey, closing)]);
  // Only one set waits at a time: an opening takes it before the next ending can write one.
  if (carry !== undefined) actions.push(['upsert', carriedEntity(meetingKey, carry), 'Replace']);
  if (takesCarried === true)
    actions.push(['delete', { partitionKey: meetingKey, rowKey: CARRY_ROW }]);
  if (written.row !== null) {
    const { rowKey, properties } = written.row;
    actions.push(['upsert', { partitionKey: meetingKey, rowKey, ...properties }, 'Replace']);
  }
  for (const rowKey of written.deletes)
    actions.push(['delete', { partitionKey: meetingKey, rowKey }]);
  if (actions.length > MAX_TRANSACTION_ACTIONS) {
    throw new Error(
      `A commit needs ${actions.length} actions; a transaction holds ${MAX_TRANSACTION_ACTIONS}.`,
    );
  }
  return { actions, layout: written.layout };
}

function closingEntity(meetingKey: string, closing: SessionClosing): TableEntity {
  return {
    partitionKey: meetingKey,
    rowKey: closingRow(closing.session),
    session: closing.session,
    openedAt: { value: closing.openedAt, type: 'Double' },
    endedAt: { value: closing.endedAt, type: 'Double' },
    organisers: JSON.stringify(closing.organisers),
  };
}

// Characters a RowKey may not contain; pseudonyms and client UUIDs never have them.
const forbiddenInKeys = /[/\\#?]|\p{Cc}/u;

export function commandRow(session: number, participantId: string, commandId: string): string {
  if (forbiddenInKeys.test(participantId) || forbiddenInKeys.test(commandId)) {
    throw new Error('A participant or command id contains a character Table Storage keys refuse.');
  }
  return `${rowRanges.commands(session).from}${participantId}-${commandId}`;
}

/**
 * The meeting the state row and the rows beside it hold (STATE_ROWS), or null when they were read
 * across a commit that landed meanwhile (read again).
 */
export function storedMeeting(
  row: TableEntityResult<Record<string, unknown>>,
  beside: ReadonlyMap<string, Readonly<Record<string, unknown>>>,
): StoredMeeting | null {
  const { version, publicVersion, salt, createdAt, lastActiveAt, etag } = row;
  if (
    typeof version !== 'number' ||
    typeof publicVersion !== 'number' ||
    typeof salt !== 'string' ||
    typeof createdAt !== 'number' ||
    typeof lastActiveAt !== 'number'
  ) {
    throw new Error(`The stored state of meeting ${row.partitionKey} is malformed.`);
  }
  const state = restoreState(row, beside);
  if (state === null) return null;
  const organisers = stringList(row.organisers);
  return { state, version, publicVersion, salt, organisers, createdAt, lastActiveAt, etag };
}

export function sessionClosing(row: Record<string, unknown>): SessionClosing {
  const { session, openedAt, endedAt } = row;
  if (typeof session !== 'number' || typeof openedAt !== 'number' || typeof endedAt !== 'number') {
    throw new Error('A stored session closing is malformed.');
  }
  return { session, openedAt, endedAt, organisers: stringList(row.organisers) };
}

function stringList(value: unknown): string[] {
  if (typeof value !== 'string') return [];
  const parsed: unknown = JSON.parse(value);
  return Array.isArray(parsed)
    ? parsed.filter((item): item is string => typeof item === 'string')
    : [];
}
