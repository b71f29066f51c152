// Teams' roster as the bot receives it: participant join and leave events (documented payloads,
// fixtures.ts) make the session count the meeting, not just the panels.
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import type { PublicCommand } from '@roundtable/core';
import { startFakeBotConnector, type FakeBotConnector } from './fake-bot-connector.js';
import { startFakeBotFramework, type FakeBotFramework } from './fake-bot-framework.js';
import { meetingEvent, participantEvent, person, SCHEDULED_MEETING } from './fixtures.js';
import { callerOf, teamsApi } from './support.js';

const olu = person(1, 'Olu', 'Organizer');
const attendees = ['Ana', 'Ben', 'Cy', 'Dee', 'Eli', 'Fay', 'Gus'].map((name, i) =>
  person(10 + i, name, 'Attendee'),
);
const [ana, ben, cy, dee, eli] = attendees as [
  (typeof attendees)[0],
  (typeof attendees)[0],
  (typeof attendees)[0],
  (typeof attendees)[0],
  (typeof attendees)[0],
];

let fake: FakeBotConnector;
let botFramework: FakeBotFramework;
beforeAll(async () => {
  fake = await startFakeBotConnector();
  botFramework = await startFakeBotFramework();
});
afterAll(async () => {
  botFramework.close();
  await fake.close();
});
afterEach(() => {
  expect(fake.violations).toEqual([]);
  fake.sent.length = 0;
  fake.meetings.clear();
});

async function meetingOfEight() {
  fake.meetings.set(SCHEDULED_MEETING, { organizer: olu, people: [olu, ...attendees] });
  const teams = await teamsApi(botFramework);
  const { api } = teams;
  const at = () => new Date(api.clock.now).toISOString();
  const common = () => ({ serviceUrl: fake.serviceUrl, meetingId: SCHEDULED_MEETING, at: at() });
  const view = async (who: typeof olu) =>
    (await api.services.meetings.view(SCHEDULED_MEETING, callerOf(who))).view;
  const act = async (who: typeof olu, command: PublicCommand) => {
    const result = await api.services.meetings.execute(SCHEDULED_MEETING, callerOf(who), {
      ...command,
      id: randomUUID(),
    });
    expect(result.refusal).toBeNull();
    return result.view;
  };
  expect((await teams.deliver(meetingEvent('Start', common()))).status).toBe(202);
  const joined = await teams.deliver(
    participantEvent('Join', { ...common(), people: [olu, ...attendees] }),
  );
  expect(joined.status).toBe(202);
  return { ...teams, common, view, act };
}

describe("Teams' participant events", () => {
  it('count 3 of 8 when 8 attended, 4 opened Roundtable and 3 spoke', async () => {
    const meeting = await meetingOfEight();
    for (const who of [olu, ana, ben, cy]) await meeting.view(who);
    for (const speaker of [ana, ben, olu]) {
      await meeting.act(speaker, { type: 'join', kind: 'point' });
      const current = (await meeting.view(olu)).current?.turnId ?? null;
      await meeting.act(olu, { type: 'next', currentTurnId: current });
      meeting.api.clock.now += 60_000;
    }
    await meeting.deliver(meetingEvent('End', meeting.common()));
    await meeting.runJobs();
    const { summary } = await meeting.api.services.summaries.summary(
      SCHEDULED_MEETING,
      callerOf(olu),
    );
    expect(summary).toMatchObject({
      participants: 8,
      openedRoundtable: 4,
      speakers: 3,
      counted: 'meeting',
    });
    const card = fake.sent.find((sent) => sent.kind === 'activity');
    expect(JSON.stringify(card?.body)).toContain('3 of 8 people in the meeting');
    meeting.api.close();
  });

  it('show the host everyone not heard yet, and carry an invitation to someone who never opened Roundtable', async () => {
    const meeting = await meetingOfEight();
    const host = await meeting.view(olu);
    expect(host.roster).toBe(true);
    const notHeard = new Map(host.notYetHeard?.map((p) => [p.displayName, p]));
    expect([...notHeard.keys()]).toEqual(['Olu', 'Ana', 'Ben', 'Cy', 'Dee', 'Eli', 'Fay', 'Gus']);
    expect(notHeard.get('Dee')?.openedRoundtable).toBe(false);
    await meeting.act(olu, {
      type: 'invite',
      participantId: notHeard.get('Dee')?.participantId ?? '',
    });
    const notices = fake.sent.filter((sent) => sent.kind === 'notification');
    expect(notices).toHaveLength(1);
    expect(JSON.stringify(notices[0]?.body)).toContain(dee.teamsId);
    meeting.api.close();
  });

  it('take a person who left out of the round and the not-heard list; closing the panel takes no one out', async () => {
    const meeting = await meetingOfEight();
    await meeting.view(eli);
    await meeting.deliver(participantEvent('Leave', { ...meeting.common(), people: [ben] }));
    await meeting.act(olu, { type: 'setMode', mode: 'round' });
    const host = await meeting.view(olu);
    const queued = host.queue.map((entry) => entry.displayName).sort();
    expect(queued).toEqual(['Ana', 'Cy', 'Dee', 'Eli', 'Fay', 'Gus', 'Olu']);
    expect(host.notYetHeard?.map((p) => p.displayName)).not.toContain('Ben');
    meeting.api.close();
  });

  it('are refused without the Bot Framework’s token, and ignored when no session is live', async () => {
    const meeting = await meetingOfEight();
    const forged = await meeting.api.call('messages-post', {
      body: participantEvent('Join', { ...meeting.common(), people: [olu] }),
      headers: { authorization: 'Bearer forged' },
    });
    expect(forged.status).toBe(401);
    await meeting.deliver(meetingEvent('End', meeting.common()));
    await meeting.runJobs();
    const late = await meeting.deliver(
      participantEvent('Join', { ...meeting.common(), people: [ana] }),
    );
    expect(late.status).toBe(202);
    // A join after the end opens no session: the next view is of a fresh, empty one.
    expect((await meeting.view(olu)).session).toBe(2);
    const key = meeting.api.services.meetings.meetingKey(SCHEDULED_MEETING);
    expect((await meeting.api.store.load(key))?.state.phase).toBe('ended');
    meeting.api.close();
  });
});
