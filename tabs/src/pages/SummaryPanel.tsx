// The summary page fed from the API for one person (the organiser in local mode), with the
// outbox beside it in the simulator.
import type { InclusionSummary } from '@roundtable/core';
import { useEffect, useMemo, useState } from 'react';
import type { ApiClient } from '../api/client.js';
import { clientFor, type SimulatedPerson } from '../local/local-identity.js';
import type { SummarySource, SummaryState } from '../summary/source.js';
import { OutboxList } from './OutboxList.js';
import { SummaryPage } from './SummaryPage.js';

export function summarySource(client: ApiClient, meetingId: string): SummarySource {
  return {
    load: async (): Promise<SummaryState> => {
      try {
        const result = await client.summary(meetingId);
        if (result.kind === 'summary') {
          // The trend is shown only for a series with more than one summarised session.
          const series = await client.series(meetingId);
          const trend = series !== null && series.length > 1 ? series : null;
          return { kind: 'ready', summary: result.body as InclusionSummary, series: trend };
        }
        const { status, detail } = result.problem;
        // 501: not offered here; 409: the meeting is still going; 404: erased or expired.
        if (status === 501 || status === 409 || status === 404)
          return { kind: 'unavailable', message: detail };
        return { kind: 'error', message: detail, retry: () => undefined };
      } catch {
        return {
          kind: 'error',
          message: 'Roundtable cannot be reached right now.',
          retry: () => undefined,
        };
      }
    },
  };
}

/** Checks every few seconds whether a summary exists yet, so the page can load it when it does. */
function useSummaryArrival(client: ApiClient, meetingId: string): number {
  const [arrivals, setArrivals] = useState(0);
  useEffect(() => {
    let known = false;
    const timer = setInterval(() => {
      void client.summary(meetingId).then(
        (result) => {
          const exists = result.kind === 'summary';
          if (exists !== known) setArrivals((count) => count + 1);
          known = exists;
        },
        () => undefined,
      );
    }, 3_000);
    return () => {
      clearInterval(timer);
    };
  }, [client, meetingId]);
  return arrivals;
}

export function SummaryPanel({
  meetingId,
  person,
}: {
  meetingId: string;
  person: SimulatedPerson | null;
}) {
  const client = useMemo(() => (person === null ? null : clientFor(person)), [person]);
  if (client === null) return <p>Add an organiser to see the summary.</p>;
  return <OrganiserSummary client={client} meetingId={meetingId} />;
}

function OrganiserSummary({ client, meetingId }: { client: ApiClient; meetingId: string }) {
  const arrivals = useSummaryArrival(client, meetingId);
  // A new source makes the page load again: once when the summary appears.
  const source = useMemo(() => summarySource(client, meetingId), [client, meetingId, arrivals]);
  return (
    <>
      <SummaryPage source={source} />
      <OutboxList client={client} meetingId={meetingId} />
    </>
  );
}
