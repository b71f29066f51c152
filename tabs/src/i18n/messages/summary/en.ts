// The summary page's English words, in their own catalogue: the side panel never loads them (its
// first bundle stays small), the summary loads its reader's with itself. Same rules as ../en.ts.
const en = {
  'page.title': 'Inclusion summary',
  'page.loading': 'Loading the summary…',
  'page.waiting.title': 'The summary comes after the session',
  'page.waiting.auto': 'This page shows it by itself as soon as it is ready.',
  'page.none.title': 'There is no summary to show',
  'page.error.title': 'The summary did not load',
  'page.error.auto': 'Roundtable tries again by itself in a moment.',
  'page.retry': 'Retry',

  'report.nobody': 'No one was counted in this meeting, so there is nothing to summarise.',
  'report.protected':
    "Fewer than {k, number} people took part, so only counts are shown, to protect everyone's privacy.",
  'report.when': '{date} · {length}',
  'report.underMinute': 'Under a minute',
  'report.dateUnknown': 'Date unknown',
  'report.ideas': 'Ideas for next time',

  'tip.try-equity':
    "Speaking time (by {measure, select, transcript {Teams' transcript} microphone {microphone time} other {queue turns}}) was uneven: balance {balance}, where 100% means everyone spoke equally long. Next time, try equity mode: people who have spoken least go first.",
  'tip.protect-queue-time':
    '{entries, plural, one {# queue entry was} other {# queue entries were}} still waiting at the end: people wanted to speak and did not get to. Keep the last 10 minutes for the queue.',
  'tip.open-with-round':
    '{speakers, number} of {participants, number} people took a turn. Opening with a check-in round, or round mode, gives everyone an easy first moment to speak.',
  'tip.invite-quieter':
    '{silent, plural, one {# person} other {# people}} did not take a turn. The private "not heard yet" list lets you invite someone quietly — they can always decline.',
  'tip.set-timebox':
    'Some people waited over five minutes for their turn (one in ten waited {minutes, number} minutes or longer). A gentle speaking timebox keeps the queue moving.',
  'tip.felt-heard-low':
    '"Did you feel heard?" averaged {mean} out of 5. A closing round, or more time for replies, can help everyone feel heard.',
  'tip.keep-going':
    'Nothing here needs changing. Thank you for making room for everyone — keep going.',

  'glance.title': 'At a glance',
  'glance.queueNote':
    'Airtime and turns here are measured from the speaking queue: anything said outside a queue turn is not counted. What Teams recorded, where Roundtable could read it, is shown on its own below.',
  'glance.countedMeeting':
    'Everyone Teams said joined the meeting is counted; {opened, plural, one {# person} other {# people}} of them opened Roundtable.',
  'glance.countedPanel':
    'Only people who opened Roundtable are counted: Teams did not say who joined the meeting.',
  'glance.whoCannot':
    'People who joined without signing in cannot open Roundtable, nor can people from other organisations unless yours allows theirs.',
  'glance.whoSpoke': 'Who spoke',
  'glance.whoSpoke.value':
    '{speakers, number} of {participants, plural, one {# person} other {# people}} spoke',
  'glance.everyoneTurn':
    'Everyone took a turn; {turns, plural, one {# turn} other {# turns}} in all.',
  'glance.silent':
    '{silent, plural, one {# person} other {# people}} did not take a turn; {turns, plural, one {# turn} other {# turns}} in all.',
  'glance.balance': 'Balance of airtime',
  'glance.balance.meaning': '100% = everyone had equal airtime.',
  'glance.notReached': 'Not reached',
  'glance.notReached.none': 'Everyone who queued to speak got their turn.',
  'glance.notReached.some':
    'Queue entries still waiting when the meeting ended: people wanted to speak and did not get to.',
  'glance.feltHeard': 'Felt heard',
  'glance.noResult': 'No result',
  'glance.feltHeard.none': 'No "Did you feel heard?" check-in had enough answers to show.',
  'glance.feltHeard.value': '{mean} out of 5',
  'glance.feltHeard.meaning': 'The average answer, from 1 to 5 (n = {n, number}).',

  'floor.title': 'What Teams recorded',
  'floor.simulated':
    'Simulated: local mode has no Teams. These figures come from the local stand-in for Microsoft Graph, built from the turns and joins the simulator played; Teams measured nothing.',
  'floor.note':
    "These come from Teams, not the queue, so they also see people who spoke without queuing. Each is shown on its own; none is mixed into the queue's figures above.",
  'floor.source.transcript': "From Teams' transcript",
  'floor.source.microphone': 'From microphone time (Teams attendance report)',
  'floor.gap.not-ready': 'Teams had not produced it yet when Roundtable last looked.',
  'floor.gap.not-permitted':
    'Roundtable is not allowed to read it here (permissions, the access policy, or a channel meeting).',
  'floor.gap.transcripts-off': 'Your organisation keeps transcripts out of reach of apps.',
  'floor.gap.speaker-attribution-off':
    'Your organisation keeps speaker names out of transcripts that apps read, so no one’s time can be told apart.',
  'floor.gap.not-billed':
    'Reading transcripts is billed by Microsoft, and billing is not set up for Roundtable.',
  'floor.gap.no-data':
    'Teams recorded nothing to measure (no transcript, or no microphone events).',
  'floor.unavailable': '{source}: not available. {reason}',
  'floor.whoSpoke.value':
    '{speakers, number} of {attendees, plural, one {# person} other {# people}}',
  'floor.whoSpoke.meaning': '{total} of speaking in all, by everyone Teams counted as attending.',
  'floor.balance': 'Balance',
  'floor.balance.meaning':
    '100% = everyone in the meeting spoke equally long (people who did not speak count).',
  'floor.largest': 'Largest share',
  'floor.largest.meaning': 'Of all the speaking time, the part of the one who spoke most.',

  'airtime.title': 'Who had the airtime',
  'airtime.loadingChart': 'Loading the chart…',
  'airtime.tableLabel': 'Airtime per person, most first',
  'airtime.person': 'Person',
  'airtime.personN': 'Person {n, number}',
  'airtime.secondsSpeaking': 'Seconds speaking',
  'airtime.minutesSpeaking': 'Minutes speaking',
  'airtime.share': 'Share of airtime',
  'airtime.none': 'No one took a turn, so there is no airtime to compare.',
  'airtime.caption': 'The top speaker had {share} of airtime; {rest}.',
  'airtime.everyoneSpoke': 'everyone spoke',
  'airtime.silent': '{silent, plural, one {# person} other {# people}} did not speak',
  'airtime.inSeconds': '{value} s',
  'airtime.inMinutes': '{value} min',
  'airtime.barLabel':
    '{person}: {value} {unit, select, seconds {seconds} other {minutes}}, {share} of airtime',
  'airtime.xAxis': 'People, most airtime first',
  'airtime.yAxis.seconds': 'Seconds',
  'airtime.yAxis.minutes': 'Minutes',

  'waits.title': 'Waiting to speak',
  'waits.none': 'No one took a turn from the queue, so there are no waits.',
  'waits.typical': 'Typical wait',
  'waits.typical.meaning': 'Half of all turns started within this time (median).',
  'waits.longer': 'Longer waits',
  'waits.longer.meaning': 'One turn in ten waited this long or longer (90th percentile).',

  'checkins.title': 'Check-ins',
  'checkins.none': 'No check-ins were run in this meeting.',
  'checkins.withheld':
    '{withheld, plural, one {# check-in is} other {# check-ins are}} not shown because fewer than {k, number} people answered. That keeps every answer anonymous.',
  'checkins.answers': '{n, plural, one {# answer} other {# answers}}',
  'checkins.answersAverage':
    '{n, plural, one {# answer} other {# answers}}, average {mean} out of 5',
  'checkins.word': 'Word',
  'checkins.answer': 'Answer',
  'checkins.people': 'People',
  'checkins.cell': '{people, number} ({share})',
  'checkins.end': '{value} · {label}',

  'along.title': 'Along the way',
  'along.invites':
    '{sent, plural, one {# private invitation} other {# private invitations}} to speak sent, {accepted, number} accepted.',
  'along.thanks': '{n, plural, one {# thank-you} other {# thank-yous}} given to speakers.',
  'along.modes': 'Queue modes used',
  'along.mode.fifo': 'First come, first served',
  'along.mode.equity': 'Equity: people who spoke least go first',
  'along.mode.round': 'Round: everyone in turn',
  'along.firstTime': 'First-time speakers over time',
  'along.noTurns': 'No one took a turn.',
  'along.minutesInto': 'Minutes into the meeting',
  'along.firstPeople': 'People speaking for the first time',
  'along.range': '{from, number}–{to, number}',

  'series.title': 'Across the series',
  'series.none': 'No other meetings in this series have a summary yet.',
  'series.label': 'Meetings in this series, oldest first',
  'series.meeting': 'Meeting',
  'series.people': 'People',
  'series.spoke': 'Spoke',
  'series.balance': 'Balance',
  'series.feltHeard': 'Felt heard',
  'series.noOne': 'No one there',
  'series.small': 'Small group',
  'series.feltHeard.value': '{mean} of 5 (n = {n, number})',

  'export.title': 'Export',
  'export.note':
    'The numbers on this page only: counts, shares and averages. No names, and nothing that links an answer to a person.',
  'export.download': 'Download {format}',
  'export.cannotSave':
    'This window cannot save files. Open the summary in your browser to download it.',
} as const;

export type SummaryKey = keyof typeof en;
export type SummaryCatalogue = Readonly<Record<SummaryKey, string>>;

export default en satisfies SummaryCatalogue as SummaryCatalogue;
