// The tab's English words: the source every other catalogue translates, key for key. ICU message
// syntax (plurals, ordinals, selects). Numbers arrive formatted by Intl (strings), or as numbers
// for plurals and `{x, number}`: a bare `{x}` would print a number in Latin digits everywhere.
// tests/tabs/catalogues.test.ts fails when another catalogue misses a key or a placeholder.
const en = {
  'app.name': 'Roundtable',

  // The panel's frame and connection
  'panel.loading': "Opening the meeting's queue…",
  'connection.connecting': 'Connecting to the meeting…',
  'connection.reconnecting': 'Reconnecting…',
  'connection.polling': 'Updates every few seconds while live updates are unavailable',
  'ended.heading': 'This session has ended',
  'ended.body':
    'Thank you for taking part. The queue and check-ins are closed, and names are no longer kept.',
  'session.new': 'A new session of this meeting has started. The queue is empty.',
  'announce.speaking': 'Your turn',
  'announce.next': "You're next",
  'announce.checkin': 'Check-in open',
  'announce.invited': 'The host invited you to speak',

  // Speaking
  'kind.order': 'Point of order',
  'kind.clarify': 'Clarifying question',
  'kind.reply': 'Reply',
  'kind.point': 'New point',
  'place.next': "You're next",
  'place.nth': "You're {place, selectordinal, one {#st} two {#nd} few {#rd} other {#th}}",
  'why.carried': "Carried over from last time. You're free to leave if it no longer applies",
  'why.moved': 'Moved by a host',
  'why.round': "Placed by the round's random order",
  'why.leastSpoken': 'Ahead because you have spoken least so far',
  'why.joinedOrder': 'In the order people joined',
  'why.kind.order': 'Points of order go first',
  'why.kind.clarify': 'Clarifying questions go before replies and new points',
  'why.kind.reply': 'Replies go before new points',
  'why.kind.point': 'New points go in turn',
  'now.heading': 'Now speaking',
  'now.nobody': 'Nobody is speaking',
  'now.you': 'You',
  'now.done': "I'm done",
  'now.thank': 'Thank',
  'now.thanked': 'Thanked',
  'countdown.left': '{left} left of {timebox}',
  'countdown.over': "Over the timebox — no rush, wrap up when you're ready",
  'join.heading': 'Speak',
  'join.what': 'What would you like to add?',
  'join.locked': 'The host has locked the queue for now. A point of order is still welcome.',
  'join.nothingLeft': 'Nothing left to join',
  'join.held': "{kind} (you're in)",
  'join.note': 'Note (optional)',
  'join.noteLeft': '{left} of {max} characters left',
  'join.submit': 'Join',
  'yours.label': 'Your places in the queue',
  'yours.leave': 'Leave',
  'yours.leaveKind': 'Leave: {kind}',
  'queue.heading': 'Queue ({count, number} waiting)',
  'queue.reorderHint': 'Drag, or use the arrows, to reorder within a kind.',
  'queue.empty': 'Nobody is waiting.',
  'queue.airtime': "Airtime is measured from queue turns: Teams doesn't share who is talking.",
  'queue.you': 'You',
  'queue.moveUp': 'Move {name} up',
  'queue.moveDown': 'Move {name} down',
  'queue.remove': 'Remove {name} from the queue',
  'invite.heading': 'The host would love to hear from you',
  'invite.private': 'Only you can see this. Saying no is completely fine.',
  'invite.accept': 'Join the queue',
  'invite.decline': 'Not now',
  'invite.accepted': "Thank you — you're in the queue with a new point.",
  'invite.declined': 'No problem. You can join the queue any time.',

  // Check-ins
  'checkin.heading': 'Check-in',
  'checkin.skipped': 'You skipped this check-in.',
  'checkin.showAgain': 'Show it again',
  'checkin.round':
    'A spoken round: it runs through the queue. When your turn comes, share — or simply pass.',
  'checkin.thanks': 'Thank you for answering. Answers are anonymous.',
  'checkin.anonymous': "Anonymous: only the group's totals are kept.",
  'checkin.answerWords': 'Your answer (one or two words)',
  'checkin.answer': 'Your answer',
  'checkin.send': 'Send answer',
  'checkin.skip': 'Skip',
  'checkin.choiceEnd': '{value}, {label}',
  'checkin.waitFor': 'Results appear after {threshold} answers ({answered} so far).',
  'checkin.groups':
    'Results update in groups of {threshold}, so no single answer can be worked out ({answered} answers so far).',
  'checkin.words': 'What people said ({count, plural, one {# answer} other {# answers}})',
  'checkin.summary': '{count, plural, one {# answer} other {# answers}}, average {mean}',
  'checkin.columnAnswer': 'Answer',
  'checkin.columnPeople': 'People',
  'checkin.rowEnd': '{value} · {label}',

  // The built-in prompt library (a prompt someone writes stays in the words they wrote)
  'prompt.arrival-word': 'In one word: how are you arriving today?',
  'prompt.energy': 'Your energy right now — 1 running on empty, 5 fully charged',
  'prompt.energy.low': 'Running on empty',
  'prompt.energy.high': 'Fully charged',
  'prompt.worth-it': 'What would make this meeting worth your time? (one or two words)',
  'prompt.safe-to-differ': 'Here, it feels safe to say something the group may disagree with',
  'prompt.said-my-piece': 'Today I could say what I wanted to say',
  'prompt.felt-heard': 'Did you feel heard in this meeting?',
  'prompt.felt-heard.low': 'Not at all',
  'prompt.felt-heard.high': 'Completely',
  'prompt.appreciation-round': 'A spoken round: something someone did today that helped',
  'prompt.custom': 'Custom prompt',
  'scale.likert5.low': 'Disagree',
  'scale.likert5.high': 'Agree',
  'scale.energy5.low': 'Low',
  'scale.energy5.high': 'High',

  // Host tools
  'host.next': 'Next speaker',
  'host.nobodyWaiting': 'Nobody is waiting',
  'host.nobodyWaitingEnds': 'Nobody is waiting: this ends the turn',
  'host.upNext': 'Up next: {name}',
  'host.loading': 'Loading the host tools…',

  // Opening, signing in, and what can go wrong
  'host.opening': 'Opening Roundtable…',
  'host.slow.title': 'Teams is taking longer than usual',
  'host.slow.body':
    'Roundtable is still waiting for Teams to open it. It opens on its own once Teams answers.',
  'host.reload': 'Reload Roundtable',
  'host.failed.title': 'Roundtable could not open',
  'host.failed.retry': 'Try again',
  'host.failed.body': 'Trying again reloads Roundtable; nothing in the meeting is lost.',
  'host.outside.title': 'Roundtable runs inside Microsoft Teams',
  'host.outside.body':
    "Open a meeting in Teams and choose Roundtable from the meeting's apps to see the speaking queue, check-ins and the meeting's summary.",
  'crash.title': 'Roundtable stopped working',
  'crash.body':
    'Something went wrong on this page. Reloading starts it again; nothing in the meeting is lost.',
  'signIn.anonymous.title': 'Sign in to Teams to use Roundtable',
  'signIn.anonymous.body':
    'You joined this meeting without signing in. Roundtable needs a Teams work or school account to keep the queue fair and anonymous, so it cannot count you in here.',
  'signIn.anonymous.voice':
    'You can still take part: ask the host to call on you, or raise your hand in Teams.',
  'signIn.consent.title': 'Roundtable needs your permission',
  'signIn.consent.give': 'Give permission',
  'signIn.consent.body':
    "Before Roundtable can show you this meeting's queue, Microsoft needs your OK for it to know who you are. It sees your name and account, and nothing else.",
  'signIn.consent.admin':
    'Ask your Microsoft 365 admin to give consent for Roundtable for everyone.',
  'signIn.consent.refused': 'Permission was not given ({reason}). You can ask again at any time.',
  'signIn.failed.title': 'Teams could not sign you in',
  'send.unexpected': 'That did not go through. Please try again in a moment.',
  'send.unreachableNow': 'Roundtable cannot be reached right now.',
  'send.unreachable': 'Roundtable cannot be reached right now. Nothing you typed is lost.',
  'send.retrying': '{reason} Trying again in {seconds, number} s; nothing you typed is lost.',
  'summary.ending': 'The session has ended. Its summary is being put together.',
  'summary.loadFailed':
    'We could not load the summary just now. Check your connection, then try again.',
  'host.failed.initialize': 'Teams did not finish opening Roundtable.{detail}',
  'host.failed.context': 'Teams did not say which meeting this is.{detail}',
  'signIn.checking': 'Signing you in…',
  'signIn.failed.body':
    'Teams could not sign you in to Roundtable. If you joined this meeting from another organisation, Roundtable cannot count you in: it works for people in the organisation that runs it.',
  'signIn.failed.bodyDetail':
    'Teams could not sign you in to Roundtable. If you joined this meeting from another organisation, Roundtable cannot count you in: it works for people in the organisation that runs it. Teams said: {detail}.',
  'summary.opening': 'Opening the summary…',
  'send.gaveUp': 'Roundtable could not be reached. What you typed is kept; try again in a moment.',
} as const;

export type MessageKey = keyof typeof en;
export type Catalogue = Readonly<Record<MessageKey, string>>;

export default en satisfies Catalogue as Catalogue;
