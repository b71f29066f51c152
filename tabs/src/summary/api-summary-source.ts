// The summary page's source in front of the Roundtable API: the latest summary of the meeting the
// person organised, and the trend over its sessions when there is more than one.
import { saidOfProblem, type Said } from '../i18n/translator.js';
import type { InclusionSummary } from '@roundtable/core';
import type { ApiClient } from '../api/client.js';
import { SignInError } from '../api/errors.js';
import type { SummarySource, SummaryState } from './source.js';

export interface ApiSummaryOptions {
  /** A refused sign-in is the sign-in gate's to show, not the summary's. */
  readonly onSignInLost?: (error: SignInError) => void;
}

/**
 * The API answers 409 until a session's summary is stored, and 404 when a session that ended held
 * nothing to summarise (or it was erased). Seen just after a 409, a 404 is most likely the ending
 * still being finished by another instance, so the page keeps waiting for this long.
 */
export const ENDING_GRACE_MS = 2 * 60_000;

export function apiSummarySource(
  client: ApiClient,
  meetingId: string,
  { onSignInLost }: ApiSummaryOptions = {},
  now: () => number = Date.now,
): SummarySource {
  let lastRunningAt: number | null = null;
  return {
    load: async (): Promise<SummaryState> => {
      try {
        const result = await client.summary(meetingId);
        if (result.kind === 'summary') {
          // The trend is shown only for a meeting with more than one summarised session.
          const series = await client.series(meetingId);
          const trend = series !== null && series.length > 1 ? series : null;
          return { kind: 'ready', summary: result.body as InclusionSummary, series: trend };
        }
        const { status } = result.problem;
        // The API's code picks the reader's words; its English detail is the fallback.
        const detail = saidOfProblem(result.problem);
        // 409: the session is still going, so the summary is on its way.
        if (status === 409) {
          lastRunningAt = now();
          return { kind: 'waiting', message: detail };
        }
        if (status === 404 && lastRunningAt !== null && now() - lastRunningAt < ENDING_GRACE_MS)
          return {
            kind: 'waiting',
            message: {
              key: 'summary.ending',
              english: 'The session has ended. Its summary is being put together.',
            },
          };
        // 404: erased or expired; 501: not offered here.
        if (status === 404 || status === 501) return { kind: 'unavailable', message: detail };
        return { kind: 'error', message: detail, retry: () => undefined };
      } catch (error) {
        if (error instanceof SignInError) onSignInLost?.(error);
        const message: Said =
          error instanceof SignInError
            ? error.message
            : { key: 'send.unreachableNow', english: 'Roundtable cannot be reached right now.' };
        return { kind: 'error', message, retry: () => undefined };
      }
    },
  };
}
