// What one person's panel shows, kept as one snapshot per change for useSyncExternalStore.
// Views only move forward; a live message (public view only) is laid over the person's own.
import type { ParticipantView, PublicCommand, PublicView } from '@roundtable/core';
import type { ConnectionStatus, MeetingController, SendOutcome } from './controller.js';

export class ViewState {
  view: ParticipantView | null = null;
  status: ConnectionStatus = 'connecting';
  problem: string | null = null;
  private readonly listeners = new Set<() => void>();
  private snapshotValue: MeetingController;

  constructor(private readonly send: (command: PublicCommand) => Promise<SendOutcome>) {
    this.snapshotValue = this.makeSnapshot();
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  snapshot = (): MeetingController => this.snapshotValue;

  apply(view: ParticipantView): void {
    if (this.view !== null && view.version < this.view.version) return;
    this.view = view;
    this.publish();
  }

  /** This person's entries follow from the public queue; the rest of their part stays. */
  applyPublic(update: PublicView): void {
    const current = this.view;
    if (current === null || update.version <= current.version) return;
    const entries = update.queue.flatMap((entry, position) =>
      entry.participantId === current.you.participantId
        ? [{ entryId: entry.entryId, kind: entry.kind, position }]
        : [],
    );
    this.apply({ ...current, ...update, you: { ...current.you, entries } });
  }

  update(change: { status?: ConnectionStatus; problem?: string | null }): void {
    const status = change.status ?? this.status;
    const problem = change.problem === undefined ? this.problem : change.problem;
    if (status === this.status && problem === this.problem) return;
    this.status = status;
    this.problem = problem;
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
      send: this.send,
      now: () => Date.now(),
    };
  }
}
