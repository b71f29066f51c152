// A live subscriber as the side panel is one: a server-sent events stream from the ticket URL.
// It notes when each view version arrives (the SSE id is the version) and keeps the latest view's
// raw data, parsing JSON only when asked, so a thousand streams cost little to receive.
import { request, type ClientRequest } from 'node:http';
import type { PublicView } from '@roundtable/core';
import { now, sleep } from './stats.js';

export class LiveStream {
  /** When each version's frame arrived (performance.now() of the chunk that completed it). */
  readonly arrivals = new Map<number, number>();
  latestVersion = -1;
  latestData = '';
  private buffer = '';
  private outgoing: ClientRequest | null = null;
  closed = false;

  /** Opens the stream; resolves once the first view (the meeting now) has arrived. */
  static async open(url: string, timeoutMs = 20_000): Promise<LiveStream> {
    const stream = new LiveStream();
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        reject(new Error('The live stream sent no view in time.'));
      }, timeoutMs);
      stream.outgoing = request(url, { agent: false }, (response) => {
        if (response.statusCode !== 200) {
          clearTimeout(timer);
          reject(new Error(`The live stream answered ${String(response.statusCode)}.`));
          response.resume();
          return;
        }
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => {
          stream.receive(chunk, now());
          if (stream.latestVersion >= 0) {
            clearTimeout(timer);
            resolve();
          }
        });
        response.on('close', () => {
          stream.closed = true;
        });
      });
      stream.outgoing.on('error', (error) => {
        stream.closed = true;
        clearTimeout(timer);
        reject(error);
      });
      stream.outgoing.end();
    });
    return stream;
  }

  private receive(chunk: string, at: number): void {
    this.buffer += chunk;
    let end: number;
    while ((end = this.buffer.indexOf('\n\n')) >= 0) {
      const frame = this.buffer.slice(0, end);
      this.buffer = this.buffer.slice(end + 2);
      if (!frame.includes('event: view')) continue;
      const id = /^id: (\d+)$/m.exec(frame);
      const data = /^data: (.*)$/m.exec(frame);
      if (id?.[1] === undefined || data?.[1] === undefined) continue;
      const version = Number(id[1]);
      if (!this.arrivals.has(version)) this.arrivals.set(version, at);
      if (version >= this.latestVersion) {
        this.latestVersion = version;
        this.latestData = data[1];
      }
    }
  }

  /** The latest view received, parsed. */
  latest(): PublicView {
    return JSON.parse(this.latestData) as PublicView;
  }

  close(): void {
    this.closed = true;
    this.outgoing?.destroy();
  }
}

/** Waits until `done` holds, checking every few milliseconds; false after `timeoutMs`. */
export async function until(done: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = now() + timeoutMs;
  while (!done()) {
    if (now() > deadline) return false;
    await sleep(2);
  }
  return true;
}

/** Waits until no stream has received anything new for `quietMs` (the meeting has settled). */
export async function quiet(streams: readonly LiveStream[], quietMs: number): Promise<void> {
  const latest = () => streams.reduce((max, stream) => Math.max(max, stream.latestVersion), -1);
  let seen = latest();
  let since = now();
  while (now() - since < quietMs) {
    await sleep(25);
    const current = latest();
    if (current !== seen) {
      seen = current;
      since = now();
    }
  }
}
