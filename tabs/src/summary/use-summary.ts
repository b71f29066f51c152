// Loads the summary once per source, and again whenever the person asks to retry.
import { useCallback, useEffect, useState } from 'react';
import type { SummarySource, SummaryState } from './source.js';

const LOAD_FAILED =
  'We could not load the summary just now. Check your connection, then try again.';

/** The current state; an error's `retry` runs the source's own retry, then loads again. */
export function useSummary(source: SummarySource): SummaryState {
  const [state, setState] = useState<SummaryState>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const reload = useCallback(() => {
    setAttempt((count) => count + 1);
  }, []);

  useEffect(() => {
    let current = true;
    setState({ kind: 'loading' });
    source.load().then(
      (next) => {
        if (!current) return;
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
    return () => {
      current = false;
    };
  }, [source, attempt, reload]);

  return state;
}
