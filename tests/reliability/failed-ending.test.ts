// An ending that fails after the session ended must not keep anyone: the commit that ends a
// session forgets everyone in it, before any summary is built, and housekeeping finishes the
// ending later. Here the summary store is down for the whole first attempt (and its retries).
import { describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import type { PublicCommand } from '@roundtable/core';
import { testApi } from '../api/support.js';
import { printFigures } from './figures.js';

describe('an ending that fails half-way', () => {
  it('keeps no name, note, salt or contact, and is finished by housekeeping once storage is back', async () => {
    const api = await testApi();
    const params = { meetingId: 'failed-ending' };
    const [olu, ana] = await Promise.all([
      api.tokenFor('Olu Organiser', 'organizer'),
      api.tokenFor('Ana Attendee', 'attendee'),
    ]);
    const send = async (token: string, body: PublicCommand) => {
      const answer = await api.call('commands-post', {
        params,
        token,
        body: { ...body, id: randomUUID() },
      });
      expect(answer.status).toBe(200);
    };
    await send(olu, { type: 'unlock' });
    await send(ana, { type: 'join', kind: 'point', note: 'the budget line' });
    await send(olu, { type: 'next', currentTurnId: null });
    api.summaries.unavailable = true;
    await send(olu, { type: 'endSession', session: 1 });
    const [job] = api.endQueue.jobs.splice(0);
    if (job === undefined) throw new Error('Ending did not queue its job.');
    // The queue trigger's five attempts, all while the summary store is away.
    let failures = 0;
    for (let attempt = 0; attempt < 5; attempt++) {
      await api.services.ender.run(job).catch(() => (failures += 1));
    }
    expect(failures).toBe(5);

    const key = api.services.meetings.meetingKey(params.meetingId);
    const stored = await api.store.load(key);
    const kept = JSON.stringify(stored);
    for (const trace of ['Olu Organiser', 'Ana Attendee', 'the budget line']) {
      expect({ trace, kept: kept.includes(trace) }).toEqual({ trace, kept: false });
    }
    expect(stored?.salt).toBe('');
    expect(stored?.organisers).toEqual([]);
    expect(Object.keys(stored?.state.participants ?? { someone: 1 })).toEqual([]);
    expect(await api.store.closing(key, 1)).not.toBeNull();

    // Storage returns; the next housekeeping run finds the unfinished ending and completes it.
    api.summaries.unavailable = false;
    api.clock.now += 31 * 60_000;
    expect(await api.services.housekeeping.endSessions(api.clock.now)).toEqual({
      idle: 0,
      unfinished: 1,
    });
    for (const queued of api.endQueue.jobs.splice(0)) await api.services.ender.run(queued);
    expect((await api.summaries.get(key, 1))?.summary.speakers).toBe(1);
    expect(await api.store.records(key, 1)).toEqual([]);
    expect(await api.store.closing(key, 1)).toBeNull();
    printFigures('failed ending', { attempts: 5, namesKept: 0, finishedByHousekeeping: 1 });
    api.close();
  });
});
