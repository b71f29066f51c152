// The Adaptive Card that tells the organiser the inclusion summary is ready: a few aggregate
// facts and a link. It is posted in the meeting chat, which everyone in the meeting can read, so it
// names no one, and for a small group (fewer than k people) it shows no figures at all: there,
// even "1 of 2 people spoke" says something about a person. The summary itself opens only for the
// organiser and hosts.
import type { InclusionSummary } from '@roundtable/core';
import type { SummaryNotice } from '../application/ending-ports.js';

export const SUMMARY_CARD_TITLE = 'Your inclusion summary is ready';

interface Fact {
  readonly title: string;
  readonly value: string;
}

export function summaryCard(notice: SummaryNotice): Record<string, unknown> {
  const { summary } = notice;
  return {
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    type: 'AdaptiveCard',
    version: '1.5',
    fallbackText: `${SUMMARY_CARD_TITLE}.`,
    body: [
      { type: 'TextBlock', text: SUMMARY_CARD_TITLE, size: 'Medium', weight: 'Bolder', wrap: true },
      { type: 'TextBlock', text: introduction(summary), wrap: true },
      ...(summary.protected ? [] : [{ type: 'FactSet', facts: headlineFacts(summary) }]),
      {
        type: 'TextBlock',
        text: 'Airtime is measured from queue turns, not from microphones.',
        isSubtle: true,
        size: 'Small',
        wrap: true,
      },
    ],
    actions: [{ type: 'Action.OpenUrl', title: 'Open the summary', url: notice.summaryUrl }],
  };
}

function introduction(summary: InclusionSummary): string {
  return summary.protected
    ? 'Thank you for hosting. This was a small group, so the figures stay in the summary, which only the organiser and hosts can open.'
    : 'Thank you for hosting. Here is how the conversation was shared, at a glance.';
}

/** Two to four aggregates; each one reads on its own, without the rest of the summary. */
function headlineFacts(summary: InclusionSummary): Fact[] {
  const facts: Fact[] = [
    { title: 'Who spoke', value: whoSpoke(summary) },
    { title: 'Airtime balance', value: balance(summary) },
    { title: 'Queue', value: notReached(summary.queuedNotReached) },
  ];
  if (summary.feltHeard !== null) {
    const { mean, n } = summary.feltHeard;
    facts.push({ title: 'Felt heard', value: `${mean.toFixed(1)} of 5 (${count(n, 'answer')})` });
  }
  return facts;
}

function whoSpoke({ speakers, participants }: InclusionSummary): string {
  return `${speakers} of ${count(participants, 'person', 'people')}`;
}

function balance(summary: InclusionSummary): string {
  if (summary.balance === null) return 'Not measured: no queue turns';
  // 100% means everyone had the same airtime; the summary explains the measure.
  return `${Math.round(summary.balance * 100)}%`;
}

function notReached(entries: number): string {
  return entries === 0
    ? 'No one was left waiting'
    : `${count(entries, 'entry', 'entries')} still waiting at the end`;
}

function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
