// Loads the summary once per source, again whenever the person asks to retry, and by itself
// every few seconds while the summary is still to come: a meeting chat or details tab opened
// during the meeting shows the summary as soon as it is ready, without being reopened.
import { useCallback, useEffect, useState } from 'react';
import type { SummarySource, SummaryState } from './source.js';

const LOAD_FAILED =
  'We could not load the summary just now. Check your connection, then try again.';

/** How often a waiting page asks again; the ending job takes a few seconds after the session. */
export const WAITING_POLL_MS = 5_000;
const HIDDEN_SLOWER = 6;

/** The current state; an error's `retry` runs the source's own retry, then loads again. */
export function useSummary(source: SummarySource, pollMs = WAITING_POLL_MS): SummaryState {
  const [state, setState] = useState<SummaryState>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const reload = useCallback(() => {
    setAttempt((count) => count + 1);
  }, []);

  useEffect(() => {
    let current = true;
    let waiting = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const load = () => {
      waiting = false;
      source.load().then(
        (next) => {
          if (!current) return;
          if (next.kind === 'waiting') {
            waiting = true;
            // A page nobody looks at asks less often, and at once when it is looked at again.
            const hidden = document.visibilityState === 'hidden';
            timer = setTimeout(load, hidden ? pollMs * HIDDEN_SLOWER : pollMs);
          }
          if (next.kind !== 'error') {
            setState(next);
            return;
          }
          setState({
            ...next,
            retry: () => {
              next.retry();
              reload();
            },
          });
        },
        () => {
          if (current) setState({ kind: 'error', message: LOAD_FAILED, retry: reload });
        },
      );
    };
    const lookedAt = () => {
      if (!waiting || document.visibilityState !== 'visible') return;
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
