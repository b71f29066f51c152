/**
 * @jest-environment node
 */
// The summary source in front of the API: still to come while the session runs, and while the
// ending job builds it (the API then answers 404 for a moment); gone for good otherwise.
import { describe, expect, it } from '@jest/globals';
import { ApiClient } from '../../tabs/src/api/client.js';
import { ENDING_GRACE_MS, apiSummarySource } from '../../tabs/src/summary/api-summary-source.js';
import { FakeFetch } from './fake-fetch.js';

function sourceWith(statuses: number[], clock: { now: number }, lost: unknown[] = []) {
  const api = new FakeFetch();
  api.answer = () => {
    const status = statuses.shift() ?? 404;
    return {
      status,
      body:
        status === 200
          ? { session: 1, summary: { participants: 0 } }
          : { detail: `Answered ${String(status)}.` },
    };
  };
  const client = new ApiClient('', () => Promise.resolve('token'), api.fetch);
  return apiSummarySource(client, 'm', { onSignInLost: (e) => lost.push(e) }, () => clock.now);
}

describe('the summary source', () => {
  it('waits while the session runs, and while its summary is being put together', async () => {
    const clock = { now: 0 };
    const source = sourceWith([409, 404, 200], clock);
    expect((await source.load()).kind).toBe('waiting');
    clock.now += ENDING_GRACE_MS - 1;
    expect(await source.load()).toEqual({
      kind: 'waiting',
      // The reader's catalogue words it; the English is the fallback.
      message: {
        key: 'summary.ending',
        english: 'The session has ended. Its summary is being put together.',
      },
    });
    expect((await source.load()).kind).toBe('ready');
  });

  it('says there is no summary when none was ever on its way, or the wait ran out', async () => {
    expect((await sourceWith([404], { now: 0 }).load()).kind).toBe('unavailable');
    const clock = { now: 0 };
    const source = sourceWith([409, 404], clock);
    await source.load();
    clock.now += ENDING_GRACE_MS;
    expect((await source.load()).kind).toBe('unavailable');
  });

  it('hands a refused sign-in to the page and shows it as an error, not an empty summary', async () => {
    const lost: unknown[] = [];
    const source = sourceWith([401, 401], { now: 0 }, lost);
    const state = await source.load();
    expect(state).toMatchObject({ kind: 'error', message: 'Answered 401.' });
    expect(lost).toHaveLength(1);
  });
});
