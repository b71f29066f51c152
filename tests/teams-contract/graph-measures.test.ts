// What Teams recorded, read from the fake Graph the way Azure reads the real one: the attendance
// report's microphone events and the transcript's cues become anonymous numbers in the stored
// summary, each missing measure a gap with its reason, and nothing raw is kept anywhere.
import { afterEach, describe, expect, it } from '@jest/globals';
import { summarize } from '@roundtable/core';
import { MemorySummaryStore } from '../../api/src/adapters/memory/memory-summary-store.js';
import { GraphClient } from '../../api/src/adapters/teams/graph/graph-client.js';
import { GraphMeetingArtefacts } from '../../api/src/adapters/teams/graph/graph-artefacts.js';
import type {
  GraphMeeting,
  MeasuresJob,
  MeasuresQueue,
} from '../../api/src/application/measures-ports.js';
import type { SessionClosing } from '../../api/src/application/ports.js';
import {
  MEASURE_LOOK_DELAYS_S,
  MeasuresFollowUp,
} from '../../api/src/application/take-measures.js';
import { CLIENT_ID, CLIENT_SECRET, startFakeGraph, type FakeGraph } from './fake-graph.js';
import {
  GRAPH_MEETING_ID,
  GRAPH_TENANT,
  ORGANISER_OID,
  type FakeAttendee,
  type FakeReport,
} from './fake-graph-fixtures.js';

const START = '2026-12-07T09:00:00Z';
const END = '2026-12-07T09:30:00Z';
const at = (minutes: number, seconds = 0) =>
  new Date(Date.parse(START) + minutes * 60_000 + seconds * 1000).toISOString();

const AMA: FakeAttendee = {
  id: 'aaaaaaaa-1111-4000-8000-000000000001',
  name: 'Ama Organiser',
  email: 'ama@contoso.example',
  role: 'Organizer',
  joined: at(0),
  left: at(30),
  // Open from joining until the first mute (2 min), then 3 min more.
  engagements: [
    ['microphone', 'mute', at(2)],
    ['hand', 'raiseHand', at(5)],
    ['microphone', 'unmute', at(10)],
    ['microphone', 'mute', at(13)],
  ],
};

// Three people; Noor never queued in Roundtable, only unmuted and talked for 4 minutes.
const ATTENDEES: FakeAttendee[] = [
  AMA,
  {
    id: 'bbbbbbbb-2222-4000-8000-000000000002',
    name: 'Noor Unqueued',
    email: 'noor@contoso.example',
    role: 'Attendee',
    joined: at(1),
    left: at(29),
    engagements: [
      ['microphone', 'unmute', at(20)],
      ['microphone', 'mute', at(24)],
      ['reaction', 'like', at(25)],
    ],
  },
  {
    id: 'cccccccc-3333-4000-8000-000000000003',
    name: 'Sam Silent',
    email: 'sam@contoso.example',
    role: 'Attendee',
    joined: at(0),
    left: at(30),
    engagements: [['camera', 'cameraOn', at(1)]],
  },
];

const REPORT: FakeReport = {
  id: 'c9b6db1c-0000-4000-8000-00000000a001',
  start: START,
  end: END,
  attendees: ATTENDEES,
};
// An earlier call of the same meeting (a recurring meeting keeps one Graph meeting).
const EARLIER: FakeReport = {
  id: 'c9b6db1c-0000-4000-8000-00000000a000',
  start: '2026-11-30T09:00:00Z',
  end: '2026-11-30T09:30:00Z',
  attendees: [
    {
      ...AMA,
      engagements: [['microphone', 'unmute', '2026-11-30T09:01:00Z']],
      joined: '2026-11-30T09:00:00Z',
      left: '2026-11-30T09:30:00Z',
    },
  ],
};

// Cues by hand: Ama 0:00–0:05.5 and 0:05.5–0:12 (one turn, 12 s), Noor 0:12–0:20 (8 s),
// Ama 0:20–0:23.25 (3.25 s, a second turn), Noor 0:23.25–1:00 (36.75 s), Sam 1:00–1:05.
// Ama 15.25 s, Noor 44.75 s, Sam 5 s.
const VTT = [
  'WEBVTT',
  '',
  '00:00:00.000 --> 00:00:05.500',
  '<v Ama Organiser>Welcome, everyone.</v>',
  '',
  '00:00:05.500 --> 00:00:12.000',
  '<v Ama Organiser>Let us begin with the numbers.</v>',
  '',
  '00:00:12.000 --> 00:00:20.000',
  '<v Noor Unqueued>I have a question about the budget line.</v>',
  '',
  '00:00:20.000 --> 00:00:23.250',
  '<v Ama Organiser>Go ahead.</v>',
  '',
  '00:00:23.250 --> 00:01:00.000',
  '<v Noor Unqueued>The travel figure looks twice last year&apos;s.</v>',
  '',
  '00:01:00.000 --> 00:01:05.000',
  '<v Sam Silent>Agreed.</v>',
  '',
].join('\n');

const MEETING: GraphMeeting = {
  tenantId: GRAPH_TENANT,
  organiserId: ORGANISER_OID,
  graphMeetingId: GRAPH_MEETING_ID,
};
const CLOSING: SessionClosing = {
  session: 4,
  openedAt: Date.parse(at(0, 30)),
  endedAt: Date.parse(at(29)),
  organisers: ['organiser-key'],
};
const END_JOB = {
  meetingKey: 'meeting-key-1',
  meetingId: '19:meeting_ZGVmYXVsd@thread.v2',
  reason: 'teams',
  session: 4,
  tenantId: GRAPH_TENANT,
} as const;

let graph: FakeGraph;

afterEach(async () => {
  expect(graph.violations).toEqual([]);
  await graph.close();
});

function world(overrides: Parameters<typeof startFakeGraph>[0] = {}) {
  return startFakeGraph({
    reports: [EARLIER, REPORT],
    transcripts: [
      { id: 'MSMjMCMjZmFrZS10cmFuc2NyaXB0', created: at(0, 10), ended: at(28), vtt: VTT },
    ],
    ...overrides,
  });
}

/** The follow-up wired as composition.ts wires it, against the fake Graph. */
async function followUp() {
  const summaries = new MemorySummaryStore();
  await summaries.put({
    meetingKey: END_JOB.meetingKey,
    session: 4,
    organisers: ['organiser-key'],
    summary: summarize([], { k: 3 }),
    storedAt: 0,
    expiresAt: Date.now() + 86_400_000,
  });
  const queued: { job: MeasuresJob; delay: number }[] = [];
  const queue: MeasuresQueue = {
    enqueue: (job, delay) => {
      queued.push({ job: JSON.parse(JSON.stringify(job)) as MeasuresJob, delay });
      return Promise.resolve();
    },
  };
  const client = new GraphClient({
    graphHost: graph.graphHost,
    loginHost: graph.loginHost,
    clientId: CLIENT_ID,
    clientSecret: CLIENT_SECRET,
    sleep: () => Promise.resolve(),
  });
  const measures = new MeasuresFollowUp({
    store: { closing: () => Promise.resolve(CLOSING) },
    summaries,
    queue,
    artefacts: new GraphMeetingArtefacts(client),
    meetings: { graphMeetingOf: () => Promise.resolve(MEETING) },
    settings: { k: 3 },
  });
  const stored = async () => {
    const kept = await summaries.get(END_JOB.meetingKey, 4);
    if (kept === null) throw new Error('The summary is gone.');
    return kept.summary;
  };
  /** Runs every queued look in order, as the queue would after each delay. */
  const runLooks = async () => {
    for (let next = queued.shift(); next !== undefined; next = queued.shift()) {
      await measures.run(next.job);
    }
  };
  return { measures, summaries, queued, stored, runLooks };
}

describe('measures of the floor from what Teams recorded', () => {
  it('a person who only unmuted and talked shows up under microphone open time', async () => {
    graph = await world();
    const { measures, queued, stored, runLooks } = await followUp();
    await measures.schedule(END_JOB, 4, false);
    expect(queued.map((q) => q.delay)).toEqual([MEASURE_LOOK_DELAYS_S[0]]);
    expect((await stored()).floorGaps).toEqual([{ source: 'microphone', gap: 'not-ready' }]);
    await runLooks();
    const summary = await stored();
    expect(summary.floorGaps).toEqual([]);
    expect(summary.floor).toEqual([
      expect.objectContaining({
        source: 'microphone',
        attendees: 3,
        speakers: 2,
        totalS: 540,
        // Ama 2 + 3 min, Noor 4 min (she never queued), Sam silent.
        distributionS: [300, 240],
      }),
    ]);
    // The session's report, not the earlier call's; the transcript was not wanted, so not read.
    const paths = graph.requests.map((r) => r.path);
    expect(paths).toContain(`/attendanceReports/${REPORT.id}?$expand=attendanceRecords`);
    expect(paths.some((p) => p.includes(EARLIER.id))).toBe(false);
    expect(paths.some((p) => p.startsWith('/transcripts'))).toBe(false);
  });

  it('a retried ending queues no second chain of looks', async () => {
    graph = await world();
    const { measures, queued } = await followUp();
    await measures.schedule(END_JOB, 4, true);
    await measures.schedule(END_JOB, 4, true);
    expect(queued).toHaveLength(1);
  });

  it('a transcript with known cues gives hand-computed speaking times', async () => {
    graph = await world();
    const { measures, stored, runLooks } = await followUp();
    await measures.schedule(END_JOB, 4, true);
    await runLooks();
    const transcript = (await stored()).floor.find((m) => m.source === 'transcript');
    expect(transcript).toMatchObject({
      attendees: 3,
      speakers: 3,
      totalS: 65,
      distributionS: [44.75, 15.25, 5],
    });
    const content = graph.requests.find((r) => r.path.includes('/content'));
    expect(content).toEqual({
      path: '/transcripts/MSMjMCMjZmFrZS10cmFuc2NyaXB0/content?$format=text/vtt',
      accept: 'text/vtt',
    });
  });

  it('follows the transcript list to its second page for the session’s transcript', async () => {
    // Eleven earlier sessions' transcripts first: the list pages by 10.
    const earlier = Array.from({ length: 11 }, (_, index) => ({
      id: `MSMjMCMjZWFybGllci0${index}`,
      created: `2026-11-${String(index + 10)}T09:00:10Z`,
      ended: `2026-11-${String(index + 10)}T09:28:00Z`,
      vtt: 'WEBVTT\n\n00:00:00.000 --> 00:09:00.000\n<v Someone Else>Long ago.</v>\n',
    }));
    graph = await world({
      transcripts: [
        ...earlier,
        { id: 'MSMjMCMjZmFrZS10cmFuc2NyaXB0', created: at(0, 10), ended: at(28), vtt: VTT },
      ],
    });
    const { measures, stored, runLooks } = await followUp();
    await measures.schedule(END_JOB, 4, true);
    await runLooks();
    expect((await stored()).floor.find((m) => m.source === 'transcript')?.totalS).toBe(65);
    const lists = graph.requests.filter(
      (r) => r.path.startsWith('/transcripts?') || r.path === '/transcripts',
    );
    expect(lists).toHaveLength(2);
    expect(graph.requests.filter((r) => r.path.includes('/content'))).toHaveLength(1);
  });

  it.each([
    ['transcript access off', { transcriptAccess: false }, 'transcripts-off'],
    ['speaker attribution off', { attribution: false }, 'speaker-attribution-off'],
    ['billing not set up (402)', { billed: false }, 'not-billed'],
  ] as const)(
    '%s becomes the transcript gap, microphone time still comes',
    async (_, switches, gap) => {
      graph = await world(switches);
      const { measures, stored, runLooks, queued } = await followUp();
      await measures.schedule(END_JOB, 4, true);
      await runLooks();
      const summary = await stored();
      expect(summary.floorGaps).toEqual([{ source: 'transcript', gap }]);
      expect(summary.floor.map((m) => m.source)).toEqual(['microphone']);
      expect(queued).toEqual([]);
    },
  );

  it('without an access policy or a grant, both measures say they are not permitted', async () => {
    graph = await world({ permitted: false });
    const { measures, stored, runLooks } = await followUp();
    await measures.schedule(END_JOB, 4, true);
    await runLooks();
    expect((await stored()).floorGaps).toEqual([
      { source: 'transcript', gap: 'not-permitted' },
      { source: 'microphone', gap: 'not-permitted' },
    ]);
  });

  it('looks again later while Teams has produced nothing, then says so; a found transcript is not read twice', async () => {
    graph = await world({ reports: [EARLIER] });
    const { measures, stored, queued } = await followUp();
    await measures.schedule(END_JOB, 4, true);
    const delays: number[] = [];
    for (let next = queued.shift(); next !== undefined; next = queued.shift()) {
      delays.push(next.delay);
      await measures.run(next.job);
    }
    expect(delays).toEqual([...MEASURE_LOOK_DELAYS_S]);
    const summary = await stored();
    expect(summary.floorGaps).toEqual([{ source: 'microphone', gap: 'not-ready' }]);
    expect(summary.floor.map((m) => m.source)).toEqual(['transcript']);
    // The metered content was read on the first look only.
    expect(graph.requests.filter((r) => r.path.includes('/content'))).toHaveLength(1);
  });

  it('asks Entra for an app-only Graph token in the meeting tenant and waits out a 429', async () => {
    graph = await world({ throttleNext: 2 });
    const { measures, stored, runLooks } = await followUp();
    await measures.schedule(END_JOB, 4, false);
    await runLooks();
    expect((await stored()).floor).toHaveLength(1);
    expect(graph.tokenRequests).toHaveLength(1);
    expect(Object.fromEntries(graph.tokenRequests[0] ?? [])).toEqual({
      grant_type: 'client_credentials',
      client_id: CLIENT_ID,
      client_secret: CLIENT_SECRET,
      scope: `${graph.graphHost}/.default`,
    });
  });

  it('nothing raw in storage afterwards: no attendee id, name, e-mail, cue text or VTT', async () => {
    graph = await world();
    const { measures, summaries, queued, runLooks } = await followUp();
    await measures.schedule(END_JOB, 4, true);
    const messages = queued.map((q) => JSON.stringify(q.job));
    await runLooks();
    const kept = JSON.stringify(await summaries.list(END_JOB.meetingKey)) + messages.join('');
    const raw = [
      ...ATTENDEES.flatMap((a) => [a.id, a.name, a.email]),
      'WEBVTT',
      '-->',
      '<v',
      'budget',
      'Welcome',
    ];
    expect(raw.filter((text) => kept.includes(text))).toEqual([]);
    expect(kept).toContain('"source":"transcript"');
  });

  it('the fake refuses transcript content asked for without a format, as Graph does', async () => {
    graph = await world();
    const client = new GraphClient({
      graphHost: graph.graphHost,
      loginHost: graph.loginHost,
      clientId: CLIENT_ID,
      clientSecret: CLIENT_SECRET,
    });
    const path = `/users/${ORGANISER_OID}/onlineMeetings/${GRAPH_MEETING_ID}/transcripts/MSMjMCMjZmFrZS10cmFuc2NyaXB0/content`;
    await expect(client.text(GRAPH_TENANT, path, '*/*')).rejects.toMatchObject({ status: 400 });
    expect(graph.violations).toEqual(['content asked as */*']);
    graph.violations.length = 0;
  });
});
