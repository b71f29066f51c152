// What the Roundtable API answers, as the tab reads it (the view itself is core's contract).
import type { ParticipantView } from '@roundtable/core';

export type { LiveAccess } from '@roundtable/core';

export interface Problem {
  readonly status: number;
  readonly title: string;
  /** Written by the API for the person reading it. */
  readonly detail: string;
  readonly code?: string;
  /** With `unavailable`: what did not answer (storage, teams, sign-in, live, busy). */
  readonly dependency?: string;
  readonly view?: ParticipantView;
  /** Seconds to wait before trying again (429 and 503). */
  readonly retryAfter?: number;
}

export interface OutboxCard {
  readonly at: number;
  readonly card: { readonly body?: readonly Record<string, unknown>[] };
}

export type ViewResult =
  | { readonly kind: 'view'; readonly view: ParticipantView; readonly etag: string | null }
  | { readonly kind: 'unchanged' }
  | { readonly kind: 'problem'; readonly problem: Problem };

export type CommandResult =
  | { readonly kind: 'view'; readonly view: ParticipantView }
  | { readonly kind: 'problem'; readonly problem: Problem };
