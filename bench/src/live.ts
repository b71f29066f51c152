// A live subscriber as the side panel is one: a server-sent events stream from the ticket URL.
// It notes when each view version arrives (the SSE id is the version) and keeps the latest view's
// bytes, decoding and parsing them only when asked: a thousand streams in one process must cost
// the measurement as little as possible, since the floor is measured through the same code.
import { request, type ClientRequest } from 'node:http';
import type { PublicView } from '@roundtable/core';
import { now, sleep } from './stats.js';

const FRAME_END = Buffer.from('\n\n');
const ID = Buffer.from('id: ');
const VIEW = Buffer.from('\nevent: view\ndata: ');

export class LiveStream {
  /** When each version's frame arrived (performance.now() of the chunk that completed it). */
  readonly arrivals = new Map<number, number>();
  latestVersion = -1;
  private latestBytes: Buffer = Buffer.alloc(0);
  /** Bytes of a frame not complete yet. */
  private pending: Buffer[] = [];
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
        response.on('data', (chunk: Buffer) => {
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

  /** Frames end with a blank line; view data is JSON, which never holds a raw line break. */
  private receive(chunk: Buffer, at: number): void {
    let start = 0;
    // A frame's end split across two chunks: "\n" closing one, "\n" opening the next.
    const last = this.pending.at(-1);
    if (last?.at(-1) === 0x0a && chunk[0] === 0x0a) {
      this.frame(Buffer.concat(this.pending).subarray(0, -1), at);
      this.pending = [];
      start = 1;
    }
    for (;;) {
      const end = chunk.indexOf(FRAME_END, start);
      if (end < 0) {
        if (start < chunk.length) this.pending.push(chunk.subarray(start));
        return;
      }
      const piece = chunk.subarray(start, end);
      this.frame(this.pending.length === 0 ? piece : Buffer.concat([...this.pending, piece]), at);
      this.pending = [];
      start = end + FRAME_END.length;
    }
  }

  /** A view frame is `id: {version}\nevent: view\ndata: {json}`; others are skipped. */
  private frame(frame: Buffer, at: number): void {
    if (frame.indexOf(ID) !== 0) return;
    const header = frame.indexOf(VIEW);
    if (header < 0) return;
    const version = Number(frame.toString('latin1', ID.length, header));
    if (!Number.isInteger(version)) return;
    if (!this.arrivals.has(version)) this.arrivals.set(version, at);
    if (version >= this.latestVersion) {
      this.latestVersion = version;
      this.latestBytes = frame.subarray(header + VIEW.length);
    }
  }

  /** The latest view's JSON, as received. */
  get latestData(): string {
    return this.latestBytes.toString('utf8');
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
