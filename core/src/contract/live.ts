// How a panel follows a meeting live, as both ends of the wire read it: the answer of
// GET /api/meetings/{meetingId}/live, and the names of the server-sent events the local host sends.

export interface LiveAccess {
  /** Server-sent events from the local host; Azure Web PubSub in Azure. */
  readonly transport: 'sse' | 'webpubsub';
  readonly url: string;
  /** When the url stops working (ms since the epoch): the panel asks again before then. */
  readonly expiresAt: number;
}

export const LIVE_EVENTS = {
  /** The public view, as JSON, with its version as the event id. */
  view: 'view',
  /** Something in some watcher's own view changed (never says what): they fetch it. */
  nudge: 'nudge',
} as const;

/** RFC 9457 problem types are this base followed by the problem's code (or its HTTP status). */
export const PROBLEM_TYPE_BASE = 'https://roundtable.invalid/problems/';
