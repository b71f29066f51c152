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
import { cardWords, type CardWords } from '../i18n/card-words.js';

export const SUMMARY_CARD_TITLE = cardWords('en').t('card.title');

/** The card in the language Teams sent with the meeting's end (`notice.locale`), else English. */
export function summaryCard(notice: SummaryNotice): IAdaptiveCard {
  const { summary } = notice;
  const words = cardWords(notice.locale);
  const title = words.t('card.title');
  let card = new AdaptiveCard(
    new TextBlock(title, { size: 'Medium', weight: 'Bolder', wrap: true }),
    new TextBlock(words.t(summary.protected ? 'card.introProtected' : 'card.intro'), {
      wrap: true,
    }),
    ...(summary.protected
      ? []
      : [
          new FactSet(
            ...headlineFacts(summary, words).map(([name, value]) => new Fact(name, value)),
          ),
        ]),
    new TextBlock(words.t('card.footnote'), { isSubtle: true, size: 'Small', wrap: true }),
  )
    .with$schema('http://adaptivecards.io/schemas/adaptive-card.json')
    .withLang(words.language)
    .withFallbackText(`${title}.`)
    .withActions(new OpenUrlAction(notice.summaryUrl, { title: words.t('card.open') }));
  // Adaptive Cards 1.5 mirror the whole card for right-to-left languages.
  if (words.rtl) card = card.withRtl(true);
  // Plain data, as it travels and is kept in the local outbox.
  return JSON.parse(JSON.stringify(card)) as IAdaptiveCard;
}

/** Two to four aggregates; each one reads on its own, without the rest of the summary. */
function headlineFacts(summary: InclusionSummary, words: CardWords): [string, string][] {
  const { speakers, participants } = summary;
  const facts: [string, string][] = [
    [
      words.t('card.whoSpoke'),
      // Summaries kept before Teams' roster was read have no `counted`: they counted panel users.
      words.t(
        summary.counted === 'meeting' ? 'card.whoSpoke.meeting' : 'card.whoSpoke.roundtable',
        {
          speakers,
          participants,
        },
      ),
    ],
    [
      words.t('card.balance'),
      // 100% means everyone had the same airtime; the summary explains the measure.
      summary.balance === null ? words.t('card.balance.none') : words.percent(summary.balance),
    ],
    [
      words.t('card.queue'),
      summary.queuedNotReached === 0
        ? words.t('card.queue.none')
        : words.t('card.queue.waiting', { entries: summary.queuedNotReached }),
    ],
  ];
  if (summary.feltHeard !== null) {
    const { mean, n } = summary.feltHeard;
    facts.push([
      words.t('card.feltHeard'),
      words.t('card.feltHeard.value', { mean: words.oneDecimal(mean), answers: n }),
    ]);
  }
  return facts;
}
