// The bot's private in-meeting notices: who is told, when, and that the object ids it needs stay
// sealed in the live state and die with the meeting.
import { describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import type { PublicCommand, Role } from '@roundtable/core';
import { AesContactSealer } from '../../api/src/adapters/contact-sealer.js';
import { HmacPseudonymiser } from '../../api/src/adapters/hmac-pseudonymiser.js';
import { LiveTickets } from '../../api/src/adapters/live-tickets.js';
import { LocalRoleDirectory } from '../../api/src/adapters/local-role-directory.js';
import { MemoryMeetingStore } from '../../api/src/adapters/memory-meeting-store.js';
import { MemorySummaryStore } from '../../api/src/adapters/memory-summary-store.js';
import { SseHub } from '../../api/src/adapters/sse-hub.js';
import { MeetingEnder } from '../../api/src/application/end-meeting.js';
import type { Delivery } from '../../api/src/application/ending-ports.js';
import { MeetingService } from '../../api/src/application/meeting-service.js';
import type {
  Caller,
  InMeetingNotice,
  InMeetingNotifier,
} from '../../api/src/application/ports.js';
import { RateLimiter } from '../../api/src/application/rate-limiter.js';
import { SECRET } from './support.js';

const NOW = Date.UTC(2026, 10, 21, 10, 0, 0);
const meetingId = 'notices-meeting';

interface Told {
  readonly meetingId: string;
  readonly notice: InMeetingNotice;
  readonly objectIds: readonly string[];
}

class RecordingNotifier implements InMeetingNotifier {
  readonly told: Told[] = [];
  notify(meetingId: string, notice: InMeetingNotice, objectIds: readonly string[]) {
    this.told.push({ meetingId, notice, objectIds: [...objectIds] });
    return Promise.resolve();
  }
}

const person = (name: string, localRole: Role = 'attendee'): Caller => ({
  tenantId: 'tenant-1',
  // Shaped like an Entra object id, so a leak would be recognisable in the stored state.
  userId: `oid-${name}-7f3e9c2a`,
  displayName: name,
  localRole,
});

function setUp(withNotices: boolean) {
  const store = new MemoryMeetingStore();
  const notifier = new RecordingNotifier();
  const contacts = new AesContactSealer(SECRET);
  const service = new MeetingService({
    store,
    roles: new LocalRoleDirectory(),
    broadcaster: new SseHub(new LiveTickets(SECRET), () => NOW),
    endQueue: null,
    pseudonyms: new HmacPseudonymiser(SECRET),
    clock: () => NOW,
    random: () => 0.5,
    settings: {},
    rateLimiter: new RateLimiter({ capacity: 1_000, windowMs: 1_000 }),
    ...(withNotices ? { notices: { notifier, contacts } } : {}),
  });
  const run = async (caller: Caller, command: PublicCommand) => {
    const result = await service.execute(meetingId, caller, { id: randomUUID(), ...command });
    expect(result.refusal).toBeNull();
    return result.view;
  };
  // Notices are sent without waiting; let them land.
  const settle = () => new Promise((resolve) => setImmediate(resolve));
  return { store, notifier, service, run, settle };
}

const olu = person('Olu', 'organizer');
const ana = person('Ana');
const ben = person('Ben');
const cy = person('Cy');

describe('in-meeting notices', () => {
  it('tells the person who has just become next, and only when someone is speaking', async () => {
    const { notifier, run, settle } = setUp(true);
    await run(ana, { type: 'join', kind: 'point' });
    await run(ben, { type: 'join', kind: 'point' });
    await settle();
    // Nobody speaks yet: being first in the queue is not yet "next".
    expect(notifier.told).toEqual([]);

    const view = await run(olu, { type: 'next', currentTurnId: null });
    await settle();
    expect(view?.current?.displayName).toBe('Ana');
    expect(notifier.told).toEqual([{ meetingId, notice: 'next', objectIds: [ben.userId] }]);

    // Cy joins behind Ben: Ben is still next, nobody new is told.
    await run(cy, { type: 'join', kind: 'point' });
    await settle();
    expect(notifier.told).toHaveLength(1);

    // Ben speaks; Cy becomes next.
    await run(olu, { type: 'next', currentTurnId: view?.current?.turnId ?? null });
    await settle();
    expect(notifier.told.at(-1)).toEqual({ meetingId, notice: 'next', objectIds: [cy.userId] });
  });

  it('tells an invited person privately', async () => {
    const { notifier, run, settle, service } = setUp(true);
    await service.view(meetingId, ana);
    const host = await run(olu, { type: 'join', kind: 'point' });
    const anaId = host?.people?.find((p) => p.displayName === 'Ana')?.participantId ?? '';
    await run(olu, { type: 'invite', participantId: anaId });
    await settle();
    expect(notifier.told).toContainEqual({
      meetingId,
      notice: 'invited',
      objectIds: [ana.userId],
    });
  });

  it('keeps object ids sealed in the stored state, and nothing of them after the meeting ends', async () => {
    const { store, run, service } = setUp(true);
    await run(ana, { type: 'join', kind: 'point' });
    await run(olu, { type: 'next', currentTurnId: null });
    const key = service.meetingKey(meetingId);
    const live = JSON.stringify(await store.load(key));
    for (const caller of [olu, ana]) expect(live).not.toContain(caller.userId);
    expect(live).toContain('"contact":"c1.');

    const delivered: unknown[] = [];
    const delivery: Delivery = {
      deliverSummary: (notice) => Promise.resolve(void delivered.push(notice)),
    };
    const ender = new MeetingEnder({
      store,
      committer: service.committer,
      summaries: new MemorySummaryStore(),
      delivery,
      clock: () => NOW,
      settings: {},
      summaryRetentionDays: 400,
      pseudonyms: new HmacPseudonymiser(SECRET),
      summaryUrl: 'https://tab.example/summary.html',
    });
    await expect(ender.run({ meetingKey: key, meetingId, reason: 'host' })).resolves.toBe('ended');
    const after = JSON.stringify(await store.load(key));
    expect(after).not.toContain('"contact"');
    expect(delivered).toHaveLength(1);
  });

  it('stores no contact at all where no notifier is configured (local mode)', async () => {
    const { store, run, service, notifier } = setUp(false);
    await run(ana, { type: 'join', kind: 'point' });
    await run(ben, { type: 'join', kind: 'point' });
    await run(olu, { type: 'next', currentTurnId: null });
    expect(JSON.stringify(await store.load(service.meetingKey(meetingId)))).not.toContain(
      '"contact"',
    );
    expect(notifier.told).toEqual([]);
  });
});
