// The summary page's source in front of the Roundtable API: the meeting's summary, and its
// series' trend when the meeting recurs.
import type { InclusionSummary } from '@roundtable/core';
import type { ApiClient } from '../api/client.js';
import { SignInError } from '../api/errors.js';
import type { SummarySource, SummaryState } from './source.js';

export interface ApiSummaryOptions {
  /** The recurring series (the meeting chat), or null. */
  readonly seriesId: string | null;
  /** A refused sign-in is the sign-in gate's to show, not the summary's. */
  readonly onSignInLost?: (error: SignInError) => void;
}

/**
 * Between the end of a session and its summary being stored, the API answers 404 (no summary) as
 * it does for an erased one. Seen just after a 409 (session still going), a 404 means the summary
 * is being put together, so the page keeps waiting for this long.
 */
export const ENDING_GRACE_MS = 2 * 60_000;

export function apiSummarySource(
  client: ApiClient,
  meetingId: string,
  { seriesId, onSignInLost }: ApiSummaryOptions,
  now: () => number = Date.now,
): SummarySource {
  let lastRunningAt: number | null = null;
  return {
    load: async (): Promise<SummaryState> => {
      try {
        const result = await client.summary(meetingId);
        if (result.kind === 'summary') {
          // The trend is shown only for a series with more than one summarised meeting.
          const series = seriesId === null ? null : await client.series(seriesId, meetingId);
          const trend = series !== null && series.length > 1 ? series : null;
          return { kind: 'ready', summary: result.body as InclusionSummary, series: trend };
        }
        const { status, detail } = result.problem;
        // 409: the session is still going, so the summary is on its way.
        if (status === 409) {
          lastRunningAt = now();
          return { kind: 'waiting', message: detail };
        }
        if (status === 404 && lastRunningAt !== null && now() - lastRunningAt < ENDING_GRACE_MS)
          return {
            kind: 'waiting',
            message: 'The session has ended. Its summary is being put together.',
          };
        // 404: erased or expired; 501: not offered here.
        if (status === 404 || status === 501) return { kind: 'unavailable', message: detail };
        return { kind: 'error', message: detail, retry: () => undefined };
      } catch (error) {
        if (error instanceof SignInError) onSignInLost?.(error);
        const message =
          error instanceof SignInError ? error.message : 'Roundtable cannot be reached right now.';
        return { kind: 'error', message, retry: () => undefined };
      }
    },
  };
}
