// The local live stream: the current view first, then every change; bounded per person; tickets
// open one meeting for a short time only.
import { describe, expect, it } from '@jest/globals';
import { type PublicView, initialMeetingState, publicView } from '@roundtable/core';
import { LiveTickets } from '../../api/src/adapters/local/live-tickets.js';
import {
  MAX_STREAMS_PER_PERSON,
  SseHub,
  TooManyStreamsError,
} from '../../api/src/adapters/local/sse-hub.js';

const HOUR = 60 * 60_000;
const view = (version: number): PublicView =>
  publicView(initialMeetingState(), { meetingId: 'm', version });

async function frames(stream: ReadableStream<Uint8Array>, count: number): Promise<string[]> {
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  let text = '';
  while (text.split('\n\n').length - 1 < count) {
    const { value, done } = await reader.read();
    if (done) break;
    text += decoder.decode(value);
  }
  await reader.cancel();
  return text.split('\n\n').filter(Boolean);
}

describe('SseHub', () => {
  it('sends the current view first and then each published view of that meeting only', async () => {
    const hub = new SseHub(new LiveTickets('s'.repeat(32)), () => 0);
    const stream = hub.subscribe('meeting-a', 'p1', view(3), HOUR);
    await hub.publish('meeting-b', view(99));
    await hub.publish('meeting-a', view(4));
    const received = await frames(stream, 3);
    expect(received[0]).toBe('retry: 2000');
    expect(received[1]).toMatch(/^id: 3\nevent: view\ndata: \{/);
    expect(received[2]).toMatch(/^id: 4\n/);
    expect(received.join()).not.toContain('id: 99');
    hub.close();
  });

  it('forgets a subscriber once the reader goes away', async () => {
    const hub = new SseHub(new LiveTickets('s'.repeat(32)), () => 0);
    const stream = hub.subscribe('meeting-a', 'p1', view(1), HOUR);
    expect(hub.connections('meeting-a')).toBe(1);
    await stream.cancel();
    expect(hub.connections('meeting-a')).toBe(0);
    hub.close();
  });

  it(`refuses a person's stream beyond ${MAX_STREAMS_PER_PERSON} at once`, () => {
    const hub = new SseHub(new LiveTickets('s'.repeat(32)), () => 0);
    for (let i = 0; i < MAX_STREAMS_PER_PERSON; i++)
      hub.subscribe('meeting-a', 'p1', view(1), HOUR);
    expect(() => hub.subscribe('meeting-a', 'p1', view(1), HOUR)).toThrow(TooManyStreamsError);
    expect(() => hub.subscribe('meeting-a', 'p2', view(1), HOUR)).not.toThrow();
    hub.close();
  });

  it('ends every stream of a meeting when its session ends, and leaves other meetings alone', async () => {
    const hub = new SseHub(new LiveTickets('s'.repeat(32)), () => 0);
    const ending = hub.subscribe('meeting-a', 'p1', view(1), HOUR);
    hub.subscribe('meeting-b', 'p1', view(1), HOUR);
    await hub.disconnectAll('meeting-a');
    expect(hub.connections('meeting-a')).toBe(0);
    expect(hub.connections('meeting-b')).toBe(1);
    // The reader sees the stream end (after the frames already sent), not hang.
    const received = await frames(ending, 10);
    expect(received).toHaveLength(2);
    hub.close();
  });

  it('lets go of a stream nobody reads once a megabyte waits for it', async () => {
    const hub = new SseHub(new LiveTickets('s'.repeat(32)), () => 0);
    const stream = hub.subscribe('meeting-a', 'p1', view(1), HOUR);
    const big = { ...view(2), padding: 'x'.repeat(64 * 1024) } as PublicView;
    let published = 0;
    while (hub.connections('meeting-a') > 0 && published < 100) {
      await hub.publish('meeting-a', big);
      published += 1;
    }
    expect(published).toBe(17);
    await expect(stream.getReader().read()).rejects.toThrow('fell too far behind');
    hub.close();
  });

  it('ends a stream when the ticket that opened it expires', async () => {
    const hub = new SseHub(new LiveTickets('s'.repeat(32)), () => 0);
    const stream = hub.subscribe('meeting-a', 'p1', view(1), 50);
    expect(hub.connections('meeting-a')).toBe(1);
    const received = await frames(stream, 10);
    expect(received).toHaveLength(2);
    expect(hub.connections('meeting-a')).toBe(0);
    hub.close();
  });
});

describe('LiveTickets', () => {
  const tickets = new LiveTickets('s'.repeat(32));
  const ticket = { meetingKey: 'm1', participantId: 'p1', expiresAt: 1_000 };

  it('accepts its own unexpired ticket and nothing else', () => {
    const signed = tickets.sign(ticket);
    expect(tickets.verify(signed, 999)).toEqual(ticket);
    expect(tickets.verify(signed, 1_000)).toBeNull();
    expect(new LiveTickets('t'.repeat(32)).verify(signed, 0)).toBeNull();
    const [payload] = signed.split('.');
    const forged = Buffer.from(JSON.stringify({ ...ticket, meetingKey: 'm2' })).toString(
      'base64url',
    );
    expect(tickets.verify(`${forged}.${signed.split('.')[1] ?? ''}`, 0)).toBeNull();
    expect(tickets.verify(payload ?? '', 0)).toBeNull();
    expect(tickets.verify('garbage', 0)).toBeNull();
  });
});
