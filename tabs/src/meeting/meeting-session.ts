// Keeps one person's view of one meeting current: a first read, live updates (live-link.ts),
// polling with If-None-Match as the fallback that heals missed messages, and commands
// (send-command.ts). The server's view always wins (view-state.ts).
import type { PublicCommand, PublicView } from '@roundtable/core';
import type { ApiClient } from '../api/client.js';
import type { SignInError } from '../api/errors.js';
import type { MeetingController, SendOutcome } from './controller.js';
import { LiveLink, type Subscribe } from './live-link.js';
import { readView } from './read-view.js';
import { sendCommand, type SendHooks } from './send-command.js';
import { Timers } from './timers.js';
import { ViewState } from './view-state.js';

export interface SessionOptions {
  readonly pollLiveMs?: number;
  readonly pollFallbackMs?: number;
  readonly maxSendAttempts?: number;
  readonly subscribe?: Subscribe;
  readonly sleep?: (ms: number) => Promise<void>;
  /** Teams could not sign the person in: the session has stopped and waits for them to act. */
  readonly onSignInLost?: (error: SignInError) => void;
}

export class MeetingSession {
  private readonly state = new ViewState((command) => this.send(command));
  private readonly timers = new Timers();
  private readonly link: LiveLink;
  private readonly sendHooks: SendHooks;
  private etag: string | null = null;
  readonly subscribe: (listener: () => void) => () => void = this.state.subscribe;
  readonly snapshot: () => MeetingController = this.state.snapshot;

  constructor(
    private readonly client: ApiClient,
    private readonly meetingId: string,
    private readonly options: SessionOptions = {},
  ) {
    const onSignInLost = (error: SignInError) => {
      this.signInLost(error);
    };
    this.link = new LiveLink(
      client,
      meetingId,
      {
        onStatus: (status) => {
          this.state.update({ status });
        },
        onView: (view) => {
          this.applyLive(view);
        },
        onNudge: () => void this.refresh(),
        onSignInLost,
      },
      options.subscribe,
    );
    this.sendHooks = {
      attempts: options.maxSendAttempts ?? 6,
      sleep: options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
      onView: this.state.apply.bind(this.state),
      onProblem: (problem) => {
        this.state.update({ problem });
      },
      onSignInLost,
    };
  }

  /** Starts, or wakes after stop(): React's strict mode and Teams' app caching both restart. */
  start(): void {
    if (this.timers.running) return;
    this.timers.resume();
    void this.refresh();
    void this.link.connect();
    this.schedulePoll();
  }

  /** Sleeps: no live connection, no polling, nothing scheduled. The view stays as it was. */
  stop(): void {
    this.timers.cancelAll();
    this.link.close();
  }

  send(command: PublicCommand): Promise<SendOutcome> {
    return sendCommand(this.client, this.meetingId, command, this.sendHooks);
  }

  private async refresh(): Promise<void> {
    const outcome = await readView(this.client, this.meetingId, this.etag);
    if (!this.timers.running) return;
    const { state } = this;
    switch (outcome.kind) {
      case 'view':
        this.etag = outcome.etag;
        state.apply(outcome.view);
        state.update({ problem: null });
        return;
      case 'ended':
        // The ended view stays: the person sees the session ended, not an error.
        if (state.view !== null && state.view.phase !== 'ended')
          state.apply({ ...state.view, phase: 'ended' });
        state.update({ problem: null });
        return;
      case 'unchanged':
        state.update({ problem: null });
        return;
      case 'problem':
        state.update({ problem: outcome.detail });
        // A failing read means the live stream is most likely gone too, even if it has not said
        // so (a proxy can keep a dead one open): reconnect through /live.
        if (outcome.connectionLost && !(state.status === 'reconnecting' && !this.link.connected))
          this.link.drop();
        return;
      case 'signed-out':
        this.signInLost(outcome.error);
        return;
    }
  }

  private applyLive(view: PublicView): void {
    const current = this.state.view;
    // A session that has just opened, or one this person has not arrived in yet, is read at once
    // so they arrive in it; and the live link is asked for again, because each session's nudges
    // go to that session's own pseudonyms.
    const newSession = current !== null && view.session !== current.session;
    // Carry-over just turned on: arriving again lets the server note this person's carry key, so
    // an entry they already have can be carried to the next session.
    const carryOverOn = current !== null && view.options.carryOver && !current.options.carryOver;
    this.state.applyPublic(view);
    if (newSession || carryOverOn || current?.you.participantId === '') void this.refresh();
    // Hosts refetch: their private lists (not heard yet) follow every turn.
    else if (current === null || current.you.isHost)
      this.timers.later(250, () => void this.refresh());
    if (newSession) void this.link.connect();
  }

  private signInLost(error: SignInError): void {
    if (!this.timers.running) return;
    this.stop();
    this.options.onSignInLost?.(error);
  }

  private schedulePoll(): void {
    const interval =
      this.state.status === 'live'
        ? (this.options.pollLiveMs ?? 30_000)
        : (this.options.pollFallbackMs ?? 3_000);
    this.timers.later(interval, () => {
      void this.refresh().finally(() => {
        this.schedulePoll();
      });
    });
  }
}
