// Where Graph keeps a Teams meeting, from the Bot Connector's meeting details (fake-bot-connector
// serves meeting-apps-apis.md's shape): `msGraphResourceId` under the organiser's `aadObjectId`
// (fetch-id.md), and the Graph client's own refusals: a rejected token is refreshed once, a
// refusal carries Graph's code and never the body.
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { GraphClient, GraphError } from '../../api/src/adapters/teams/graph/graph-client.js';
import { gapFor } from '../../api/src/adapters/teams/graph/graph-artefacts.js';
import { TeamsGraphMeetings } from '../../api/src/adapters/teams/graph/graph-meetings.js';
import { graphFollowUpParts } from '../../api/src/adapters/teams/graph/graph-wiring.js';
import { readConfig } from '../../api/src/config.js';
import { startFakeBotConnector, type FakeBotConnector } from './fake-bot-connector.js';
import { CLIENT_ID, CLIENT_SECRET, startFakeGraph } from './fake-graph.js';
import { GRAPH_MEETING_ID, GRAPH_TENANT, ORGANISER_OID } from './fake-graph-fixtures.js';
import { meetingDetailsAnswer, person, SCHEDULED_MEETING, TENANT_ID } from './fixtures.js';
import { connectorFor } from './support.js';

let fake: FakeBotConnector;
const olu = person(1, 'Olu', 'Organizer');

beforeAll(async () => {
  fake = await startFakeBotConnector();
});
afterAll(() => fake.close());
afterEach(() => {
  expect(fake.violations).toEqual([]);
  fake.meetings.clear();
});

describe('the Graph meeting of a Teams meeting', () => {
  it('is the details’ msGraphResourceId under the organiser’s Entra object id', async () => {
    fake.meetings.set(SCHEDULED_MEETING, { organizer: olu, people: [olu] });
    const meetings = new TeamsGraphMeetings(connectorFor(fake).connector);
    expect(await meetings.graphMeetingOf(SCHEDULED_MEETING, TENANT_ID)).toEqual({
      tenantId: TENANT_ID,
      organiserId: olu.aadObjectId,
      graphMeetingId: meetingDetailsAnswer(SCHEDULED_MEETING, olu).details.msGraphResourceId,
    });
    expect(fake.sent.map((s) => s.kind)).toEqual(['details']);
  });

  it('is unknown (no looks) when Teams will not give the details', async () => {
    fake.meetings.set(SCHEDULED_MEETING, { organizer: olu, people: [olu], expired: true });
    const meetings = new TeamsGraphMeetings(connectorFor(fake).connector);
    expect(await meetings.graphMeetingOf(SCHEDULED_MEETING, TENANT_ID)).toBeNull();
  });
});

describe('the Graph client', () => {
  const path = `/users/${ORGANISER_OID}/onlineMeetings/${GRAPH_MEETING_ID}/attendanceReports`;

  it('takes one fresh token after a 401 and gives a refusal Graph’s code, not its message', async () => {
    const graph = await startFakeGraph({ permitted: false });
    try {
      let tokens = 0;
      const client = new GraphClient({
        graphHost: graph.graphHost,
        loginHost: graph.loginHost,
        clientId: CLIENT_ID,
        clientSecret: CLIENT_SECRET,
        // The first token Entra issues is then "revoked": the fake no longer knows it.
        fetch: async (input, init) => {
          const answer = await fetch(input, init);
          const url =
            input instanceof Request ? input.url : input instanceof URL ? input.href : input;
          if (url.includes('/oauth2/') && tokens++ === 0) {
            const body = (await answer.json()) as Record<string, unknown>;
            return Response.json({ ...body, access_token: 'revoked-token' });
          }
          return answer;
        },
      });
      const failure = await client.json(GRAPH_TENANT, path).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(GraphError);
      expect(failure).toMatchObject({ status: 403, code: 'General' });
      expect((failure as Error).message).not.toContain('policy');
      expect(graph.tokenRequests).toHaveLength(2);
      expect(graph.violations).toEqual([]);
    } finally {
      await graph.close();
    }
  });

  it('without a token, asks Graph nothing and leaves the look to try again', async () => {
    const graph = await startFakeGraph();
    try {
      const client = new GraphClient({
        graphHost: graph.graphHost,
        loginHost: graph.loginHost,
        clientId: CLIENT_ID,
        clientSecret: 'a rotated-away secret',
      });
      const failure = await client.json(GRAPH_TENANT, path).catch((error: unknown) => error);
      expect(failure).toMatchObject({ status: null, code: 'no-token' });
      expect(gapFor(failure as GraphError)).toBe('not-ready');
      expect(graph.requests).toEqual([]);
    } finally {
      await graph.close();
    }
  });

  it('gives up after three tries while Graph stays busy', async () => {
    const graph = await startFakeGraph({ throttleNext: 5 });
    try {
      const waits: number[] = [];
      const client = new GraphClient({
        graphHost: graph.graphHost,
        loginHost: graph.loginHost,
        clientId: CLIENT_ID,
        clientSecret: CLIENT_SECRET,
        sleep: (ms) => {
          waits.push(ms);
          return Promise.resolve();
        },
      });
      await expect(client.json(GRAPH_TENANT, path)).rejects.toMatchObject({ status: 429 });
      expect(waits).toEqual([1000, 1000]);
      expect(graph.requests).toHaveLength(3);
    } finally {
      await graph.close();
    }
  });
});

describe('whether a deployment reads Graph at all', () => {
  const azure = {
    ROUNDTABLE_SECRET: 's'.repeat(40),
    ROUNDTABLE_TABLE_ENDPOINT: 'https://account.table.core.windows.net',
    ROUNDTABLE_QUEUE_ENDPOINT: 'https://account.queue.core.windows.net',
    ENTRA_APP_ID_URI: 'api://tab.example/botid-bot',
    ENTRA_ALLOWED_TENANTS: 'tenant-a',
    BOT_APP_ID: 'bot',
    BOT_APP_SECRET: 'secret',
    BOT_TENANT_ID: 'tenant-a',
    WEBPUBSUB_ENDPOINT: 'https://pubsub.example',
    ROUNDTABLE_TAB_ORIGIN: 'https://tab.example',
  };
  const parts = (env: Record<string, string>) => {
    const config = readConfig({ ...azure, ...env });
    if (config.mode !== 'azure') throw new Error('Expected Azure mode.');
    const credential = { getToken: () => Promise.resolve(null) };
    return graphFollowUpParts(config, connectorFor(fake).connector, credential);
  };

  it('reads it by default in the public cloud, never when turned off or in GCC', () => {
    expect(parts({})).not.toBeNull();
    expect(parts({ ROUNDTABLE_TEAMS_ARTEFACTS: 'off' })).toBeNull();
    expect(parts({ TEAMS_CLOUD: 'gcc' })).toBeNull();
    expect(() => parts({ ROUNDTABLE_TEAMS_ARTEFACTS: 'no' })).toThrow(/ROUNDTABLE_TEAMS_ARTEFACTS/);
  });
});
