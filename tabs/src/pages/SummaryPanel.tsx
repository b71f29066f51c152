// The simulator's summary column: the summary page for the meeting's organiser, which shows the
// summary by itself once the session ends, with the outbox beside it.
import { useMemo } from 'react';
import { clientFor, type SimulatedPerson } from '../local/local-identity.js';
import { apiSummarySource } from '../summary/api-summary-source.js';
import { OutboxList } from './OutboxList.js';
import { SummaryPage } from './SummaryPage.js';

export interface SummaryPanelProps {
  readonly meetingId: string;
  readonly person: SimulatedPerson | null;
}

export function SummaryPanel({ meetingId, person }: SummaryPanelProps) {
  const client = useMemo(() => (person === null ? null : clientFor(person)), [person]);
  const source = useMemo(
    () => (client === null ? null : apiSummarySource(client, meetingId)),
    [client, meetingId],
  );
  if (client === null || source === null) return <p>Add an organiser to see the summary.</p>;
  return (
    <>
      <SummaryPage source={source} />
      <OutboxList client={client} meetingId={meetingId} />
    </>
  );
}
