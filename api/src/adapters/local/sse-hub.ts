// Local live updates: server-sent events to every open side panel of a meeting. Only the public
// view is ever sent. Slow readers are dropped rather than buffered without bound.
import { LIVE_EVENTS, type LiveAccess, type PublicView } from '@roundtable/core';
import type { Broadcaster, Clock } from '../../application/ports.js';
import { LiveBody, Outlet } from './live-body.js';
import type { LiveTickets } from './live-tickets.js';

const TICKET_LIFETIME_MS = 5 * 60_000;
const KEEPALIVE_MS = 15_000;
const MAX_BUFFERED_BYTES = 1024 * 1024;
/**
 * Open streams one person may hold in one meeting. Beyond it the new stream is refused (429) and
 * the oldest are left alone: a ticket travels in the URL (EventSource cannot send headers), so it
 * may linger in history or logs, and whoever holds a copy must not be able to push the person's
 * own panel off its stream. A refused panel polls instead, and a connection that died frees its
 * place once the server sees it closed.
 */
export const MAX_STREAMS_PER_PERSON = 5;

interface Subscriber {
  readonly participantId: string;
  readonly outlet: Outlet;
  /** Ends the stream when its ticket expires, so no stream outlives what let it in. */
  readonly expiry: NodeJS.Timeout;
}

export class TooManyStreamsError extends Error {
  override readonly name = 'TooManyStreamsError';
  /** One keepalive period: time for a closing tab's stream to be noticed and let go. */
  readonly retryAfterSeconds = KEEPALIVE_MS / 1000;
}

export class SseHub implements Broadcaster {
  private readonly meetings = new Map<string, Set<Subscriber>>();
  private readonly encoder = new TextEncoder();
  private readonly keepalive: NodeJS.Timeout;

  constructor(
    private readonly tickets: LiveTickets,
    private readonly clock: Clock,
  ) {
    this.keepalive = setInterval(() => {
      this.sendAll(this.encoder.encode(': keepalive\n\n'));
    }, KEEPALIVE_MS);
    this.keepalive.unref();
  }

  publish(meetingKey: string, view: PublicView): Promise<void> {
    // Encoded once for everyone: nobody writes to the bytes, and a thousand copies cost time.
    const frame = this.encoder.encode(viewFrame(view));
    for (const subscriber of this.meetings.get(meetingKey) ?? [])
      this.send(meetingKey, subscriber, frame);
    return Promise.resolve();
  }

  nudge(meetingKey: string, participantIds: readonly string[]): Promise<void> {
    const targets = new Set(participantIds);
    const frame = this.encoder.encode(`event: ${LIVE_EVENTS.nudge}\ndata: {}\n\n`);
    for (const subscriber of this.meetings.get(meetingKey) ?? []) {
      if (targets.has(subscriber.participantId)) this.send(meetingKey, subscriber, frame);
    }
    return Promise.resolve();
  }

  access(meetingKey: string, meetingId: string, participantId: string): Promise<LiveAccess> {
    const expiresAt = this.clock() + TICKET_LIFETIME_MS;
    const ticket = this.tickets.sign({ meetingKey, participantId, expiresAt });
    const url = `/api/meetings/${encodeURIComponent(meetingId)}/live/events?ticket=${encodeURIComponent(ticket)}`;
    return Promise.resolve({ transport: 'sse', url, expiresAt });
  }

  disconnectAll(meetingKey: string): Promise<void> {
    for (const subscriber of this.meetings.get(meetingKey) ?? []) this.end(meetingKey, subscriber);
    return Promise.resolve();
  }

  /**
   * Opens a stream for one person until `expiresAt` (their ticket's expiry; the panel then asks
   * /live again); the first frame is `first`.
   */
  subscribe(
    meetingKey: string,
    participantId: string,
    first: PublicView,
    expiresAt: number,
  ): LiveBody {
    const subscribers = this.meetings.get(meetingKey) ?? new Set<Subscriber>();
    const open = [...subscribers].filter((s) => s.participantId === participantId).length;
    if (open >= MAX_STREAMS_PER_PERSON) {
      throw new TooManyStreamsError(
        `You already have ${MAX_STREAMS_PER_PERSON} live connections to this meeting; close a tab.`,
      );
    }
    const outlet = new Outlet();
    const expiry = setTimeout(
      () => {
        this.end(meetingKey, subscriber);
      },
      Math.max(0, expiresAt - this.clock()),
    );
    expiry.unref();
    const subscriber: Subscriber = { participantId, outlet, expiry };
    subscribers.add(subscriber);
    this.meetings.set(meetingKey, subscribers);
    outlet.write(this.encoder.encode('retry: 2000\n\n'));
    this.send(meetingKey, subscriber, this.encoder.encode(viewFrame(first)));
    return new LiveBody(outlet, () => {
      this.remove(meetingKey, subscriber);
    });
  }

  /** Open streams, for tests and the health of the local host. */
  connections(meetingKey?: string): number {
    if (meetingKey !== undefined) return this.meetings.get(meetingKey)?.size ?? 0;
    return [...this.meetings.values()].reduce((total, set) => total + set.size, 0);
  }

  close(): void {
    clearInterval(this.keepalive);
    for (const [meetingKey, subscribers] of this.meetings) {
      for (const subscriber of subscribers) this.end(meetingKey, subscriber);
    }
  }

  private end(meetingKey: string, subscriber: Subscriber): void {
    this.remove(meetingKey, subscriber);
    subscriber.outlet.close();
  }

  private send(meetingKey: string, subscriber: Subscriber, frame: Uint8Array): void {
    if (subscriber.outlet.backlog() > MAX_BUFFERED_BYTES) {
      this.remove(meetingKey, subscriber);
      subscriber.outlet.fail(new Error('The live stream fell too far behind.'));
      return;
    }
    try {
      subscriber.outlet.write(frame);
    } catch {
      this.remove(meetingKey, subscriber);
    }
  }

  private sendAll(frame: Uint8Array): void {
    for (const [meetingKey, subscribers] of this.meetings) {
      for (const subscriber of subscribers) this.send(meetingKey, subscriber, frame);
    }
  }

  private remove(meetingKey: string, subscriber: Subscriber): void {
    clearTimeout(subscriber.expiry);
    const subscribers = this.meetings.get(meetingKey);
    subscribers?.delete(subscriber);
    if (subscribers?.size === 0) this.meetings.delete(meetingKey);
  }
}

function viewFrame(view: PublicView): string {
  return `id: ${view.version}\nevent: ${LIVE_EVENTS.view}\ndata: ${JSON.stringify(view)}\n\n`;
}
