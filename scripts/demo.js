// `npm run demo`: plays a short meeting through the built domain core and prints what each
// step did and the inclusion summary at the end. A quick look at the domain without any server.
import { decide, evolve, initialMeetingState, recordsOf, summarize } from '@roundtable/core';

const people = [
  ['olu', 'Olu', 'organizer'],
  ['ana', 'Ana', 'attendee'],
  ['ben', 'Ben', 'attendee'],
  ['cai', 'Cai', 'attendee'],
  ['dee', 'Dee', 'attendee'],
];
let state = initialMeetingState();
const events = [];
let now = Date.UTC(2026, 10, 21, 9, 0, 0);
let seed = 42;
const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;

function send(by, command, minutesLater = 0) {
  now += minutesLater * 60_000;
  const decision = decide(command, state, {
    now,
    actor: { kind: 'participant', participantId: by },
    random,
  });
  const { type, ...details } = command;
  const label = `${by.padEnd(4)} ${type} ${Object.keys(details).length ? JSON.stringify(details) : ''}`;
  if (!decision.ok) {
    console.log(`  ✗ ${label.padEnd(58)} refused: ${decision.error.message}`);
    return;
  }
  for (const event of decision.events) state = evolve(state, event);
  events.push(...decision.events);
  const speaking = state.current
    ? state.participants[state.current.participantId]?.displayName
    : '—';
  const queue = state.queue
    .map((e) => `${state.participants[e.participantId]?.displayName}(${e.kind})`)
    .join(' ');
  console.log(`  ✓ ${label.padEnd(58)} speaking: ${speaking.padEnd(4)} queue: ${queue || '—'}`);
}

console.log('\nRoundtable — a scripted meeting through the domain core\n');
for (const [id, displayName, role] of people) send(id, { type: 'arrive', displayName, role });
send('olu', { type: 'openCheckin', promptId: 'energy' });
for (const [id, value] of [
  ['ana', 4],
  ['ben', 3],
  ['cai', 5],
]) {
  send(id, { type: 'answerCheckin', checkinId: state.checkin.checkinId, value });
}
send('olu', { type: 'closeCheckin', checkinId: state.checkin.checkinId });
send('ben', { type: 'join', kind: 'point', note: 'the budget' }, 1);
send('ana', { type: 'join', kind: 'point' });
send('ben', { type: 'join', kind: 'point' });
send('olu', { type: 'next', currentTurnId: null });
send('cai', { type: 'join', kind: 'clarify', note: 'which quarter?' }, 4);
send('olu', { type: 'next', currentTurnId: state.current.turnId });
send('olu', { type: 'setMode', mode: 'equity' }, 1);
send('ben', { type: 'join', kind: 'reply' });
send('olu', { type: 'next', currentTurnId: state.current.turnId });
const benTurn = state.current.turnId;
send('ana', { type: 'appreciate', turnId: benTurn }, 3);
send('ben', { type: 'finish', turnId: benTurn });
// The host pressed Next at the same moment as Ben's "I'm done": exactly one turn ends.
send('olu', { type: 'next', currentTurnId: benTurn });
send('olu', { type: 'next', currentTurnId: null });
send('olu', { type: 'invite', participantId: 'dee' }, 2);
send('dee', { type: 'respondInvite', accept: true });
send('ben', { type: 'join', kind: 'point' });
send('olu', { type: 'next', currentTurnId: state.current?.turnId ?? null }, 5);
send('olu', { type: 'openCheckin', promptId: 'felt-heard' }, 6);
for (const [id, value] of [
  ['ana', 4],
  ['ben', 5],
  ['cai', 3],
  ['dee', 4],
]) {
  send(id, { type: 'answerCheckin', checkinId: state.checkin.checkinId, value });
}
send('olu', { type: 'endSession', session: 1 }, 1);

const summary = summarize(recordsOf(events), { k: 3 });
const percent = (share) => (share === null ? 'n/a' : `${Math.round(share * 100)}%`);
const lines = [
  `Participants ${summary.participants} · spoke ${summary.speakers} (${percent(summary.spokeShare)}) · turns ${summary.turns}`,
  `Balance ${percent(summary.balance)} · largest airtime share ${percent(summary.largestAirtimeShare)} (airtime measured from queue turns)`,
  `Waits: median ${summary.waitMedianS} s, p90 ${summary.waitP90S} s · wanted to speak, not reached: ${summary.queuedNotReached}`,
  `Invitations ${summary.invitesSent} sent, ${summary.invitesAccepted} accepted · thanks ${summary.appreciations} · modes ${summary.modesUsed.join(', ')}`,
  ...summary.checkins.map(
    (c) =>
      `Check-in ${c.promptId ?? 'custom'}: ${c.aggregate.n} answers${'mean' in c.aggregate ? `, mean ${c.aggregate.mean.toFixed(1)}` : ''}`,
  ),
  'Suggestions:',
  ...summary.suggestions.map((suggestion) => `  - ${suggestion.text}`),
];
console.log(`\nThe meeting has ${state.phase}. Inclusion summary (aggregates only, k = 3):\n`);
console.log(lines.map((line) => `  ${line}`).join('\n'));
console.log('\nRun `npm start` for the local API; see README.md.\n');
