// The Adaptive Card that tells the organiser the inclusion summary is ready: a few aggregate facts
// and a link, built with Microsoft's card builders (@microsoft/teams.cards). It is posted in the
// meeting's conversation, which everyone in the meeting can read, so it names no one, and for a
// small group (fewer than k people) it shows no figures at all: there, even "1 of 2 people spoke"
// says something about a person. The summary itself opens only for the session's organisers.
import {
  AdaptiveCard,
  Fact,
  FactSet,
  OpenUrlAction,
  TextBlock,
  type IAdaptiveCard,
} from '@microsoft/teams.cards';
import type { InclusionSummary } from '@roundtable/core';
import type { SummaryNotice } from '../application/ending-ports.js';

export const SUMMARY_CARD_TITLE = 'Your inclusion summary is ready';

export function summaryCard(notice: SummaryNotice): IAdaptiveCard {
  const { summary } = notice;
  const card = new AdaptiveCard(
    new TextBlock(SUMMARY_CARD_TITLE, { size: 'Medium', weight: 'Bolder', wrap: true }),
    new TextBlock(introduction(summary), { wrap: true }),
    ...(summary.protected
      ? []
      : [new FactSet(...headlineFacts(summary).map(([title, value]) => new Fact(title, value)))]),
    new TextBlock('Airtime is measured from queue turns, not from microphones.', {
      isSubtle: true,
      size: 'Small',
      wrap: true,
    }),
  )
    .with$schema('http://adaptivecards.io/schemas/adaptive-card.json')
    .withFallbackText(`${SUMMARY_CARD_TITLE}.`)
    .withActions(new OpenUrlAction(notice.summaryUrl, { title: 'Open the summary' }));
  // Plain data, as it travels and is kept in the local outbox.
  return JSON.parse(JSON.stringify(card)) as IAdaptiveCard;
}

function introduction(summary: InclusionSummary): string {
  return summary.protected
    ? 'Thank you for hosting. This was a small group, so the figures stay in the summary, which only the organiser can open.'
    : 'Thank you for hosting. Here is how the conversation was shared, at a glance.';
}

/** Two to four aggregates; each one reads on its own, without the rest of the summary. */
function headlineFacts(summary: InclusionSummary): [string, string][] {
  const facts: [string, string][] = [
    ['Who spoke', whoSpoke(summary)],
    ['Airtime balance', balance(summary)],
    ['Queue', notReached(summary.queuedNotReached)],
  ];
  if (summary.feltHeard !== null) {
    const { mean, n } = summary.feltHeard;
    facts.push(['Felt heard', `${mean.toFixed(1)} of 5 (${count(n, 'answer')})`]);
  }
  return facts;
}

/** Says whom it counted: the meeting (Teams said who joined) or only Roundtable's users. */
function whoSpoke({ speakers, participants, counted }: InclusionSummary): string {
  const people = count(participants, 'person', 'people');
  // Summaries kept before Teams' roster was read have no `counted`: they counted panel users.
  return counted === 'meeting'
    ? `${speakers} of ${people} in the meeting`
    : `${speakers} of ${people} who opened Roundtable`;
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
