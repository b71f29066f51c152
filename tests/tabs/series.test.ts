/**
 * @jest-environment node
 */
// The tab reads the series (the shared meeting chat) out of a Teams meeting id.
import { describe, expect, it } from '@jest/globals';
import { seriesIdFromMeetingId } from '../../tabs/src/local/series.js';

const chat = '19:meeting_weekly@thread.v2';

describe('seriesIdFromMeetingId', () => {
  it('decodes the chat from the base64 form of any occurrence', () => {
    expect(seriesIdFromMeetingId(Buffer.from(`0#${chat}#0`).toString('base64'))).toBe(chat);
    expect(seriesIdFromMeetingId(Buffer.from(`0#${chat}#3`).toString('base64'))).toBe(chat);
  });

  it('takes a chat id as it is, and finds no series in other ids', () => {
    expect(seriesIdFromMeetingId(chat)).toBe(chat);
    expect(seriesIdFromMeetingId('simulated-abc')).toBeNull();
    expect(seriesIdFromMeetingId(Buffer.from('hello').toString('base64'))).toBeNull();
  });
});
