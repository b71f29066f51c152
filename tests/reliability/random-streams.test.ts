// Fifty people in five meetings send random commands, sensible and not, at once, through two API
// instances (two MeetingServices, each with its own committer and its own Table Storage client)
// sharing one real Azurite: the instances' ETag conflicts are real. Some commands are sent to both
// instances at once under one id, as a retrying client would. Afterwards each meeting's commits
// form one unbroken chain, replaying the committed commands in commit order reproduces every stored
// state, outcome and durable record exactly, the final state equals the replay, every command id
// was applied exactly once, and the queue invariants hold after every commit.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import type { CommandBody, DomainError, ParticipantView } from '@roundtable/core';
import { HmacPseudonymiser } from '../../api/src/adapters/hmac-pseudonymiser.js';
import { LocalRoleDirectory } from '../../api/src/adapters/local/local-role-directory.js';
import { tableMeetingStoreFromConnectionString } from '../../api/src/adapters/storage/table-meeting-store.js';
import { DependencyUnavailableError } from '../../api/src/application/errors.js';
import { MeetingService } from '../../api/src/application/meeting-service.js';
import type { Broadcaster, Caller } from '../../api/src/application/ports.js';
import { RateLimiter } from '../../api/src/application/rate-limiter.js';
import { startAzurite, type Azurite } from '../support/azurite.js';
import { LoggingStore, replayChain, type Logged } from './commit-log.js';
import { printFigures } from './figures.js';
import { randomCommand } from './random-commands.js';
import { seedFromEnvironment, seeded } from './seeded-random.js';

const SECRET = 'reliability-streams-secret-0123456789-abcdefghij';
const MEETINGS = 5;
const PEOPLE_PER_MEETING = 10;
const COMMANDS_PER_PERSON = 14;

let azurite: Azurite | undefined;
let ticking: ReturnType<typeof setInterval> | undefined;

beforeAll(async () => {
  azurite = await startAzurite();
}, 30_000);

afterAll(async () => {
  clearInterval(ticking);
  await azurite?.stop();
});

const quiet: Broadcaster = {
  publish: () => Promise.resolve(),
  nudge: () => Promise.resolve(),
  access: () => Promise.reject(new Error('No live access in this test.')),
  disconnectAll: () => Promise.resolve(),
};

interface Sent {
  readonly meeting: number;
  readonly caller: Caller;
  readonly body: CommandBody;
  /** Every answer the instances gave for this id (two when it was sent twice at once). */
  readonly answers: ({ ok: true } | { ok: false; code: string })[];
}

const outcomeOf = (refusal: DomainError | null) =>
  refusal === null ? ({ ok: true } as const) : ({ ok: false, code: refusal.code } as const);

describe('random command streams through two instances', () => {
  it('equal the sequential replay of what each meeting committed, with the invariants intact', async () => {
    if (azurite === undefined) throw new Error('Azurite did not start.');
    const random = seeded(seedFromEnvironment());
    let now = Date.now();
    // Read once per synchronous run: a batch's decisions and its commit see the same time.
    ticking = setInterval(() => {
      now = Date.now();
    }, 5);
    const table = tableMeetingStoreFromConnectionString(azurite.connectionString, 'streams');
    await table.ensureTable();
    const log: Logged[] = [];
    const pseudonyms = new HmacPseudonymiser(SECRET);
    // One instance keeps every state in base and log rows (decision 011), the other in the state
    // row while it is small: every switch between the two layouts happens amid conflicts.
    const instances = [0, 4096].map((inlineStateBytes) => {
      const store = new LoggingStore(
        tableMeetingStoreFromConnectionString(azurite?.connectionString ?? '', 'streams', {
          inlineStateBytes,
        }),
        log,
      );
      return new MeetingService({
        store,
        roles: new LocalRoleDirectory(),
        broadcaster: quiet,
        endQueue: null,
        pseudonyms,
        clock: () => now,
        random: store.random,
        sleep: store.sleep,
        settings: {},
        rateLimiter: new RateLimiter({ capacity: 1_000_000, windowMs: 1_000 }),
      });
    });
    const [first, second] = instances as [MeetingService, MeetingService];

    // Everyone opens their meeting first (arrivals are the server's own commands, not replayed).
    const meetingIds = Array.from({ length: MEETINGS }, (_, m) => `19:meeting_streams_${m}@v2`);
    const people = meetingIds.flatMap((meetingId, m) =>
      Array.from({ length: PEOPLE_PER_MEETING }, (_, i) => ({
        meeting: m,
        meetingId,
        caller: {
          tenantId: 'tenant',
          userId: `user-${m}-${i}`,
          displayName: `Person ${m}.${i}`,
          localRole: i === 0 ? 'organizer' : i === 1 ? 'presenter' : 'attendee',
        } satisfies Caller,
        view: null as ParticipantView | null,
        turns: [] as string[],
      })),
    );
    // Each organiser's first command opens the meeting's session; then everyone arrives in it.
    for (const person of people.filter((p) => p.caller.localRole === 'organizer'))
      await first.execute(person.meetingId, person.caller, { id: randomUUID(), type: 'unlock' });
    for (const person of people)
      person.view = (await first.view(person.meetingId, person.caller)).view;
    for (const person of people.filter((p) => p.caller.localRole === 'organizer'))
      await second.view(person.meetingId, person.caller);
    const keys = meetingIds.map((id) => pseudonyms.meetingKey(id));
    const bases = await Promise.all(keys.map((key) => table.load(key)));
    const baseRecords = await Promise.all(keys.map((key) => table.records(key, 1)));
    log.length = 0;

    const sent = new Map<string, Sent>();
    let busy = 0;
    const problems: string[] = [];
    const send = async (service: MeetingService, person: (typeof people)[number], entry: Sent) => {
      for (let attempt = 0; attempt < 20; attempt++) {
        try {
          const result = await service.execute(person.meetingId, person.caller, entry.body);
          entry.answers.push(outcomeOf(result.refusal));
          if (result.view.version >= (person.view?.version ?? -1)) person.view = result.view;
          return;
        } catch (error) {
          // "Very busy": the tab retries under the same id after Retry-After; so does this.
          if (!(error instanceof DependencyUnavailableError)) {
            problems.push(`${entry.body.type}: ${String(error)}`);
            return;
          }
          busy += 1;
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
      }
      problems.push(`${entry.body.type} ${entry.body.id} stayed busy`);
    };
    const seenIn = (meeting: number) => ({
      participants: people
        .filter((p) => p.meeting === meeting)
        .map((p) => p.view?.you.participantId ?? ''),
      turns: people.filter((p) => p.meeting === meeting).flatMap((p) => p.turns),
    });
    let doubled = 0;
    await Promise.all(
      people.map(async (person) => {
        for (let n = 0; n < COMMANDS_PER_PERSON; n++) {
          const view = person.view;
          if (view === null) throw new Error('Someone has no view.');
          if (view.current !== null) person.turns.push(view.current.turnId);
          const command = randomCommand(view, random, seenIn(person.meeting));
          const body = { ...command, id: randomUUID() } as CommandBody;
          const entry: Sent = { meeting: person.meeting, caller: person.caller, body, answers: [] };
          sent.set(body.id, entry);
          if (random.chance(0.1)) {
            doubled += 1;
            await Promise.all([send(first, person, entry), send(second, person, entry)]);
          } else {
            await send(random.chance(0.5) ? first : second, person, entry);
          }
        }
      }),
    );
    expect(problems).toEqual([]);

    let commits = 0;
    let appliedOnce = 0;
    let appliedTwice = 0;
    let lost = 0;
    for (const [m, key] of keys.entries()) {
      const base = bases[m];
      if (base === null || base === undefined) throw new Error(`Meeting ${m} was not created.`);
      const replayed = replayChain(
        base,
        log.filter((entry) => entry.commit.meetingKey === key),
        pseudonyms,
        (commandId) => {
          const entry = sent.get(commandId);
          return entry === undefined
            ? undefined
            : {
                participantId: pseudonyms.participantId(base.salt, entry.caller),
                body: entry.body,
              };
        },
      );
      const { state, version, etag, applied } = replayed;
      commits += replayed.commits;

      const final = await table.load(key);
      expect({ etag: final?.etag, version: final?.version }).toEqual({ etag, version });
      expect(final?.state).toEqual(state);
      expect(await table.records(key, 1)).toEqual([...(baseRecords[m] ?? []), ...replayed.records]);

      // Every command sent in this meeting was applied exactly once, with the answer it was given.
      const ours = [...sent.values()].filter((entry) => entry.meeting === m);
      const counts = ours.map((entry) => applied.get(entry.body.id) ?? 0);
      appliedOnce += counts.filter((count) => count === 1).length;
      appliedTwice += counts.filter((count) => count > 1).length;
      lost += counts.filter((count) => count === 0).length;
      const disagreements: string[] = [];
      const callers = new Map(ours.map((entry) => [entry.caller.userId, entry.caller]));
      for (const caller of callers.values()) {
        const theirs = ours.filter((entry) => entry.caller === caller);
        const stored = await table.findOutcomes(
          key,
          1,
          pseudonyms.participantId(base.salt, caller),
          theirs.map((entry) => entry.body.id),
        );
        for (const entry of theirs) {
          const outcome = stored.get(entry.body.id);
          const kept =
            outcome === undefined
              ? 'nothing'
              : JSON.stringify(outcome.ok ? { ok: true } : { ok: false, code: outcome.error.code });
          for (const answer of entry.answers) {
            if (JSON.stringify(answer) !== kept)
              disagreements.push(`${entry.body.type} told ${JSON.stringify(answer)}, kept ${kept}`);
          }
        }
      }
      expect(disagreements).toEqual([]);
    }

    const conflicts = instances.reduce((sum, s) => sum + s.committer.stats.conflicts, 0);
    const accepted = [...sent.values()].filter((entry) => entry.answers[0]?.ok === true).length;
    printFigures('random streams', {
      seed: random.seed,
      meetings: MEETINGS,
      people: people.length,
      commandsSent: sent.size,
      sentTwiceAtOnce: doubled,
      accepted,
      refusedByRules: sent.size - accepted,
      commits,
      conflictsBetweenInstances: conflicts,
      busyRetries: busy,
      replayedCommands: appliedOnce,
      appliedTwice,
      dataLost: lost,
    });
    expect({ appliedTwice, lost }).toEqual({ appliedTwice: 0, lost: 0 });
    expect(appliedOnce).toBe(sent.size);
    // Two instances writing the same meetings at once: the ETag guard had real work to do.
    expect(conflicts).toBeGreaterThan(0);
  }, 60_000);
});
