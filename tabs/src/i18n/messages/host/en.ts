// The host tools' English words, in their own catalogue: they load with the host tools, so
// attendees never download them. Same rules as ../en.ts.
const en = {
  'host.heading': 'Host tools',
  'host.queueTool': 'Queue order and timebox',
  'host.checkinTool': 'Check-in',
  'host.notHeardTool': 'Not heard yet ({count})',
  'host.whoHostsTool': 'Who hosts',
  'host.optionsTool': 'Meeting options',
  'mode.label': 'Speaking order',
  'mode.fifo': 'First come',
  'mode.fifo.explanation': 'In order of joining',
  'mode.equity': 'Balanced',
  'mode.equity.explanation': 'People who have spoken least go first',
  'mode.round': 'Round',
  'mode.round.explanation': 'Everyone in a random order; anyone may pass',
  'mode.now': '{mode} (now)',
  'mode.equityRule':
    'Balanced order places points added from now on; everyone already waiting keeps their place.',
  'mode.startNewRound': 'Start a new round',
  'mode.startRound': 'Start a round',
  'mode.use': 'Use this order',
  'timebox.label': 'Timebox per turn',
  'timebox.hint': 'A gentle countdown; nobody is ever cut off.',
  'timebox.none': 'No timebox',
  'lock.label': 'Lock the queue',
  'lock.hint': 'While locked, only a point of order can join.',
  'checkinTools.open': 'Open now: “{text}” · {answered} answered',
  'checkinTools.close': 'Close check-in',
  'checkinTools.prompt': 'Check-in prompt',
  'checkinTools.opening': 'To open',
  'checkinTools.any': 'Any time',
  'checkinTools.closing': 'To close',
  'checkinTools.writeOwn': 'Write my own…',
  'checkinTools.yourPrompt': 'Your prompt',
  'checkinTools.promptLength': '{min} to {max} characters · {length} so far',
  'checkinTools.scale': 'Answer with',
  'checkinTools.start': 'Start check-in',
  'scale.likert5': 'Agree scale, 1 to 5',
  'scale.energy5': 'Energy, 1 to 5',
  'scale.word': 'One or two words',
  'notHeard.private': 'Only hosts see this; invitations are private.',
  'notHeard.openedOnly':
    'Only hosts see this; invitations are private. It lists the people who have opened Roundtable.',
  'notHeard.everyone': 'Everyone here has had a turn.',
  'notHeard.label': 'Not heard yet',
  'notHeard.notOpened': '{name} (has not opened Roundtable)',
  'notHeard.invite': 'Invite',
  'notHeard.invited': 'Invited',
  'notHeard.inviteName': 'Invite {name}',
  'notHeard.invitedName': 'Invited {name}',
  'coHosts.presenters': 'Presenters can host',
  'coHosts.presentersHint':
    'Teams makes most people presenters, so they host only if you let them.',
  'coHosts.hint': 'Co-hosts can run the queue and check-ins with you.',
  'coHosts.nobody': 'Nobody else is here yet.',
  'coHosts.label': 'People who could co-host',
  'coHosts.away': '{name} (away)',
  'coHosts.make': 'Make co-host',
  'coHosts.remove': 'Remove co-host',
  'options.transcript': "Measure speaking time from Teams' transcript",
  'options.transcript.hint':
    'After each session Roundtable reads the transcript, if your organisation allows it, and keeps only how long each person spoke, without names. Microsoft bills reading transcripts per minute.',
  'options.carryOver': 'Carry waiting people over to the next session',
  'options.carryOver.hint':
    'People still waiting at the end start the next session at the front of the queue, and are told why. Nothing else is kept between sessions.',
  'end.open': 'End session…',
  'end.title': 'End this session?',
  'end.body':
    'The queue and check-ins close for everyone, names are removed, and the organiser gets the inclusion summary. This cannot be undone.',
  'end.confirm': 'End session',
  'end.keep': 'Keep going',
} as const;

export type HostKey = keyof typeof en;
export type HostCatalogue = Readonly<Record<HostKey, string>>;

export default en satisfies HostCatalogue as HostCatalogue;
