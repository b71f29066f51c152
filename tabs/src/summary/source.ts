// What the summary page needs from the outside world: one call that says how loading went.
import type { InclusionSummary } from '@roundtable/core';
import type { Said } from '../i18n/translator.js';

export type SummaryState =
  | { kind: 'loading' }
  /** The summary comes later (the session is still going); the page checks again by itself. */
  | { kind: 'waiting'; message: Said }
  /** There is no summary to show (erased, expired, or not offered); `message` says which. */
  | { kind: 'unavailable'; message: Said }
  /** Loading failed; `message` is written for the person, `retry` runs before the page reloads. */
  | { kind: 'error'; message: Said; retry: () => void }
  | {
      kind: 'ready';
      summary: InclusionSummary;
      /** The recurring series this meeting belongs to, or null when there is none. */
      series: InclusionSummary[] | null;
      /** The smallest group the meeting shows results for; DEFAULT_K when not given. */
      k?: number;
    };

export interface SummarySource {
  load(): Promise<SummaryState>;
}
