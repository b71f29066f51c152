// Checks on a stored meeting: the queue invariants core promises after any command sequence (as in
// tests/core/queue.property.test.ts), and agreement between the live state and the durable records
// committed with it. Each returns the rules broken, so a failure names them all at once.
import {
  type MeetingState,
  type ParticipationRecord,
  NOTE_MAX_LENGTH,
  kindRank,
} from '@roundtable/core';

export function queueInvariantsBroken(state: MeetingState): string[] {
  const broken: string[] = [];
  const ranks = state.queue.map((entry) => kindRank(entry.kind));
  if (ranks.some((rank, i) => i > 0 && rank < (ranks[i - 1] ?? 0)))
    broken.push('kinds are out of priority order');
  const keys = state.queue.map((entry) => `${entry.participantId}/${entry.kind}`);
  if (new Set(keys).size !== keys.length) broken.push('someone holds two entries of one kind');
  const ids = state.queue.map((entry) => entry.entryId);
  if (new Set(ids).size !== ids.length) broken.push('an entry id appears twice');
  if (state.current !== null && ids.includes(state.current.entryId))
    broken.push('the current speaker is still waiting in the queue');
  for (const entry of state.queue) {
    if (state.participants[entry.participantId] === undefined)
      broken.push(`entry ${entry.entryId} belongs to nobody in the meeting`);
    if ((entry.note ?? '').length > NOTE_MAX_LENGTH) broken.push(`entry ${entry.entryId} note`);
    if (entry.overtakenBy > state.settings.maxBypass)
      broken.push(`entry ${entry.entryId} was overtaken ${entry.overtakenBy} times`);
  }
  if (state.checkin !== null) {
    const answered = state.checkin.answeredBy;
    if (new Set(answered).size !== answered.length) broken.push('someone answered twice');
  }
  if (state.phase === 'ended' && (state.queue.length > 0 || state.current !== null))
    broken.push('an ended meeting still has a queue or a speaker');
  return broken;
}

/**
 * Folds the durable records (in commit order) into who waits and who speaks, and compares that
 * with the live state: an entry joined twice, lost, or left behind shows up here.
 */
export function recordsDisagreeWithState(
  records: readonly ParticipationRecord[],
  state: MeetingState,
  /** The keyed id records carry for an id the state (and views) show: people, entries, turns. */
  recordIdOf: (id: string) => string,
): string[] {
  const broken: string[] = [];
  const waiting = new Set<string>();
  const joined = new Set<string>();
  const started = new Set<string>();
  let speaking: string | null = null;
  const turns = new Map<string, number>();
  const arrived = new Map<string, number>();
  for (const record of records) {
    switch (record.type) {
      case 'arrived':
        arrived.set(record.participantId, (arrived.get(record.participantId) ?? 0) + 1);
        break;
      case 'entryJoined':
        if (joined.has(record.entryId)) broken.push(`entry ${record.entryId} joined twice`);
        joined.add(record.entryId);
        waiting.add(record.entryId);
        break;
      case 'entryLeft':
        if (!waiting.delete(record.entryId))
          broken.push(`entry ${record.entryId} left without waiting`);
        break;
      case 'turnStarted':
        if (started.has(record.turnId)) broken.push(`turn ${record.turnId} started twice`);
        if (speaking !== null) broken.push(`turn ${record.turnId} started over ${speaking}`);
        started.add(record.turnId);
        if (!waiting.delete(record.entryId))
          broken.push(`turn ${record.turnId} started from entry ${record.entryId} not waiting`);
        speaking = record.turnId;
        turns.set(record.participantId, (turns.get(record.participantId) ?? 0) + 1);
        break;
      case 'turnEnded':
        if (speaking !== record.turnId) broken.push(`turn ${record.turnId} ended while not on`);
        speaking = null;
        break;
      case 'panelOpened':
      case 'modeChanged':
      case 'inviteSent':
      case 'inviteAnswered':
      case 'appreciated':
      case 'checkinClosed':
      case 'sessionEnded':
        break;
    }
  }
  const queued = state.queue.map((entry) => recordIdOf(entry.entryId));
  if (JSON.stringify([...queued].sort()) !== JSON.stringify([...waiting].sort()))
    broken.push(
      `records leave ${[...waiting].join(',')} waiting; the state has ${queued.join(',')}`,
    );
  const current = state.current === null ? null : recordIdOf(state.current.turnId);
  if (current !== speaking)
    broken.push(`records say ${speaking ?? 'nobody'} speaks; the state ${current ?? 'nobody'}`);
  for (const participant of Object.values(state.participants)) {
    const id = recordIdOf(participant.participantId);
    if ((arrived.get(id) ?? 0) !== 1) broken.push(`${id} arrived ${arrived.get(id) ?? 0} times`);
    if ((turns.get(id) ?? 0) !== participant.turns)
      broken.push(`${id} has ${participant.turns} turns; records show ${turns.get(id) ?? 0}`);
  }
  return broken;
}
