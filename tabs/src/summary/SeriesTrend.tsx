// The same headline numbers for each meeting of a recurring series, oldest first.
import type { InclusionSummary } from '@roundtable/core';
import { DataTable } from './DataTable.js';
import { meetingDate, oneDecimal, percent } from './format.js';
import { Section } from './Section.js';
import { useSummaryStyles } from './styles.js';

export function SeriesTrend({ series }: { series: readonly InclusionSummary[] }) {
  const styles = useSummaryStyles();
  const meetings = [...series].sort((a, b) => (a.startedAt ?? 0) - (b.startedAt ?? 0));
  return (
    <Section title="Across the series">
      {meetings.length === 0 ? (
        <p className={styles.text}>No other meetings in this series have a summary yet.</p>
      ) : (
        <DataTable
          label="Meetings in this series, oldest first"
          headers={['Meeting', 'People', 'Spoke', 'Balance', 'Felt heard']}
          rows={meetings.map((meeting) => [
            meetingDate(meeting.startedAt),
            String(meeting.participants),
            meeting.spokeShare === null ? 'No one there' : percent(meeting.spokeShare),
            meeting.balance === null ? 'Small group' : percent(meeting.balance),
            meeting.feltHeard === null
              ? 'No result'
              : `${oneDecimal(meeting.feltHeard.mean)} of 5 (n = ${meeting.feltHeard.n})`,
          ])}
        />
      )}
    </Section>
  );
}
