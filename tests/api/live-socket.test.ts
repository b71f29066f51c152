// The local host writes live frames straight to each subscriber's socket. What must hold on that
// path as on the stream's: every frame in order, the subscriber forgotten when its client hangs up,
// and a client that stops reading let go rather than buffered without bound.
import { request } from 'node:http';
import { connect } from 'node:net';
import { afterEach, describe, expect, it } from '@jest/globals';
import { type PublicView, initialMeetingState, publicView } from '@roundtable/core';
import { LiveTickets } from '../../api/src/adapters/local/live-tickets.js';
import { SseHub } from '../../api/src/adapters/local/sse-hub.js';
import { startLocalHost, type LocalHost } from '../../api/src/host/local-host.js';
import type { Route } from '../../api/src/routes.js';

const HOUR = 60 * 60_000;
const view = (version: number, padding = ''): PublicView =>
  ({ ...publicView(initialMeetingState(), { meetingId: 'm', version }), padding }) as PublicView;

let host: LocalHost | null = null;
let hub: SseHub | null = null;

afterEach(async () => {
  hub?.close();
  await host?.close();
  host = null;
  hub = null;
});

async function serve(): Promise<{ hub: SseHub; url: string }> {
  const liveHub = new SseHub(new LiveTickets('s'.repeat(32)), () => 0);
  const route: Route = {
    name: 'live-test',
    methods: ['GET'],
    route: 'live',
    localOnly: true,
    handler: () =>
      Promise.resolve({
        status: 200,
        headers: { 'content-type': 'text/event-stream' },
        body: liveHub.subscribe('m', 'p1', view(1), HOUR),
      }),
  };
  hub = liveHub;
  host = await startLocalHost({ routes: [route], port: 0, allowedOrigin: 'http://localhost:1' });
  return { hub: liveHub, url: `${host.url}/api/live` };
}

async function until(done: () => boolean): Promise<void> {
  const deadline = Date.now() + 5_000;
  while (!done()) {
    if (Date.now() > deadline) throw new Error('Timed out waiting.');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('live frames on the local host', () => {
  it('sends each frame in order and forgets the subscriber when the client hangs up', async () => {
    const { hub: live, url } = await serve();
    let text = '';
    const headers: Record<string, unknown> = {};
    const client = request(url, (response) => {
      Object.assign(headers, response.headers);
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
    });
    client.on('error', () => undefined);
    client.end();
    await until(() => text.includes('id: 1\n'));
    expect(live.connections('m')).toBe(1);
    await live.publish('m', view(2));
    await live.publish('m', view(3));
    await until(() => text.includes('id: 3\n'));
    const ids = text
      .split('\n\n')
      .filter((frame) => frame.startsWith('id: '))
      .map((frame) => frame.slice(4, frame.indexOf('\n')));
    expect(text.startsWith('retry: 2000\n\n')).toBe(true);
    expect(ids).toEqual(['1', '2', '3']);
    expect(headers['content-type']).toBe('text/event-stream');
    expect(headers['x-content-type-options']).toBe('nosniff');
    client.destroy();
    await until(() => live.connections('m') === 0);
  });

  it('lets go of a client that stops reading instead of holding its frames without bound', async () => {
    const { hub: live, url } = await serve();
    const { port } = new URL(url);
    const socket = connect(Number(port), '127.0.0.1');
    let closed = false;
    socket.on('close', () => (closed = true));
    socket.on('error', () => undefined);
    socket.write('GET /api/live HTTP/1.1\r\nHost: localhost\r\n\r\n');
    // Read the answer's start, then never again.
    await new Promise((resolve) => socket.once('data', resolve));
    socket.pause();
    expect(live.connections('m')).toBe(1);
    const frame = view(2, 'x'.repeat(64 * 1024));
    let published = 0;
    // At most 64 MiB: kernel buffers take a few MiB, the hub allows 1 MiB more, then lets go.
    while (live.connections('m') > 0 && published < 1024) {
      await live.publish('m', frame);
      published += 1;
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(live.connections('m')).toBe(0);
    expect(published).toBeGreaterThan(16);
    socket.resume();
    await until(() => closed);
  });
});
