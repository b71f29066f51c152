// Loads the summary once per source, and then by itself: every few seconds while the summary is
// still to come (a meeting chat or details tab opened during the meeting shows it as soon as it
// is ready, without being reopened), and with a growing pause after a failure (the person can
// also retry at once). A ready summary, or one that cannot exist, is where it stops — unless
// what Teams recorded is still to come: then it asks again, each time after twice the pause.
import type { Said } from '../i18n/translator.js';
import { useCallback, useEffect, useState } from 'react';
import type { SummarySource, SummaryState } from './source.js';

const LOAD_FAILED: Said = {
  key: 'summary.loadFailed',
  english: 'We could not load the summary just now. Check your connection, then try again.',
};

/** How often a waiting page asks again; the ending job takes a few seconds after the session. */
export const WAITING_POLL_MS = 5_000;
/** A page nobody looks at asks this many times less often (and at once when looked at). */
const HIDDEN_SLOWER = 6;
const LONGEST_PAUSE_MS = 60_000;

/** The current state; an error's `retry` runs the source's own retry, then loads again. */
export function useSummary(source: SummarySource, pollMs = WAITING_POLL_MS): SummaryState {
  const [state, setState] = useState<SummaryState>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const reload = useCallback(() => {
    setAttempt((count) => count + 1);
  }, []);

  useEffect(() => {
    let current = true;
    let again = false;
    let failures = 0;
    let pending = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const askAgain = (pauseMs: number) => {
      again = true;
      const hidden = document.visibilityState === 'hidden';
      timer = setTimeout(
        load,
        Math.min(LONGEST_PAUSE_MS, hidden ? pauseMs * HIDDEN_SLOWER : pauseMs),
      );
    };
    const failed = () => {
      failures += 1;
      askAgain(pollMs * 2 ** failures);
    };
    function load() {
      again = false;
      source.load().then(
        (next) => {
          if (!current) return;
          if (next.kind === 'error') {
            failed();
            setState({
              ...next,
              retry: () => {
                next.retry();
                reload();
              },
            });
            return;
          }
          failures = 0;
          if (next.kind === 'waiting') askAgain(pollMs);
          // Looks come seconds (locally) to hours (in Teams) after the summary: ask ever less often.
          if (next.kind === 'ready' && next.summary.floorGaps.some((g) => g.gap === 'not-ready')) {
            pending += 1;
            askAgain(pollMs * 2 ** pending);
          }
          setState(next);
        },
        () => {
          if (!current) return;
          failed();
          setState({ kind: 'error', message: LOAD_FAILED, retry: reload });
        },
      );
    }
    const lookedAt = () => {
      if (!again || document.visibilityState !== 'visible') return;
      clearTimeout(timer);
      load();
    };
    document.addEventListener('visibilitychange', lookedAt);
    setState({ kind: 'loading' });
    load();
    return () => {
      current = false;
      clearTimeout(timer);
      document.removeEventListener('visibilitychange', lookedAt);
    };
  }, [source, attempt, reload, pollMs]);

  return state;
}
