// What a command writes to Table Storage as the meeting grows (decision 011): the same commands
// (tests/support/meeting-growth.ts) through the real meeting service and table store on Azurite,
// counting the bytes of every request body sent, in a meeting of 20 and one of 1 000.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { HmacPseudonymiser } from '../../api/src/adapters/hmac-pseudonymiser.js';
import { LiveTickets } from '../../api/src/adapters/local/live-tickets.js';
import { LocalRoleDirectory } from '../../api/src/adapters/local/local-role-directory.js';
import { SseHub } from '../../api/src/adapters/local/sse-hub.js';
import { tableClientFromConnectionString } from '../../api/src/adapters/storage/table-clients.js';
import { TableMeetingStore } from '../../api/src/adapters/storage/table-meeting-store.js';
import { MeetingService } from '../../api/src/application/meeting-service.js';
import type { Caller } from '../../api/src/application/ports.js';
import { RateLimiter } from '../../api/src/application/rate-limiter.js';
import { startAzurite, type Azurite } from '../support/azurite.js';
import { growMeeting, playCycles, type GrowthDriver } from '../support/meeting-growth.js';

const SECRET = 'storage-growth-test-secret-of-enough-length';
/** Enough cycles for the largest meeting's log to fold more than once (64 log rows a fold). */
const CYCLES = 40;

describe('bytes a command writes as the meeting grows, on Azurite', () => {
  let azurite: Azurite;
  let tables = 0;

  beforeAll(async () => {
    azurite = await startAzurite();
  }, 30_000);
  afterAll(() => azurite.stop());

  /** Mean bytes sent to Table Storage per command of the growth cycles in a meeting of `people`. */
  async function bytesPerCommand(people: number, inlineStateBytes?: number): Promise<number> {
    const client = tableClientFromConnectionString(
      azurite.connectionString,
      `growthtest${++tables}`,
    );
    const sent = { bytes: 0 };
    client.pipeline.addPolicy(
      {
        name: 'countRequestBytes',
        sendRequest: (request, next) => {
          if (typeof request.body === 'string') sent.bytes += Buffer.byteLength(request.body);
          return next(request);
        },
      },
      { afterPhase: 'Retry' },
    );
    const store = new TableMeetingStore(
      client,
      inlineStateBytes === undefined ? {} : { inlineStateBytes },
    );
    await store.ensureTable();
    const clock = () => Date.now();
    const service = new MeetingService({
      store,
      roles: new LocalRoleDirectory(),
      broadcaster: new SseHub(new LiveTickets(SECRET), clock),
      endQueue: null,
      pseudonyms: new HmacPseudonymiser(SECRET),
      clock,
      random: Math.random,
      settings: {},
      // One process plays everyone at once: a limit this size never applies.
      rateLimiter: new RateLimiter({ capacity: 100_000, windowMs: 1_000 }),
    });
    const meetingId = `growth-${people}`;
    const person = (i: number): Caller => ({
      tenantId: 'growth',
      userId: `user-${i}`,
      displayName: `Person ${i}`,
      localRole: i === 0 ? 'organizer' : 'attendee',
    });
    const driver: GrowthDriver<Caller> = {
      arrive: async (caller) => {
        const opened =
          caller.localRole === 'organizer'
            ? await service.execute(meetingId, caller, { id: randomUUID(), type: 'unlock' })
            : await service.view(meetingId, caller);
        return opened.view.you.participantId;
      },
      send: async (caller, body) => {
        const answer = await service.execute(meetingId, caller, { ...body, id: randomUUID() });
        if (answer.refusal !== null) throw new Error(`${body.type}: ${answer.refusal.code}`);
        return answer.view;
      },
    };
    const everyone = Array.from({ length: people }, (_, i) => person(i + 1));
    const meeting = await growMeeting(driver, person(0), everyone, (items, work) =>
      Promise.all(items.map(work)),
    );
    const before = sent.bytes;
    const commands = await playCycles(driver, meeting, CYCLES);
    return (sent.bytes - before) / commands;
  }

  it('a command in a meeting of 1 000 writes at most 3× what one in a meeting of 20 writes', async () => {
    const small = await bytesPerCommand(20);
    const large = await bytesPerCommand(1_000);
    expect(large / small).toBeLessThanOrEqual(3);
  }, 120_000);

  it('writing the whole state with every commit, as before, breaks that bound', async () => {
    const small = await bytesPerCommand(20, Infinity);
    const large = await bytesPerCommand(1_000, Infinity);
    expect(large / small).toBeGreaterThan(3);
  }, 120_000);
});
