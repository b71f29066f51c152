// How the meeting made room: new voices over time, invitations, thanks, and the queue modes used.
import { FIRST_TURN_WINDOW_MINUTES, type InclusionSummary } from '@roundtable/core';
import { Subtitle2 } from '@fluentui/react-components';
import { DataTable } from './DataTable.js';
import { useSummaryWords } from './SummaryWords.js';
import { Section } from './Section.js';
import { useSummaryStyles } from './styles.js';

export function AlongTheWay({ summary }: { summary: InclusionSummary }) {
  const styles = useSummaryStyles();
  const { t } = useSummaryWords();
  return (
    <Section title={t('along.title')}>
      {!summary.protected && <NewVoices firstTimeSpeakers={summary.firstTimeSpeakers} />}
      <p className={styles.text}>
        {t('along.invites', { sent: summary.invitesSent, accepted: summary.invitesAccepted })}
      </p>
      <p className={styles.text}>{t('along.thanks', { n: summary.appreciations })}</p>
      <Subtitle2 as="h3" className={styles.heading}>
        {t('along.modes')}
      </Subtitle2>
      <ul className={styles.list}>
        {summary.modesUsed.map((mode) => (
          <li key={mode}>{t(`along.mode.${mode}`)}</li>
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
  const words = useSummaryWords();
  const { t } = words;
  return (
    <>
      <Subtitle2 as="h3" className={styles.heading}>
        {t('along.firstTime')}
      </Subtitle2>
      {firstTimeSpeakers.length === 0 ? (
        <p className={styles.text}>{t('along.noTurns')}</p>
      ) : (
        <DataTable
          label={t('along.firstTime')}
          headers={[t('along.minutesInto'), t('along.firstPeople')]}
          rows={firstTimeSpeakers.map(({ minute, count: people }) => [
            t('along.range', { from: minute, to: minute + FIRST_TURN_WINDOW_MINUTES }),
            words.number(people),
          ])}
        />
      )}
    </>
  );
}
