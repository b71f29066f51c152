// Storage fails mid-meeting while twelve people send commands to the built API over HTTP: first
// Azurite (keeping its data in a folder) is stopped and started again on the same ports; then,
// through a proxy, the answers to storage writes are lost for a while although the writes land. Meanwhile
// every command answers 503 with Retry-After and a problem+json body, never a 500 and never a
// hang; the people retry under the same command id, as the side panel does. Afterwards every
// command has exactly the stored outcome its sender was told, and the durable records agree with
// the live state: nothing lost, nothing applied twice.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { type EntryKind, type PublicCommand, ENTRY_KINDS } from '@roundtable/core';
import { HmacPseudonymiser } from '../../api/src/adapters/hmac-pseudonymiser.js';
import {
  tableMeetingStoreFromConnectionString,
  type TableMeetingStore,
} from '../../api/src/adapters/storage/table-meeting-store.js';
import { startApiProcess, type ApiProcess } from '../support/api-process.js';
import { startAzurite, type Azurite } from '../support/azurite.js';
import { startFaultProxy, type FaultProxy } from '../support/fault-proxy.js';
import { printFigures } from './figures.js';
import { HttpPeople, type Person } from './http-people.js';
import { seedFromEnvironment, seeded } from './seeded-random.js';
import { queueInvariantsBroken, recordsDisagreeWithState } from './state-checks.js';

const SECRET = 'reliability-outage-secret-0123456789-abcdefghij';
const TABLE = 'meetingsoutage';
const meetingId = '19:meeting_storage_outage@thread.v2';
const FAULTS = ['storage stopped', 'write answers lost'] as const;
const ANSWER_BOUND_MS = 15_000;

let folder: string | undefined;
let azurite: Azurite | undefined;
let api: ApiProcess | undefined;
let proxy: FaultProxy | undefined;
/** Cleared when the test is done, or abandoned: the people stop sending. */
let sending = true;
let shared: HttpPeople | undefined;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'roundtable-reliability-'));
  azurite = await startAzurite({ location: folder });
  // The API reaches the Table service through the proxy; the queues it reaches directly.
  proxy = await startFaultProxy(Number(new URL(azurite.tableEndpoint).port));
  const storage = azurite.connectionString.replace(
    /TableEndpoint=[^;]+/,
    `TableEndpoint=${proxy.url}/devstoreaccount1`,
  );
  api = await startApiProcess({ storage, secret: SECRET, tableName: TABLE });
}, 45_000);

afterAll(async () => {
  sending = false;
  if (shared !== undefined) shared.giveUpAt = 0;
  await api?.kill();
  await proxy?.close();
  await azurite?.stop();
  if (folder !== undefined) await rm(folder, { recursive: true, force: true });
});

function running(): { azurite: Azurite; api: ApiProcess; proxy: FaultProxy } {
  if (azurite === undefined || api === undefined || proxy === undefined)
    throw new Error('The stack did not start.');
  return { azurite, api, proxy };
}

/** A plausible next command for this person, from what they last saw (so some are refused). */
function nextCommand(person: Person, random: ReturnType<typeof seeded>): PublicCommand {
  const { view } = person;
  const held = view.you.entries.map((entry) => entry.kind);
  if (view.current?.participantId === view.you.participantId && random.chance(0.7))
    return { type: 'finish', turnId: view.current.turnId };
  if (person.role === 'organizer' && random.chance(0.5))
    return { type: 'next', currentTurnId: view.current?.turnId ?? null };
  if (held.length > 0 && random.chance(0.4)) return { type: 'leave', kind: random.pick(held) };
  const kind: EntryKind = random.pick(ENTRY_KINDS);
  return random.chance(0.3)
    ? { type: 'join', kind, note: `about ${kind} from ${person.name}` }
    : { type: 'join', kind };
}

describe('storage failing mid-meeting, then back with the same data', () => {
  it('answers 503 with Retry-After meanwhile, and afterwards every command applied exactly once', async () => {
    const { azurite: storage, api: host, proxy: faults } = running();
    const random = seeded(seedFromEnvironment());
    const people = new HttpPeople({ base: host.url, meetingId, answerBoundMs: ANSWER_BOUND_MS });
    shared = people;
    const names = 'Olu Ana Ben Cai Dee Eli Fay Gus Hal Ivy Jon Kim'.split(' ');
    const everyone: Person[] = [];
    for (const [index, name] of names.entries())
      everyone.push(await people.person(name, index === 0 ? 'organizer' : 'attendee'));

    // Each person sends one command at a time, about two a second: well under the rate limit of
    // 30 per 10 s, so a 429 would be a finding.
    const senders = everyone.map(async (person) => {
      while (sending) {
        await people.send(person, nextCommand(person, random));
        await delay(400 + random.int(200));
      }
    });

    const health: number[] = [];
    const seen: number[] = [];
    try {
      for (const fault of FAULTS) {
        await delay(1_000);
        const before = people.tally.unavailable;
        if (fault === 'storage stopped') {
          await storage.stop();
          const response = await fetch(`${host.url}/api/health`);
          health.push(response.status);
          expect(response.headers.get('retry-after')).toMatch(/^\d+$/);
          await response.body?.cancel();
          await delay(1_000);
          await storage.restart();
        } else {
          faults.loseWriteAnswers = true;
          await delay(2_500);
          faults.loseWriteAnswers = false;
        }
        seen.push(people.tally.unavailable - before);
      }
      await delay(1_000);
    } finally {
      sending = false;
      people.giveUpAt = Date.now() + 30_000;
      await Promise.all(senders);
    }

    expect(people.tally.problems).toEqual([]);
    expect(people.tally.rateLimited).toBe(0);
    expect(health).toEqual([503]);
    // The people saw every fault as 503s (not as hangs or 500s), and some writes really landed
    // without their answer.
    expect(seen.every((count) => count > 0)).toBe(true);
    expect(faults.lost.writes).toBeGreaterThan(0);

    // What storage kept, read by a client of our own.
    const store: TableMeetingStore = tableMeetingStoreFromConnectionString(
      storage.connectionString,
      TABLE,
    );
    const meetingKey = new HmacPseudonymiser(SECRET).meetingKey(meetingId);
    const final = await store.load(meetingKey);
    if (final === null) throw new Error('The meeting is not stored.');
    const mismatched: string[] = [];
    for (const person of everyone) {
      const mine = people.settled.filter((s) => s.person === person);
      const stored = await store.findOutcomes(
        meetingKey,
        1,
        person.view.you.participantId,
        mine.map((s) => s.body.id),
      );
      for (const settled of mine) {
        const outcome = stored.get(settled.body.id);
        const told = settled.outcome;
        const agrees =
          outcome !== undefined &&
          told !== null &&
          (told.ok
            ? outcome.ok && outcome.version <= told.version
            : !outcome.ok && outcome.error.code === told.code);
        if (!agrees)
          mismatched.push(`${settled.body.type} ${settled.body.id}: told ${JSON.stringify(told)}`);
      }
    }
    expect(mismatched).toEqual([]);

    const records = await store.records(meetingKey, 1);
    const pseudonyms = new HmacPseudonymiser(SECRET);
    const acceptedOf = (type: string) =>
      people.settled.filter((s) => s.body.type === type && s.outcome?.ok === true).length;
    // One record per accepted join and leave: a join applied twice would leave two.
    expect(records.filter((r) => r.type === 'entryJoined')).toHaveLength(acceptedOf('join'));
    expect(records.filter((r) => r.type === 'entryLeft' && r.reason === 'withdrawn')).toHaveLength(
      acceptedOf('leave'),
    );
    expect(
      recordsDisagreeWithState(records, final.state, (id) => pseudonyms.recordId(final.salt, id)),
    ).toEqual([]);
    expect(queueInvariantsBroken(final.state)).toEqual([]);
    // Everyone's last view agrees with storage once the API's one-second read cache has passed.
    await delay(1_100);
    const reread = await people.read(everyone[0]?.token ?? '');
    expect({ version: reread.version, queue: reread.queue.map((e) => e.entryId) }).toEqual({
      version: final.publicVersion,
      queue: final.state.queue.map((e) => e.entryId),
    });

    const { tally } = people;
    printFigures('storage outage', {
      seed: random.seed,
      faults: FAULTS.length,
      storageStops: 1,
      writeAnswersLost: faults.lost.writes,
      people: everyone.length,
      commandsSent: tally.sent,
      accepted: tally.accepted,
      refusedByRules: tally.refused,
      answered503: tally.unavailable,
      retried: tally.retried,
      slowestAnswerMs: tally.slowestMs,
      dataLost: mismatched.length,
    });
    expect(tally.sent).toBe(tally.accepted + tally.refused);
    expect(tally.unavailable).toBeGreaterThan(0);
  }, 60_000);
});
