// The commands that measure what a command costs as a meeting grows, shared by the benchmark's
// growth section and tests/integration/storage-growth.test.ts: everyone arrives, a tenth wait in
// the queue, an organiser grants three co-hosts; then each cycle someone joins, someone thanks the
// speaker, a host moves the queue on, the joiner leaves and the last speaker joins again, so the
// queue keeps its length and every command is a real commit.
import type { PublicCommand, PublicView } from '@roundtable/core';

const CO_HOSTS = 3;

/** How the growth commands reach a meeting: over HTTP in the benchmark, in process in tests. */
export interface GrowthDriver<P> {
  /** The person opens the meeting (an organiser's first command opens the session); their id. */
  arrive(person: P): Promise<string>;
  /** Sends one command, which must be accepted; the view it answered with. */
  send(person: P, body: PublicCommand): Promise<PublicView>;
}

export interface GrownMeeting<P> {
  readonly hosts: readonly P[];
  readonly joiners: readonly P[];
  readonly thankers: readonly P[];
  readonly personOf: ReadonlyMap<string, P>;
  view: PublicView;
}

/** The organiser opens the session, everyone arrives, a tenth join the queue, three co-host. */
export async function growMeeting<P>(
  driver: GrowthDriver<P>,
  organiser: P,
  people: readonly P[],
  inParallel: <T>(items: readonly P[], work: (person: P) => Promise<T>) => Promise<T[]>,
): Promise<GrownMeeting<P>> {
  await driver.arrive(organiser);
  const ids = await inParallel(people, (person) => driver.arrive(person));
  const waiting = Math.max(2, Math.round(people.length / 10));
  await inParallel(people.slice(0, waiting), (person) =>
    driver.send(person, { type: 'join', kind: 'point', note: 'a short note' }),
  );
  const free = people.length - waiting - CO_HOSTS;
  const joining = Math.min(10, Math.ceil(free / 2));
  const coHosts = people.slice(waiting, waiting + CO_HOSTS);
  for (const id of ids.slice(waiting, waiting + CO_HOSTS)) {
    await driver.send(organiser, { type: 'grantHost', participantId: id });
  }
  const view = await driver.send(organiser, { type: 'next', currentTurnId: null });
  const start = waiting + CO_HOSTS;
  return {
    hosts: [organiser, ...coHosts],
    joiners: people.slice(start, start + joining),
    thankers: people.slice(start + joining, start + joining + Math.min(10, free - joining)),
    personOf: new Map(ids.map((id, i) => [id, people[i] as P])),
    view,
  };
}

/** `cycles` cycles of five commands (four when nobody speaks); each cycle lasts at least `cycleMs`. */
export async function playCycles<P>(
  driver: GrowthDriver<P>,
  meeting: GrownMeeting<P>,
  cycles: number,
  cycleMs = 0,
): Promise<number> {
  let sent = 0;
  const send = async (person: P | undefined, body: PublicCommand) => {
    if (person === undefined) throw new Error('The growth meeting has too few people.');
    meeting.view = await driver.send(person, body);
    sent += 1;
  };
  for (let cycle = 0; cycle < cycles; cycle++) {
    const started = performance.now();
    const joiner = meeting.joiners[cycle % meeting.joiners.length];
    const speaking = meeting.view.current;
    await send(joiner, { type: 'join', kind: 'point', note: 'a short note' });
    if (speaking !== null) {
      const thanker = meeting.thankers[cycle % meeting.thankers.length];
      await send(thanker, { type: 'appreciate', turnId: speaking.turnId });
    }
    const host = meeting.hosts[cycle % meeting.hosts.length];
    await send(host, { type: 'next', currentTurnId: speaking?.turnId ?? null });
    await send(joiner, { type: 'leave', kind: 'point' });
    if (speaking !== null) {
      await send(meeting.personOf.get(speaking.participantId), { type: 'join', kind: 'point' });
    }
    const left = cycleMs - (performance.now() - started);
    if (left > 0) await new Promise((resolve) => setTimeout(resolve, left));
  }
  return sent;
}
