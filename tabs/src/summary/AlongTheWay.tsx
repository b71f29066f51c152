// How the meeting made room: new voices over time, invitations, thanks, and the queue modes used.
import { FIRST_TURN_WINDOW_MINUTES, type InclusionSummary } from '@roundtable/core';
import { Subtitle2 } from '@fluentui/react-components';
import { DataTable } from './DataTable.js';
import { count, MODE_NAMES } from './format.js';
import { Section } from './Section.js';
import { useSummaryStyles } from './styles.js';

export function AlongTheWay({ summary }: { summary: InclusionSummary }) {
  const styles = useSummaryStyles();
  return (
    <Section title="Along the way">
      {!summary.protected && <NewVoices firstTimeSpeakers={summary.firstTimeSpeakers} />}
      <p className={styles.text}>
        {count(summary.invitesSent, 'private invitation', 'private invitations')} to speak sent,{' '}
        {summary.invitesAccepted} accepted.
      </p>
      <p className={styles.text}>
        {count(summary.appreciations, 'thank-you', 'thank-yous')} given to speakers.
      </p>
      <Subtitle2 as="h3" className={styles.heading}>
        Queue modes used
      </Subtitle2>
      <ul className={styles.list}>
        {summary.modesUsed.map((mode) => (
          <li key={mode}>{MODE_NAMES[mode]}</li>
        ))}
      </ul>
    </Section>
  );
}

function NewVoices({
  firstTimeSpeakers,
}: {
  firstTimeSpeakers: InclusionSummary['firstTimeSpeakers'];
}) {
  const styles = useSummaryStyles();
  return (
    <>
      <Subtitle2 as="h3" className={styles.heading}>
        First-time speakers over time
      </Subtitle2>
      {firstTimeSpeakers.length === 0 ? (
        <p className={styles.text}>No one took a turn.</p>
      ) : (
        <DataTable
          label="First-time speakers over time"
          headers={['Minutes into the meeting', 'People speaking for the first time']}
          rows={firstTimeSpeakers.map(({ minute, count: people }) => [
            `${minute}–${minute + FIRST_TURN_WINDOW_MINUTES}`,
            String(people),
          ])}
        />
      )}
    </>
  );
}
