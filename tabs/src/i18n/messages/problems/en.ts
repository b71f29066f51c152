// The API's refusals and failures by stable code, in English. English readers see the API's own
// `detail` (the same words; tests/tabs/catalogues.test.ts checks the domain's), so this catalogue
// is the source for translators and is never in the English reader's bundle. German and Arabic
// readers load theirs with the rest of their catalogue.
const problems = {
  'problem.unknown-participant': 'Open Roundtable in this meeting first, then try again.',
  'problem.not-host': 'Only the organiser and the co-hosts they chose can do this.',
  'problem.not-organizer':
    'Only the meeting’s organisers can choose who co-hosts and whether presenters host.',
  'problem.meeting-ended': 'This meeting has ended; its queue and check-ins are closed.',
  'problem.queue-locked':
    'The host has locked the queue. A point of order is still welcome; other entries wait until it reopens.',
  'problem.note-too-long': 'Keep the note to 140 characters or fewer.',
  'problem.already-queued':
    'You are already in the queue with this kind of entry. Leave it first to change it.',
  'problem.not-queued': 'You have no entry of this kind in the queue.',
  'problem.entry-not-found': 'That entry is no longer in the queue; the view has moved on.',
  'problem.move-out-of-range':
    'Entries stay grouped by kind: pick a position within the same kind.',
  'problem.stale-turn': 'That turn has already ended. Refresh to see who is speaking now.',
  'problem.nothing-to-advance': 'Nobody is speaking and the queue is empty.',
  'problem.not-your-turn': 'Only the person speaking can end their own turn.',
  'problem.participant-not-found': 'That person is not in this meeting’s Roundtable.',
  'problem.already-host': 'That person can already host this meeting.',
  'problem.host-by-role':
    'That person hosts through their Teams role; only co-hosts granted in Roundtable can be revoked.',
  'problem.not-co-host': 'That person is not a co-host.',
  'problem.cannot-invite-self': 'You cannot invite yourself; join the queue instead.',
  'problem.not-present': 'That person does not have Roundtable open right now.',
  'problem.already-invited': 'That person already has an invitation waiting.',
  'problem.no-invite': 'There is no invitation waiting for you.',
  'problem.checkin-already-open': 'A check-in is already open. Close it before starting another.',
  'problem.unknown-prompt': 'There is no built-in prompt with that id.',
  'problem.prompt-scale-mismatch':
    'That built-in prompt uses a different answer scale; leave the scale out or use the prompt’s own.',
  'problem.checkin-not-open': 'That check-in is closed. Answers are no longer taken.',
  'problem.checkin-spoken-round':
    'This check-in is a spoken round: take your turn in the queue instead of typing an answer.',
  'problem.already-answered': 'You have already answered this check-in. Thank you!',
  'problem.invalid-answer':
    'That answer does not fit this check-in: pick 1 to 5, or type one or two words.',
  'problem.turn-not-found': 'Thanks can go to the current turn or one of the last few.',
  'problem.cannot-thank-self': 'You cannot thank your own turn — but others may!',
  'problem.already-thanked': 'You have already thanked this turn.',
  'problem.not-a-system-command': 'Only the Roundtable service can do this.',
  // The API's own (api/src/application/errors.ts, api/src/http/handle.ts)
  'problem.not-participant': 'You are not a participant of this meeting.',
  'problem.tenant-not-allowed':
    'Your organisation is not one this Roundtable deployment serves. Ask whoever runs Roundtable for your organisation.',
  'problem.not-in-meeting':
    'You are not in the meeting right now. Join the meeting in Teams to take part.',
  'problem.app-not-installed':
    'Roundtable is not added to this meeting. Ask the organiser to add Roundtable to the meeting, then open it again.',
  'problem.meeting-expired':
    'Teams no longer knows this meeting: it has expired. Its organiser can still read and erase its summaries.',
  'problem.summary-not-ready': 'The summary is ready a few moments after the session ends.',
  'problem.summary-not-found':
    'There is no summary here for you yet. One is kept when a session in which people used Roundtable ends; erased and expired ones are gone.',
  'problem.rate-limited':
    'You are sending commands faster than Roundtable accepts; wait {seconds, number} s.',
  'problem.too-many-streams':
    'Too many live connections are open for you; wait {seconds, number} s and Roundtable tries again.',
  'problem.unavailable.storage':
    'Roundtable cannot reach its storage right now. Try again in {seconds, number} s; nothing you sent is lost.',
  'problem.unavailable.teams':
    'Roundtable cannot reach Microsoft Teams right now. Try again in {seconds, number} s; nothing you sent is lost.',
  'problem.unavailable.sign-in':
    'Roundtable cannot check sign-ins right now. Try again in {seconds, number} s; nothing you sent is lost.',
  'problem.unavailable.live':
    'Live updates cannot be set up right now. Try again in {seconds, number} s; nothing you sent is lost.',
  'problem.unavailable.busy':
    'This meeting is very busy right now. Try again in {seconds, number} s; nothing you sent is lost.',
  'problem.not-configured':
    'Roundtable is not fully configured here yet. Tell whoever runs Roundtable for you.',
  'problem.internal':
    'Roundtable hit an unexpected error. Try again; if it keeps happening, tell whoever runs Roundtable for you.',
} as const;

export type ProblemKey = keyof typeof problems;
export type ProblemCatalogue = Readonly<Record<ProblemKey, string>>;

export default problems satisfies ProblemCatalogue as ProblemCatalogue;
