// The ending job hands the follow-up what Graph needs and no more: the organiser's transcript
// choice reaches the look, the look's measures reach the summary the organiser reads, and no
// store, row or message keeps a name, an attendee id or a line of the transcript.
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import type { InclusionSummary } from '@roundtable/core';
import { teamsMeetingId } from '@roundtable/core';
import { GraphClient } from '../../api/src/adapters/teams/graph/graph-client.js';
import { GraphMeetingArtefacts } from '../../api/src/adapters/teams/graph/graph-artefacts.js';
import { MeetingEnder } from '../../api/src/application/end-meeting.js';
import { HmacPseudonymiser } from '../../api/src/adapters/hmac-pseudonymiser.js';
import type { MeasuresJob } from '../../api/src/application/measures-ports.js';
import { MeasuresFollowUp } from '../../api/src/application/take-measures.js';
import { command, SECRET, testApi, type TestApi } from '../api/support.js';
import { CLIENT_ID, CLIENT_SECRET, startFakeGraph, type FakeGraph } from './fake-graph.js';
import { GRAPH_MEETING_ID, GRAPH_TENANT, ORGANISER_OID } from './fake-graph-fixtures.js';

const meetingId = teamsMeetingId('19:meeting_graphending@thread.v2');
const params = { meetingId };
let api: TestApi;
let graph: FakeGraph;

beforeEach(async () => {
  api = await testApi();
});
afterEach(async () => {
  api.close();
  expect(graph.violations).toEqual([]);
  await graph.close();
});

const iso = (ms: number) => new Date(ms).toISOString();

describe('the ending job and the looks that follow it', () => {
  it('carries the transcript choice, folds the measures into the summary, and keeps nothing raw', async () => {
    const [olu, ana, ben] = await Promise.all([
      api.tokenFor('Olu', 'organizer'),
      api.tokenFor('Ana', 'attendee'),
      api.tokenFor('Ben', 'attendee'),
    ]);
    const send = (token: string, body: Parameters<typeof command>[0]) =>
      api.call('commands-post', { params, token, body: command(body) });
    const start = api.clock.now;
    await send(olu, { type: 'setOption', option: 'transcript', enabled: true });
    await send(ana, { type: 'join', kind: 'point' });
    await api.call('meetings-get', { params, token: ben });
    api.clock.now += 20 * 60_000;
    expect((await send(olu, { type: 'endSession', session: 1 })).status).toBe(200);

    const person = (id: string, name: string, unmute: number, mute: number) => ({
      id,
      name,
      email: `${name.toLowerCase()}@contoso.example`,
      role: 'Attendee' as const,
      joined: iso(start),
      left: iso(api.clock.now),
      engagements: [
        ['microphone', 'unmute', iso(start + unmute * 60_000)],
        ['microphone', 'mute', iso(start + mute * 60_000)],
      ] as const,
    });
    graph = await startFakeGraph({
      reports: [
        {
          id: 'c9b6db1c-0000-4000-8000-00000000b001',
          start: iso(start),
          end: iso(api.clock.now),
          attendees: [
            person('aaaaaaaa-0000-4000-8000-0000000000a1', 'Olu', 1, 3),
            person('aaaaaaaa-0000-4000-8000-0000000000a2', 'Ana', 4, 10),
            person('aaaaaaaa-0000-4000-8000-0000000000a3', 'Ben', 12, 13),
          ],
        },
      ],
      transcripts: [
        {
          id: 'MSMjMCMjZW5kaW5nLXRlc3Q',
          created: iso(start + 30_000),
          ended: iso(api.clock.now),
          vtt: 'WEBVTT\n\n00:00:01.000 --> 00:00:31.000\n<v Ana Example>A point about the rota.</v>\n',
        },
      ],
    });
    const looks: MeasuresJob[] = [];
    const measures = new MeasuresFollowUp({
      store: api.store,
      summaries: api.summaries,
      queue: {
        enqueue: (job) => {
          looks.push(JSON.parse(JSON.stringify(job)) as MeasuresJob);
          return Promise.resolve();
        },
      },
      artefacts: new GraphMeetingArtefacts(
        new GraphClient({
          graphHost: graph.graphHost,
          loginHost: graph.loginHost,
          clientId: CLIENT_ID,
          clientSecret: CLIENT_SECRET,
        }),
      ),
      meetings: {
        graphMeetingOf: (id) =>
          Promise.resolve(
            id === meetingId
              ? {
                  tenantId: GRAPH_TENANT,
                  organiserId: ORGANISER_OID,
                  graphMeetingId: GRAPH_MEETING_ID,
                }
              : null,
          ),
      },
      settings: {},
    });
    const ender = new MeetingEnder({
      store: api.store,
      committer: api.services.meetings.committer,
      summaries: api.summaries,
      delivery: api.outbox,
      clock: () => api.clock.now,
      settings: {},
      summaryRetentionDays: 400,
      pseudonyms: new HmacPseudonymiser(SECRET),
      summaryUrl: 'http://127.0.0.1:53000/dev.html',
      measures,
    });
    const job = api.endQueue.jobs.at(-1);
    if (job === undefined) throw new Error('No ending job was queued.');
    expect(await ender.run(job)).toBe('ended');
    expect(looks).toEqual([
      expect.objectContaining({
        session: 1,
        transcript: true,
        from: start,
        to: api.clock.now,
        attempt: 1,
        settled: [],
      }),
    ]);
    for (const look of looks.splice(0)) await measures.run(look);

    const answer = await api.call('summary-get', { params, token: olu });
    const summary = (answer.json as { summary: InclusionSummary }).summary;
    expect(summary.floorGaps).toEqual([]);
    expect(summary.floor).toEqual([
      expect.objectContaining({ source: 'transcript', attendees: 1, totalS: 30 }),
      expect.objectContaining({
        source: 'microphone',
        attendees: 3,
        distributionS: [360, 120, 60],
      }),
    ]);

    // The privacy scan for this path: every store and the look's message.
    const meetingKey = api.services.meetings.meetingKey(meetingId);
    const kept = JSON.stringify([
      await api.store.load(meetingKey),
      await api.store.records(meetingKey, 1),
      await api.summaries.list(meetingKey),
      await api.outbox.list(meetingKey),
      looks,
    ]);
    const raw = [
      'Olu',
      'Ana',
      'Ben',
      'aaaaaaaa-0000',
      'contoso',
      'rota',
      'WEBVTT',
      '<v',
      meetingId,
    ];
    expect(raw.filter((text) => kept.includes(text))).toEqual([]);
  });
});
