// Keeps one person's view of one meeting current: a first read, live updates, polling with
// If-None-Match as the fallback that heals missed messages, and commands retried under one id.
// The server's view always wins; older versions never replace newer ones.
import type { ParticipantView, PublicCommand, PublicView } from '@roundtable/core';
import type { ApiClient } from '../api/client.js';
import { NetworkError } from '../api/client.js';
import type { LiveAccess } from '../api/client.js';
import { subscribeLive, type LiveHandlers, type LiveSubscription } from '../api/live.js';
import type { ConnectionStatus, MeetingController, SendOutcome } from './controller.js';

export interface SessionOptions {
  readonly pollLiveMs?: number;
  readonly pollFallbackMs?: number;
  readonly maxSendAttempts?: number;
  readonly subscribe?: (access: LiveAccess, handlers: LiveHandlers) => LiveSubscription;
  readonly sleep?: (ms: number) => Promise<void>;
}

const UNREACHABLE_NOW = 'Roundtable cannot be reached right now.';
const UNREACHABLE = `${UNREACHABLE_NOW} Nothing you typed is lost.`;

/** Said while a command waits to be sent again, so the person knows it is still on its way. */
function retrying(reason: string, waitMs: number): string {
  return `${reason} Trying again in ${Math.max(1, Math.ceil(waitMs / 1000))} s; nothing you typed is lost.`;
}

export class MeetingSession {
  private view: ParticipantView | null = null;
  private etag: string | null = null;
  private status: ConnectionStatus = 'connecting';
  private problem: string | null = null;
  private snapshotValue: MeetingController;
  private readonly listeners = new Set<() => void>();
  private live: LiveSubscription | null = null;
  private timers = new Set<ReturnType<typeof setTimeout>>();
  private liveFailures = 0;
  private liveRetryPending = false;
  private stopped = false;
  /** Bumped by every start and stop, so work begun before a restart cannot act after it. */
  private generation = 0;

  constructor(
    private readonly client: ApiClient,
    private readonly meetingId: string,
    private readonly options: SessionOptions = {},
  ) {
    this.snapshotValue = this.makeSnapshot();
  }

  start(): void {
    // React's strict mode stops and starts effects once in development; a restart must work.
    this.stopped = false;
    this.generation += 1;
    void this.refresh();
    void this.connectLive();
    this.schedulePoll();
  }

  stop(): void {
    this.stopped = true;
    this.generation += 1;
    this.live?.close();
    this.live = null;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  snapshot = (): MeetingController => this.snapshotValue;

  async send(command: PublicCommand): Promise<SendOutcome> {
    const body = { ...command, id: crypto.randomUUID() };
    const attempts = this.options.maxSendAttempts ?? 6;
    for (let attempt = 0; attempt < attempts; attempt++) {
      let waitMs = Math.min(8_000, 500 * 2 ** attempt);
      let reason: string;
      try {
        const result = await this.client.command(this.meetingId, body);
        if (result.kind === 'view') {
          this.apply(result.view);
          this.update({ problem: null });
          return { ok: true };
        }
        const { problem } = result;
        if (problem.view) this.apply(problem.view);
        if (problem.status !== 429 && problem.status < 500)
          return { ok: false, message: problem.detail, retrying: false };
        waitMs = (problem.retryAfter ?? waitMs / 1000) * 1000;
        reason = problem.detail;
      } catch (error) {
        if (!(error instanceof NetworkError)) throw error;
        reason = UNREACHABLE_NOW;
      }
      if (attempt === attempts - 1) {
        this.update({ problem: reason === UNREACHABLE_NOW ? UNREACHABLE : reason });
        break;
      }
      this.update({ problem: retrying(reason, waitMs) });
      await this.sleep(waitMs);
    }
    return {
      ok: false,
      message: 'Roundtable could not be reached. What you typed is kept; try again in a moment.',
      retrying: false,
    };
  }

  private async refresh(): Promise<void> {
    try {
      const result = await this.client.view(this.meetingId, this.etag);
      if (result.kind === 'view') {
        this.etag = result.etag;
        this.apply(result.view);
        this.update({ problem: null });
      } else if (result.kind === 'problem' && result.problem.code === 'meeting-ended') {
        // Once a meeting is forgotten nobody has a view of it any more; the ended view stays.
        if (this.view !== null && this.view.phase !== 'ended')
          this.apply({ ...this.view, phase: 'ended' });
        if (this.problem !== null) this.update({ problem: null });
      } else if (result.kind === 'problem') {
        this.update({ problem: result.problem.detail });
        // The API itself saying that storage (or another dependency) is away is an answer: the
        // API is there, and so is the live stream, which keeps working once storage is back.
        const apiAnswered = result.problem.code === 'unavailable';
        if (result.problem.status >= 500 && !apiAnswered) this.lostConnection();
      } else if (this.problem !== null) {
        this.update({ problem: null });
      }
    } catch (error) {
      if (!(error instanceof NetworkError)) throw error;
      this.update({ problem: UNREACHABLE });
      this.lostConnection();
    }
  }

  /**
   * A failing read means the live stream is most likely gone too, even if the socket has not said
   * so (a proxy can keep it open): drop it and reconnect through /live.
   */
  private lostConnection(): void {
    if (this.status === 'reconnecting' && this.live === null) return;
    this.live?.close();
    this.live = null;
    this.update({ status: 'reconnecting' });
    if (!this.liveRetryPending) this.retryLive();
  }

  private async connectLive(): Promise<void> {
    if (this.stopped) return;
    const generation = this.generation;
    let access: LiveAccess | { status: number };
    try {
      access = await this.client.live(this.meetingId);
    } catch {
      access = { status: 0 };
    }
    // stop() and start() both move the generation on, so this also covers a stop while waiting.
    if (generation !== this.generation) return;
    this.live?.close();
    if (!('transport' in access)) {
      // Unreachable or failing: keep trying to get back. Refused outright: poll instead.
      this.update({
        status: access.status === 0 || access.status >= 500 ? 'reconnecting' : 'polling',
      });
      this.retryLive();
      return;
    }
    const subscribe = this.options.subscribe ?? subscribeLive;
    this.live = subscribe(access, {
      onOpen: () => {
        this.liveFailures = 0;
        this.update({ status: 'live' });
      },
      onView: (view) => {
        this.applyPublic(view);
      },
      onNudge: () => void this.refresh(),
      onDrop: () => {
        if (generation !== this.generation) return;
        // Reconnect through /live: a fresh ticket also covers one that expired.
        this.live?.close();
        this.live = null;
        this.update({ status: 'reconnecting' });
        this.retryLive();
      },
    });
  }

  private reconnectLive(): void {
    this.live?.close();
    this.live = null;
    void this.connectLive();
  }

  private retryLive(): void {
    this.liveFailures += 1;
    this.liveRetryPending = true;
    this.later(Math.min(30_000, 1_000 * 2 ** Math.min(this.liveFailures, 4)), () => {
      this.liveRetryPending = false;
      void this.connectLive();
    });
  }

  private schedulePoll(): void {
    const interval =
      this.status === 'live'
        ? (this.options.pollLiveMs ?? 30_000)
        : (this.options.pollFallbackMs ?? 3_000);
    this.later(interval, () => {
      void this.refresh().finally(() => {
        this.schedulePoll();
      });
    });
  }

  /**
   * A live message carries only the public view: this person's entries follow from the queue; the
   * rest of their part changes only by their own commands or arrives as a nudge. Hosts refetch,
   * because their private lists (not heard yet) follow every turn. A session that has just opened
   * (or one this person has not yet been seen in) is read at once, so they arrive in it, and the
   * live stream is asked for again: nudges of each session go to its own pseudonyms.
   */
  private applyPublic(update: PublicView): void {
    const current = this.view;
    if (current !== null && update.version <= current.version) return;
    if (
      current !== null &&
      (update.session !== current.session || current.you.participantId === '')
    ) {
      void this.refresh();
      if (update.session !== current.session) this.reconnectLive();
    }
    if (current !== null) {
      const entries = update.queue.flatMap((entry, position) =>
        entry.participantId === current.you.participantId
          ? [{ entryId: entry.entryId, kind: entry.kind, position }]
          : [],
      );
      this.view = { ...current, ...update, you: { ...current.you, entries } };
      this.publish();
    }
    if (current === null || current.you.isHost) this.later(250, () => void this.refresh());
  }

  private apply(view: ParticipantView): void {
    if (this.view !== null && view.version < this.view.version) return;
    this.view = view;
    this.publish();
  }

  private update(change: { status?: ConnectionStatus; problem?: string | null }): void {
    this.status = change.status ?? this.status;
    if (change.problem !== undefined) this.problem = change.problem;
    this.publish();
  }

  private publish(): void {
    this.snapshotValue = this.makeSnapshot();
    for (const listener of this.listeners) listener();
  }

  private makeSnapshot(): MeetingController {
    return {
      view: this.view,
      status: this.status,
      problem: this.problem,
      send: (command) => this.send(command),
      now: () => Date.now(),
    };
  }

  private later(ms: number, work: () => void): void {
    if (this.stopped) return;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      if (!this.stopped) work();
    }, ms);
    this.timers.add(timer);
  }

  private sleep(ms: number): Promise<void> {
    return this.options.sleep?.(ms) ?? new Promise((resolve) => setTimeout(resolve, ms));
  }
}
