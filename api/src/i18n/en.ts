// The organiser's card in English: the source the other card catalogues translate, key for key
// (tests/api/card-catalogues.test.ts). ICU message syntax; numbers arrive as numbers.
const en = {
  'card.title': 'Your inclusion summary is ready',
  'card.intro': 'Thank you for hosting. Here is how the conversation was shared, at a glance.',
  'card.introProtected':
    'Thank you for hosting. This was a small group, so the figures stay in the summary, which only the organiser can open.',
  'card.whoSpoke': 'Who spoke',
  'card.whoSpoke.meeting':
    '{speakers, number} of {participants, plural, one {# person} other {# people}} in the meeting',
  'card.whoSpoke.roundtable':
    '{speakers, number} of {participants, plural, one {# person} other {# people}} who opened Roundtable',
  'card.balance': 'Airtime balance',
  'card.balance.none': 'Not measured: no queue turns',
  'card.queue': 'Queue',
  'card.queue.none': 'No one was left waiting',
  'card.queue.waiting':
    '{entries, plural, one {# entry} other {# entries}} still waiting at the end',
  'card.feltHeard': 'Felt heard',
  'card.feltHeard.value': '{mean} of 5 ({answers, plural, one {# answer} other {# answers}})',
  'card.footnote': 'Airtime is measured from queue turns, not from microphones.',
  'card.open': 'Open the summary',
} as const;

export type CardKey = keyof typeof en;
export type CardCatalogue = Readonly<Record<CardKey, string>>;

export default en satisfies CardCatalogue as CardCatalogue;
