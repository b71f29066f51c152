// The state's base and log rows as values (decision 011): when a commit folds, what a read of
// rows from two folds gives, and that a replayed log equals what the decider made.
import { describe, expect, it } from '@jest/globals';
import { evolveAll, type MeetingEvent } from '@roundtable/core';
import {
  BASE_ROW,
  logRow,
  MAX_LOG_ROWS,
  writeState,
  type StateWrite,
} from '../../api/src/adapters/storage/table-state-log.js';
import { restoreState } from '../../api/src/adapters/storage/table-state-read.js';
import { arrival, crowdedMeetingState, T0 } from '../support/meeting-commits.js';

/** What the rows hold after these writes, as a read would find them. */
function stored(writes: readonly StateWrite[]) {
  const rows = new Map<string, Record<string, unknown>>();
  let stateRow: Record<string, unknown> = {};
  for (const write of writes) {
    stateRow = write.properties;
    if (write.row !== null) rows.set(write.row.rowKey, write.row.properties);
    for (const rowKey of write.deletes) rows.delete(rowKey);
  }
  return { stateRow, rows };
}

describe('the state in base and log rows', () => {
  const large = crowdedMeetingState(200);
  const checkinId = 'k1';
  const changes: MeetingEvent[][] = [
    [arrival('late-1')],
    [{ type: 'CheckinOpened', at: T0, checkinId, promptId: null, text: 'A word?', scale: 'word' }],
    ...Object.keys(large.participants)
      .slice(0, 7)
      .map((participantId, i): MeetingEvent[] => [
        { type: 'CheckinAnswered', at: T0, checkinId, participantId, value: `word${i % 2}` },
      ]),
  ];

  function history() {
    let state = large;
    const writes = [writeState({ previous: null, state, ending: false }, 4096)];
    for (const events of changes) {
      state = evolveAll(state, events);
      const previous = writes[writes.length - 1]?.layout ?? null;
      writes.push(writeState({ previous, state, events, ending: false }, 4096));
    }
    return { state, writes };
  }

  it('replays the log to the state the decider made, with the tally from the state row', () => {
    const { state, writes } = history();
    expect(writes.map((write) => write.row?.rowKey)).toEqual([
      BASE_ROW,
      ...changes.map((_, i) => logRow(i)),
    ]);
    const { stateRow, rows } = stored(writes);
    const restored = restoreState(stateRow, rows);
    expect(restored).toEqual(state);
    // The published aggregate (at 6 answers of 7) came back from the state row too.
    expect(restored?.checkin?.published).toMatchObject({ scale: 'word', n: 6 });
  });

  it('refuses rows from two folds, so the store reads them again', () => {
    const { writes } = history();
    const { stateRow, rows } = stored(writes);
    const olderBase = { ...rows.get(BASE_ROW), generation: 0 };
    expect(restoreState(stateRow, new Map([...rows, [BASE_ROW, olderBase]]))).toBeNull();
    const olderLog = { ...rows.get(logRow(2)), generation: 7 };
    expect(restoreState(stateRow, new Map([...rows, [logRow(2), olderLog]]))).toBeNull();
    const missing = new Map(rows);
    missing.delete(logRow(4));
    expect(restoreState(stateRow, missing)).toBeNull();
  });

  it(`folds after ${MAX_LOG_ROWS} log rows, and the ending deletes the base and every log row`, () => {
    let write = writeState({ previous: null, state: large, ending: false }, 4096);
    let state = large;
    for (let i = 0; i < MAX_LOG_ROWS + 1; i++) {
      const events = [arrival(`late-${i}`)];
      state = evolveAll(state, events);
      write = writeState({ previous: write.layout, state, events, ending: false }, 4096);
    }
    expect(write.row?.rowKey).toBe(BASE_ROW);
    expect(write.layout).toMatchObject({ generation: 2, logLength: 0, logRows: MAX_LOG_ROWS });
    const ending = writeState({ previous: write.layout, state, ending: true }, 4096);
    expect(ending.layout.kind).toBe('inline');
    expect([...ending.deletes].sort()).toEqual(
      [BASE_ROW, ...Array.from({ length: MAX_LOG_ROWS }, (_, i) => logRow(i))].sort(),
    );
  });
});
