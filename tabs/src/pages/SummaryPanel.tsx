// The summary page fed from the API for one person (the organiser in local mode).
import type { InclusionSummary } from '@roundtable/core';
import { useMemo } from 'react';
import type { ApiClient } from '../api/client.js';
import { clientFor, type SimulatedPerson } from '../local/local-identity.js';
import type { SummarySource, SummaryState } from '../summary/source.js';
import { SummaryPage } from './SummaryPage.js';

export function summarySource(client: ApiClient, meetingId: string): SummarySource {
  return {
    load: async (): Promise<SummaryState> => {
      try {
        const result = await client.summary(meetingId);
        if (result.kind === 'problem') {
          return result.problem.status === 501
            ? { kind: 'unavailable', message: result.problem.detail }
            : { kind: 'error', message: result.problem.detail, retry: () => undefined };
        }
        return { kind: 'ready', summary: result.body as InclusionSummary, series: null };
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

export function SummaryPanel({
  meetingId,
  person,
}: {
  meetingId: string;
  person: SimulatedPerson | null;
}) {
  const source = useMemo(
    () => (person === null ? null : summarySource(clientFor(person), meetingId)),
    [person, meetingId],
  );
  if (source === null) return <p>Add an organiser to see the summary.</p>;
  return <SummaryPage source={source} />;
}
