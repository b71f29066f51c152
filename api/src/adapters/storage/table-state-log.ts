// Where a meeting's live state is kept (decision 011). A small state lives in the state row and
// every commit rewrites it. A large one lives in a base row, rewritten only when the log is folded
// into it, plus one log row per commit holding that commit's events: a command in a meeting of
// 1 000 then writes about what it writes in a meeting of 20. The log never holds a check-in answer
// or whether an invitation was accepted; the running tally stays in the state row, rewritten in
// place as before. The commit that ends a session deletes the base and every log row.
import type { MeetingEvent, MeetingState } from '@roundtable/core';
import { eventChunks, packedBytes, packJson, stateChunks, tallyChunks } from './table-chunks.js';
import { openTally, withoutAnswers, withoutTally } from './table-log-private.js';

export const BASE_ROW = 'state-base';
/** Log rows before a fold; the ending commit deletes them all, within one transaction's 100. */
export const MAX_LOG_ROWS = 64;
/** Up to this many gzip bytes the state row holds the state itself (about 100 people). */
export const INLINE_STATE_BYTES = 4 * 1024;

export function logRow(index: number): string {
  return `state-log-${String(index).padStart(2, '0')}`;
}

export interface StateLayout {
  readonly kind: 'inline' | 'log';
  /** The fold the base row and the current log rows belong to; every fold into a base moves it. */
  readonly generation: number;
  /** Log rows written since that fold. */
  readonly logLength: number;
  /** Log rows that exist, of any fold of this session: the ending deletes them all. */
  readonly logRows: number;
  /** Gzip bytes of the log since the fold, and of the base: the log folds before it outgrows it. */
  readonly logBytes: number;
  readonly baseBytes: number;
}

const NOTHING_YET: StateLayout = {
  kind: 'inline',
  generation: 0,
  logLength: 0,
  logRows: 0,
  logBytes: 0,
  baseBytes: 0,
};

export interface StateChange {
  /** The layout the commit starts from; null when it creates the meeting. */
  readonly previous: StateLayout | null;
  readonly state: MeetingState;
  /** What turned the previous state into `state`, when known; without them the commit folds. */
  readonly events?: readonly MeetingEvent[] | undefined;
  /** The commit ends the session: everything but the state row goes. */
  readonly ending: boolean;
}

export interface StateWrite {
  /** The state row's properties besides its plain ones. */
  readonly properties: Record<string, unknown>;
  /** A base or log row to write, if any. */
  readonly row: { readonly rowKey: string; readonly properties: Record<string, unknown> } | null;
  readonly deletes: readonly string[];
  readonly layout: StateLayout;
}

export function writeState(change: StateChange, inlineStateBytes: number): StateWrite {
  const previous = change.previous ?? NOTHING_YET;
  if (!change.ending && previous.kind === 'log' && change.events !== undefined) {
    const appended = append(previous, change.state, change.events);
    if (appended !== null) return appended;
  }
  return fold(previous, change.state, change.ending, inlineStateBytes);
}

function append(
  previous: StateLayout,
  state: MeetingState,
  events: readonly MeetingEvent[],
): StateWrite | null {
  const tally = packJson(openTally(state), tallyChunks);
  // Only command outcomes or organisers changed: the log stays as it is.
  if (events.length === 0) {
    return {
      properties: { ...layoutProperties(previous), ...tally },
      row: null,
      deletes: [],
      layout: previous,
    };
  }
  if (previous.logLength >= MAX_LOG_ROWS) return null;
  const entry = packJson(events.map(withoutAnswers), eventChunks);
  const bytes = packedBytes(entry);
  if (previous.logBytes + bytes > previous.baseBytes) return null;
  const layout: StateLayout = {
    ...previous,
    logLength: previous.logLength + 1,
    logRows: Math.max(previous.logRows, previous.logLength + 1),
    logBytes: previous.logBytes + bytes,
  };
  return {
    properties: { ...layoutProperties(layout), ...tally },
    row: {
      rowKey: logRow(previous.logLength),
      properties: { generation: layout.generation, ...entry },
    },
    deletes: [],
    layout,
  };
}

function fold(
  previous: StateLayout,
  state: MeetingState,
  ending: boolean,
  inlineStateBytes: number,
): StateWrite {
  const whole = packJson(state, stateChunks);
  if (ending || packedBytes(whole) <= inlineStateBytes) {
    const layout: StateLayout = {
      ...NOTHING_YET,
      generation: previous.generation,
      // Log rows of earlier folds stay until the session ends; then every one goes.
      logRows: ending ? 0 : previous.logRows,
    };
    const deletes = [
      ...(previous.kind === 'log' ? [BASE_ROW] : []),
      ...(ending ? Array.from({ length: previous.logRows }, (_, index) => logRow(index)) : []),
    ];
    return { properties: { ...layoutProperties(layout), ...whole }, row: null, deletes, layout };
  }
  const base = packJson(withoutTally(state), stateChunks);
  const layout: StateLayout = {
    ...NOTHING_YET,
    kind: 'log',
    generation: previous.generation + 1,
    logRows: previous.logRows,
    baseBytes: packedBytes(base),
  };
  return {
    properties: { ...layoutProperties(layout), ...packJson(openTally(state), tallyChunks) },
    row: { rowKey: BASE_ROW, properties: { generation: layout.generation, ...base } },
    deletes: [],
    layout,
  };
}

function layoutProperties(layout: StateLayout): Record<string, unknown> {
  const { kind, ...counts } = layout;
  return { layout: kind, ...counts };
}
