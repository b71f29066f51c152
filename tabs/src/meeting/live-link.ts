// The live half of a meeting session: asks /live how to connect, stays connected, and reconnects
// through /live (a fresh ticket also covers one that expired) with backoff after every drop.
import type { PublicView } from '@roundtable/core';
import type { ApiClient, LiveAccess, Problem } from '../api/client.js';
import { SignInError } from '../api/errors.js';
import { subscribeLive, type LiveHandlers, type LiveSubscription } from '../api/live.js';
import type { ConnectionStatus } from './controller.js';

export interface LiveLinkEvents {
  onStatus(status: ConnectionStatus): void;
  onView(view: PublicView): void;
  onNudge(): void;
  onSignInLost(error: SignInError): void;
}

export type Subscribe = (access: LiveAccess, handlers: LiveHandlers) => LiveSubscription;

export class LiveLink {
  private live: LiveSubscription | null = null;
  private failures = 0;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  /** Bumped by every connect and close, so an answer from before cannot act after it. */
  private generation = 0;

  constructor(
    private readonly client: ApiClient,
    private readonly meetingId: string,
    private readonly events: LiveLinkEvents,
    private readonly subscribe: Subscribe = subscribeLive,
  ) {}

  get connected(): boolean {
    return this.live !== null;
  }

  get retryPending(): boolean {
    return this.retryTimer !== null;
  }

  async connect(): Promise<void> {
    const generation = ++this.generation;
    let access: LiveAccess | Problem | { status: 0 };
    try {
      access = await this.client.live(this.meetingId);
    } catch (error) {
      if (error instanceof SignInError) {
        if (generation === this.generation) this.events.onSignInLost(error);
        return;
      }
      access = { status: 0 };
    }
    if (generation !== this.generation) return;
    this.live?.close();
    this.live = null;
    if (!('transport' in access)) {
      // Unreachable or failing: keep trying to get back. Refused outright: poll instead.
      this.events.onStatus(
        access.status === 0 || access.status >= 500 ? 'reconnecting' : 'polling',
      );
      this.retryLater();
      return;
    }
    this.live = this.subscribe(access, {
      onOpen: () => {
        this.failures = 0;
        this.events.onStatus('live');
      },
      onView: (view) => {
        this.events.onView(view);
      },
      onNudge: () => {
        this.events.onNudge();
      },
      onDrop: () => {
        if (generation !== this.generation) return;
        this.drop();
      },
    });
  }

  /** Drops the connection (a proxy can keep a dead one open) and reconnects through /live. */
  drop(): void {
    this.live?.close();
    this.live = null;
    this.events.onStatus('reconnecting');
    if (this.retryTimer === null) this.retryLater();
  }

  close(): void {
    this.generation += 1;
    this.live?.close();
    this.live = null;
    if (this.retryTimer !== null) clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }

  private retryLater(): void {
    this.failures += 1;
    const generation = this.generation;
    this.retryTimer = setTimeout(
      () => {
        this.retryTimer = null;
        if (generation === this.generation) void this.connect();
      },
      Math.min(30_000, 1_000 * 2 ** Math.min(this.failures, 4)),
    );
  }
}
