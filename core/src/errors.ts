// Every rule the domain can refuse, with a stable code for programs and a message for people.

/** `forbidden`: the actor may not do this (HTTP 403); `conflict`: the meeting's state refuses it (409). */
export type ErrorCategory = 'forbidden' | 'conflict';

export interface DomainError {
  readonly code: DomainErrorCode;
  readonly category: ErrorCategory;
  readonly message: string;
}

const catalogue = {
  'unknown-participant': ['forbidden', 'Open Roundtable in this meeting first, then try again.'],
  'not-host': ['forbidden', 'Only the organiser and the co-hosts they chose can do this.'],
  'not-organizer': [
    'forbidden',
    'Only the meeting’s organisers can choose who co-hosts and whether presenters host.',
  ],
  'meeting-ended': ['conflict', 'This meeting has ended; its queue and check-ins are closed.'],
  'queue-locked': [
    'conflict',
    'The host has locked the queue. A point of order is still welcome; other entries wait until it reopens.',
  ],
  'note-too-long': ['conflict', 'Keep the note to 140 characters or fewer.'],
  'already-queued': [
    'conflict',
    'You are already in the queue with this kind of entry. Leave it first to change it.',
  ],
  'not-queued': ['conflict', 'You have no entry of this kind in the queue.'],
  'entry-not-found': ['conflict', 'That entry is no longer in the queue; the view has moved on.'],
  'move-out-of-range': [
    'conflict',
    'Entries stay grouped by kind: pick a position within the same kind.',
  ],
  'stale-turn': ['conflict', 'That turn has already ended. Refresh to see who is speaking now.'],
  'nothing-to-advance': ['conflict', 'Nobody is speaking and the queue is empty.'],
  'not-your-turn': ['forbidden', 'Only the person speaking can end their own turn.'],
  'participant-not-found': ['conflict', 'That person is not in this meeting’s Roundtable.'],
  'already-host': ['conflict', 'That person can already host this meeting.'],
  'host-by-role': [
    'conflict',
    'That person hosts through their Teams role; only co-hosts granted in Roundtable can be revoked.',
  ],
  'not-co-host': ['conflict', 'That person is not a co-host.'],
  'cannot-invite-self': ['conflict', 'You cannot invite yourself; join the queue instead.'],
  'not-present': ['conflict', 'That person does not have Roundtable open right now.'],
  'already-invited': ['conflict', 'That person already has an invitation waiting.'],
  'no-invite': ['conflict', 'There is no invitation waiting for you.'],
  'checkin-already-open': [
    'conflict',
    'A check-in is already open. Close it before starting another.',
  ],
  'unknown-prompt': ['conflict', 'There is no built-in prompt with that id.'],
  'prompt-scale-mismatch': [
    'conflict',
    'That built-in prompt uses a different answer scale; leave the scale out or use the prompt’s own.',
  ],
  'checkin-not-open': ['conflict', 'That check-in is closed. Answers are no longer taken.'],
  'checkin-spoken-round': [
    'conflict',
    'This check-in is a spoken round: take your turn in the queue instead of typing an answer.',
  ],
  'already-answered': ['conflict', 'You have already answered this check-in. Thank you!'],
  'invalid-answer': [
    'conflict',
    'That answer does not fit this check-in: pick 1 to 5, or type one or two words.',
  ],
  'turn-not-found': ['conflict', 'Thanks can go to the current turn or one of the last few.'],
  'cannot-thank-self': ['conflict', 'You cannot thank your own turn — but others may!'],
  'already-thanked': ['conflict', 'You have already thanked this turn.'],
  'not-a-system-command': ['forbidden', 'Only the Roundtable service can do this.'],
} as const satisfies Record<string, readonly [ErrorCategory, string]>;

export type DomainErrorCode = keyof typeof catalogue;

export function domainError(code: DomainErrorCode): DomainError {
  const [category, message] = catalogue[code];
  return { code, category, message };
}

export const domainErrorCodes = Object.keys(catalogue) as DomainErrorCode[];
