// The simulator shows several people on one page. Browsers allow six HTTP/1.1 connections per
// host, so one live stream per panel would starve the commands: the panels share one stream of
// the public view instead, and poll often for their private parts.
import type { LiveAccess } from '../api/client.js';
import { subscribeLive, type LiveHandlers, type LiveSubscription } from '../api/live.js';

export class SharedLive {
  /** The meeting every panel sharing this stream belongs to. */
  constructor(readonly meetingId: string) {}

  private readonly handlers = new Set<LiveHandlers>();
  private stream: LiveSubscription | null = null;
  private open = false;

  subscribe = (access: LiveAccess, handlers: LiveHandlers): LiveSubscription => {
    this.handlers.add(handlers);
    if (this.stream === null) this.connect(access);
    else if (this.open) handlers.onOpen();
    return {
      close: () => {
        this.handlers.delete(handlers);
        if (this.handlers.size === 0) this.disconnect();
      },
    };
  };

  private connect(access: LiveAccess): void {
    this.stream = subscribeLive(access, {
      onOpen: () => {
        this.open = true;
        for (const handler of this.handlers) handler.onOpen();
      },
      onView: (view) => {
        for (const handler of this.handlers) handler.onView(view);
      },
      onNudge: () => undefined,
      onDrop: () => {
        const dropped = [...this.handlers];
        this.handlers.clear();
        this.disconnect();
        for (const handler of dropped) handler.onDrop();
      },
    });
  }

  private disconnect(): void {
    this.open = false;
    this.stream?.close();
    this.stream = null;
  }
}
