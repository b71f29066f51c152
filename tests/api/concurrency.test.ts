// Many people at once, across two API instances sharing one store: the result equals the
// sequential replay of what was committed, retries never apply twice, bursts coalesce.
import { describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { type CommandBody, type PublicCommand, decide, evolveAll } from '@roundtable/core';
import { HmacPseudonymiser } from '../../api/src/adapters/hmac-pseudonymiser.js';
import { LiveTickets } from '../../api/src/adapters/local/live-tickets.js';
import { LocalRoleDirectory } from '../../api/src/adapters/local/local-role-directory.js';
import { MemoryMeetingStore } from '../../api/src/adapters/memory/memory-meeting-store.js';
import { SseHub } from '../../api/src/adapters/local/sse-hub.js';
import { MeetingService } from '../../api/src/application/meeting-service.js';
import type { Caller, MeetingCommit } from '../../api/src/application/ports.js';
import { RateLimiter } from '../../api/src/application/rate-limiter.js';
import { SECRET } from './support.js';

const meetingId = 'concurrency-meeting';
const NOW = Date.UTC(2026, 10, 21, 10, 0, 0);

class LoggingStore extends MemoryMeetingStore {
  readonly commits: MeetingCommit[] = [];
  override async commit(commit: MeetingCommit) {
    const stored = await super.commit(commit);
    this.commits.push(structuredClone(commit));
    return stored;
  }
}

function instance(
  store: MemoryMeetingStore,
  clock: () => number = () => NOW,
  maxBatch?: number,
): MeetingService {
  return new MeetingService({
    ...(maxBatch === undefined ? {} : { maxBatch }),
    store,
    roles: new LocalRoleDirectory(),
    broadcaster: new SseHub(new LiveTickets(SECRET), () => NOW),
    endQueue: null,
    pseudonyms: new HmacPseudonymiser(SECRET),
    clock,
    random: Math.random,
    settings: {},
    rateLimiter: new RateLimiter({ capacity: 10_000, windowMs: 1000 }),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms / 10)),
  });
}

const person = (i: number): Caller => ({
  tenantId: 'tenant',
  userId: `user-${i}`,
  displayName: `Person ${i}`,
  localRole: i === 0 ? 'organizer' : 'attendee',
});

function randomCommands(count: number): PublicCommand[] {
  const kinds = ['point', 'reply', 'clarify', 'order'] as const;
  return Array.from({ length: count }, (): PublicCommand => {
    const kind = kinds[Math.floor(Math.random() * kinds.length)] ?? 'point';
    return Math.random() < 0.6 ? { type: 'join', kind } : { type: 'leave', kind };
  });
}

describe('concurrent commands to one meeting', () => {
  it('end in the state that replaying the committed commands in order produces', async () => {
    const store = new LoggingStore();
    const instances = [instance(store), instance(store)] as const;
    const people = Array.from({ length: 30 }, (_, i) => person(i));
    // The session opens as Teams' meeting start opens it; then everyone arrives in it.
    await instances[0].openSession(meetingId);
    for (const caller of people) await instances[0].view(meetingId, caller);
    const loaded = await store.load(instances[0].meetingKey(meetingId));
    if (!loaded) throw new Error('The meeting was not created.');
    const before = loaded.state;
    const sent = new Map<string, { caller: Caller; body: CommandBody }>();
    const work = people.flatMap((caller, i) =>
      randomCommands(6).map(async (command) => {
        const body = { ...command, id: randomUUID() } as CommandBody;
        sent.set(body.id, { caller, body });
        const service = instances[i % 2 === 0 ? 0 : 1];
        // Every command is sent twice at once, as a client retrying on a timeout would.
        await Promise.all([
          service.execute(meetingId, caller, body),
          service.execute(meetingId, caller, body),
        ]);
      }),
    );
    await Promise.all(work);
    const key = instances[0].meetingKey(meetingId);
    const final = await store.load(key);
    const salt = final?.salt ?? '';
    const pseudonyms = new HmacPseudonymiser(SECRET);
    let replayed = before;
    let replayedCount = 0;
    for (const commit of store.commits.filter((c) => c.commands.length > 0)) {
      for (const row of commit.commands) {
        const original = sent.get(row.commandId);
        if (!original) throw new Error('A stored command id was never sent.');
        const { id, ...command } = original.body;
        expect(id).toBe(row.commandId);
        const participantId = pseudonyms.participantId(salt, original.caller);
        const decision = decide(command, replayed, {
          now: NOW,
          actor: { kind: 'participant', participantId },
          random: Math.random,
        });
        expect(decision.ok).toBe(row.outcome.ok);
        if (decision.ok) replayed = evolveAll(replayed, decision.events);
        replayedCount += 1;
      }
    }
    expect(replayedCount).toBe(sent.size);
    expect(replayed).toEqual(final?.state);
  });

  it('coalesces a burst of 300 joins into a few commits with nothing lost or doubled', async () => {
    const store = new MemoryMeetingStore();
    const service = instance(store);
    const people = Array.from({ length: 300 }, (_, i) => person(i));
    await Promise.all(
      people.map((caller) =>
        service.execute(meetingId, caller, { id: randomUUID(), type: 'join', kind: 'point' }),
      ),
    );
    const final = await store.load(service.meetingKey(meetingId));
    expect(final?.state.queue).toHaveLength(300);
    expect(new Set(final?.state.queue.map((entry) => entry.participantId)).size).toBe(300);
    // Arrivals and joins of 300 people: far fewer commits than 600 commands.
    expect(service.committer.stats.commits).toBeLessThan(40);
    expect(service.committer.stats.conflicts).toBe(0);
    // One shared read and create of the meeting, then the batched commits: not one read per person.
    expect(store.operations).toBeLessThan(20);
  });

  it('commits one command per transaction with coalescing switched off, and stays correct', async () => {
    const store = new MemoryMeetingStore();
    const service = instance(store, () => NOW, 1);
    const people = Array.from({ length: 40 }, (_, i) => person(i));
    await Promise.all(
      people.map((caller) =>
        service.execute(meetingId, caller, { id: randomUUID(), type: 'join', kind: 'point' }),
      ),
    );
    const final = await store.load(service.meetingKey(meetingId));
    expect(final?.state.queue).toHaveLength(40);
    // Every join is its own commit (arrivals may ride along with the first command of a person).
    expect(service.committer.stats.commits).toBeGreaterThanOrEqual(40);
  });

  it('stays correct when two instances compete for the same meeting', async () => {
    const store = new MemoryMeetingStore();
    const instances = [instance(store), instance(store)] as const;
    const people = Array.from({ length: 120 }, (_, i) => person(i));
    await Promise.all(
      people.map((caller, i) =>
        instances[i % 2 === 0 ? 0 : 1].execute(meetingId, caller, {
          id: randomUUID(),
          type: 'join',
          kind: 'reply',
        }),
      ),
    );
    const final = await store.load(instances[0].meetingKey(meetingId));
    expect(final?.state.queue).toHaveLength(120);
  });

  it('shows a write made on another instance to readers there within a second', async () => {
    const store = new MemoryMeetingStore();
    let now = NOW;
    const [writer, reader] = [instance(store, () => now), instance(store, () => now)] as const;
    const ana = person(1);
    await reader.view(meetingId, ana);
    await writer.execute(meetingId, ana, { id: randomUUID(), type: 'join', kind: 'point' });
    now += 1_001;
    expect((await reader.view(meetingId, ana)).view.queue).toHaveLength(1);
  });
});
