// What one person's panel shows, kept as one snapshot per change for useSyncExternalStore.
// Views only move forward (a new session is forward); a live message (public view only) is laid
// over the person's own.
import { sameSaid, type Said } from '../i18n/translator.js';
import type { ParticipantView, PublicCommand, PublicView } from '@roundtable/core';
import type { ConnectionStatus, MeetingController, SendOutcome } from './controller.js';

/**
 * Views order by session, then by version within it. A Teams meeting has successive sessions,
 * each counting its versions from the start; the API numbers them in `session` once it knows them
 * (views without it are one session).
 */
function sessionOf(view: PublicView): number {
  return (view as { readonly session?: number }).session ?? 0;
}

/** True when `next` is at least as new as `current` (same session: not an older version). */
export function supersedes(next: PublicView, current: PublicView, orSame = true): boolean {
  const bySession = sessionOf(next) - sessionOf(current);
  if (bySession !== 0) return bySession > 0;
  return orSame ? next.version >= current.version : next.version > current.version;
}

export class ViewState {
  view: ParticipantView | null = null;
  status: ConnectionStatus = 'connecting';
  problem: Said | null = null;
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
    if (this.view !== null && !supersedes(view, this.view)) return;
    this.view = view;
    this.publish();
  }

  /**
   * This person's entries follow from the public queue; the rest of their part stays, and so does
   * why an entry already known is where it is (the public queue never says).
   */
  applyPublic(update: PublicView): void {
    const current = this.view;
    if (current === null || !supersedes(update, current, false)) return;
    const known = new Map(current.you.entries.map((entry) => [entry.entryId, entry.why]));
    const entries = update.queue.flatMap((entry, position) => {
      if (entry.participantId !== current.you.participantId) return [];
      const why = known.get(entry.entryId);
      return [{ entryId: entry.entryId, kind: entry.kind, position, ...(why ? { why } : {}) }];
    });
    this.apply({ ...current, ...update, you: { ...current.you, entries } });
  }

  update(change: { status?: ConnectionStatus; problem?: Said | null }): void {
    const status = change.status ?? this.status;
    const problem = change.problem === undefined ? this.problem : change.problem;
    if (status === this.status && sameSaid(problem, this.problem)) return;
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
