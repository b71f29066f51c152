// The four numbers an organiser looks at first, each with one line saying what it means.
import type { InclusionSummary } from '@roundtable/core';
import { count, oneDecimal, percent } from './format.js';
import { Section } from './Section.js';
import { StatList, type Stat } from './StatList.js';
import { useSummaryStyles } from './styles.js';

export function HeadlineNumbers({ summary }: { summary: InclusionSummary }) {
  const styles = useSummaryStyles();
  return (
    <Section title="At a glance">
      <StatList stats={headlineStats(summary)} />
      <p className={styles.muted}>
        Airtime and turns here are measured from the speaking queue: anything said outside a queue
        turn is not counted. What Teams recorded, where Roundtable could read it, is shown on its
        own below.
      </p>
      <p className={styles.muted}>
        {summary.counted === 'meeting'
          ? `Everyone Teams said joined the meeting is counted; ${count(summary.openedRoundtable, 'person', 'people')} of them opened Roundtable.`
          : 'Only people who opened Roundtable are counted: Teams did not say who joined the meeting.'}{' '}
        People who joined without signing in cannot open Roundtable, nor can people from other
        organisations unless yours allows theirs.
      </p>
    </Section>
  );
}

function headlineStats(summary: InclusionSummary): Stat[] {
  const silent = summary.participants - summary.speakers;
  const stats: Stat[] = [
    {
      label: 'Who spoke',
      value: `${summary.speakers} of ${count(summary.participants, 'person', 'people')} spoke`,
      meaning:
        silent === 0
          ? `Everyone took a turn; ${count(summary.turns, 'turn', 'turns')} in all.`
          : `${count(silent, 'person', 'people')} did not take a turn; ` +
            `${count(summary.turns, 'turn', 'turns')} in all.`,
    },
  ];
  if (summary.balance !== null) {
    stats.push({
      label: 'Balance of airtime',
      value: percent(summary.balance),
      meaning: '100% = everyone had equal airtime.',
    });
  }
  stats.push({
    label: 'Not reached',
    value: String(summary.queuedNotReached),
    meaning:
      summary.queuedNotReached === 0
        ? 'Everyone who queued to speak got their turn.'
        : 'Queue entries still waiting when the meeting ended: people wanted to speak and did not get to.',
  });
  if (!summary.protected) {
    stats.push(
      summary.feltHeard === null
        ? {
            label: 'Felt heard',
            value: 'No result',
            meaning: 'No "Did you feel heard?" check-in had enough answers to show.',
          }
        : {
            label: 'Felt heard',
            value: `${oneDecimal(summary.feltHeard.mean)} out of 5`,
            meaning: `The average answer, from 1 to 5 (n = ${summary.feltHeard.n}).`,
          },
    );
  }
  return stats;
}
