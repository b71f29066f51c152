// The bot's private in-meeting notices: who is told, when, how often, and that the Teams ids it
// needs stay sealed in the live state and die with the session.
import { describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { type PublicCommand, type Role, teamsMeetingId } from '@roundtable/core';
import { AesContactSealer } from '../../api/src/adapters/contact-sealer.js';
import { HmacPseudonymiser } from '../../api/src/adapters/hmac-pseudonymiser.js';
import { LiveTickets } from '../../api/src/adapters/local/live-tickets.js';
import { MemoryMeetingStore } from '../../api/src/adapters/memory/memory-meeting-store.js';
import { MemorySummaryStore } from '../../api/src/adapters/memory/memory-summary-store.js';
import { SseHub } from '../../api/src/adapters/local/sse-hub.js';
import { MeetingEnder } from '../../api/src/application/end-meeting.js';
import type { Delivery } from '../../api/src/application/ending-ports.js';
import { MeetingService } from '../../api/src/application/meeting-service.js';
import type {
  Caller,
  InMeetingNotice,
  InMeetingNotifier,
  NoticeTarget,
  RoleDirectory,
} from '../../api/src/application/ports.js';
import { RateLimiter } from '../../api/src/application/rate-limiter.js';
import { SECRET } from './support.js';

const meetingId = teamsMeetingId('19:meeting_notices@thread.v2');
const channelMeetingId = teamsMeetingId('19:team-channel@thread.tacv2', '1700000000000');

interface Told {
  readonly meetingId: string;
  readonly notice: InMeetingNotice;
  readonly recipients: readonly string[];
}

class RecordingNotifier implements InMeetingNotifier {
  readonly told: Told[] = [];
  notify(target: NoticeTarget, notice: InMeetingNotice, recipients: readonly string[]) {
    this.told.push({ meetingId: target.meetingId, notice, recipients: [...recipients] });
    return Promise.resolve();
  }
}

/** Teams' pairwise id for a person, as the participant API answers it ("29:…"). */
const teamsIdOf = (caller: Caller) => `29:pairwise-${caller.displayName}-1I12M`;

/** Roles from the simulated token, and Teams' pairwise ids, as the Bot Framework would answer. */
const roles: RoleDirectory = {
  membership: (_meetingId, caller) =>
    Promise.resolve(
      caller.localRole === undefined
        ? null
        : { role: caller.localRole, inMeeting: true, teamsUserId: teamsIdOf(caller) },
    ),
};

const person = (name: string, localRole: Role = 'attendee'): Caller => ({
  tenantId: 'tenant-1',
  // Shaped like an Entra object id, so a leak would be recognisable in the stored state.
  userId: `oid-${name}-7f3e9c2a`,
  displayName: name,
  localRole,
});

function setUp(withNotices: boolean, meeting = meetingId) {
  const store = new MemoryMeetingStore();
  const notifier = new RecordingNotifier();
  const contacts = new AesContactSealer(SECRET);
  const clock = { now: Date.UTC(2026, 10, 21, 10, 0, 0) };
  const service = new MeetingService({
    store,
    roles,
    broadcaster: new SseHub(new LiveTickets(SECRET), () => clock.now),
    endQueue: null,
    pseudonyms: new HmacPseudonymiser(SECRET),
    clock: () => clock.now,
    random: () => 0.5,
    settings: {},
    rateLimiter: new RateLimiter({ capacity: 1_000, windowMs: 1_000 }),
    ...(withNotices ? { notices: { notifier, contacts } } : {}),
  });
  const run = async (caller: Caller, command: PublicCommand) => {
    const result = await service.execute(meeting, caller, { id: randomUUID(), ...command });
    expect(result.refusal).toBeNull();
    return result.view;
  };
  // The answer waits for the notices, so nothing needs to settle; kept as a guard against that.
  const settle = () => new Promise((resolve) => setImmediate(resolve));
  return { store, notifier, service, run, settle, clock };
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
    expect(view.current?.displayName).toBe('Ana');
    expect(notifier.told).toEqual([{ meetingId, notice: 'next', recipients: [teamsIdOf(ben)] }]);

    // Cy joins behind Ben: Ben is still next, nobody new is told.
    await run(cy, { type: 'join', kind: 'point' });
    await settle();
    expect(notifier.told).toHaveLength(1);

    // Ben speaks; Cy becomes next.
    await run(olu, { type: 'next', currentTurnId: view.current?.turnId ?? null });
    await settle();
    expect(notifier.told.at(-1)).toEqual({
      meetingId,
      notice: 'next',
      recipients: [teamsIdOf(cy)],
    });
  });

  it('tells an invited person privately', async () => {
    const { notifier, run, settle, service } = setUp(true);
    await run(olu, { type: 'unlock' });
    await service.view(meetingId, ana);
    const host = await run(olu, { type: 'join', kind: 'point' });
    const anaId = host.people?.find((p) => p.displayName === 'Ana')?.participantId ?? '';
    await run(olu, { type: 'invite', participantId: anaId });
    await settle();
    expect(notifier.told).toContainEqual({
      meetingId,
      notice: 'invited',
      recipients: [teamsIdOf(ana)],
    });
  });

  it('tells a person at most once a minute, however often the queue moves in front of them', async () => {
    const { notifier, run, clock } = setUp(true);
    await run(ana, { type: 'join', kind: 'point' });
    await run(ben, { type: 'join', kind: 'point' });
    await run(olu, { type: 'next', currentTurnId: null });
    expect(notifier.told).toHaveLength(1);
    // Someone raises a point of order in front of Ben and withdraws it, again and again.
    for (let round = 0; round < 30; round++) {
      await run(cy, { type: 'join', kind: 'order' });
      await run(cy, { type: 'leave', kind: 'order' });
      clock.now += 1_000;
    }
    const toBen = notifier.told.filter((told) => told.recipients.includes(teamsIdOf(ben)));
    expect(toBen).toHaveLength(1);
    clock.now += 60_000;
    await run(cy, { type: 'join', kind: 'order' });
    await run(cy, { type: 'leave', kind: 'order' });
    expect(notifier.told.filter((told) => told.recipients.includes(teamsIdOf(ben)))).toHaveLength(
      2,
    );
  });

  it('sends nothing in a channel meeting, where Teams offers no targeted notices', async () => {
    const { notifier, run } = setUp(true, channelMeetingId);
    await run(ana, { type: 'join', kind: 'point' });
    await run(ben, { type: 'join', kind: 'point' });
    await run(olu, { type: 'next', currentTurnId: null });
    expect(notifier.told).toEqual([]);
  });

  it('keeps Teams ids sealed in the stored state, and nothing of them after the session ends', async () => {
    const { store, run, service, clock } = setUp(true);
    await run(ana, { type: 'join', kind: 'point' });
    await run(olu, { type: 'next', currentTurnId: null });
    const key = service.meetingKey(meetingId);
    const live = JSON.stringify(await store.load(key));
    for (const caller of [olu, ana]) {
      expect(live).not.toContain(caller.userId);
      expect(live).not.toContain(teamsIdOf(caller));
    }
    expect(live).toContain('"contact":"c2.');
    await run(olu, { type: 'endSession', session: 1 });

    const delivered: unknown[] = [];
    const delivery: Delivery = {
      deliverSummary: (notice) => Promise.resolve(void delivered.push(notice)),
    };
    const ender = new MeetingEnder({
      store,
      committer: service.committer,
      summaries: new MemorySummaryStore(),
      delivery,
      clock: () => clock.now,
      settings: {},
      summaryRetentionDays: 400,
      pseudonyms: new HmacPseudonymiser(SECRET),
      summaryUrl: 'https://tab.example/summary.html',
    });
    const after = JSON.stringify(await store.load(key));
    expect(after).not.toContain('"contact"');
    await expect(
      ender.run({ meetingKey: key, meetingId, reason: 'host', session: 1 }),
    ).resolves.toBe('ended');
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
