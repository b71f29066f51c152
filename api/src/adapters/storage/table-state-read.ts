// Reading a meeting's live state back from its rows (decision 011): the state row says which
// layout holds it; a log layout is the base row with each log row's events replayed onto it.
import { evolveAll, upgradedState, type MeetingState, type StoredState } from '@roundtable/core';
import { eventChunks, stateChunks, tallyChunks, unpackJson } from './table-chunks.js';
import { replayable, withTally, type LoggedEvent, type OpenTally } from './table-log-private.js';
import { BASE_ROW, logRow, type StateLayout } from './table-state-log.js';

/** The layout a state row describes; rows written before decision 011 hold the state inline. */
export function layoutOf(row: Readonly<Record<string, unknown>>): StateLayout {
  const count = (name: string) => {
    const value = row[name];
    return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : 0;
  };
  return {
    kind: row.layout === 'log' ? 'log' : 'inline',
    generation: count('generation'),
    logLength: count('logLength'),
    logRows: count('logRows'),
    logBytes: count('logBytes'),
    baseBytes: count('baseBytes'),
  };
}

/** The state row's properties that say where the state is (also what a layout read selects). */
export const LAYOUT_PROPERTIES = [
  'layout',
  'generation',
  'logLength',
  'logRows',
  'logBytes',
  'baseBytes',
] as const;

/**
 * The state the rows hold, or null when they come from different folds (a commit landed while
 * they were read: read them again).
 */
export function restoreState(
  stateRow: Readonly<Record<string, unknown>>,
  rows: ReadonlyMap<string, Readonly<Record<string, unknown>>>,
): MeetingState | null {
  const layout = layoutOf(stateRow);
  // A state an earlier version stored gets the fields added since (core's upgradedState).
  if (layout.kind === 'inline')
    return upgradedState(unpackJson(stateRow, stateChunks) as StoredState);
  const base = rows.get(BASE_ROW);
  if (base?.generation !== layout.generation) return null;
  let state = upgradedState(unpackJson(base, stateChunks) as StoredState);
  for (let index = 0; index < layout.logLength; index++) {
    const row = rows.get(logRow(index));
    if (row?.generation !== layout.generation) return null;
    state = evolveAll(state, (unpackJson(row, eventChunks) as LoggedEvent[]).map(replayable));
  }
  return withTally(state, unpackJson(stateRow, tallyChunks) as OpenTally | null);
}
