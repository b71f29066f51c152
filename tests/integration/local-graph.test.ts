// Local mode's stand-in for Graph, end to end in the built API on a real Azurite: people join the
// simulated call (participant events through /api/dev/activities), take turns through the API, the
// organiser ends the session, and a few seconds later the stored summary holds what "Teams
// recorded" — read by the real Graph adapter from the local Graph — and no store holds anything raw.
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { TableClient, TableServiceClient } from '@azure/data-tables';
import { queueServiceFromConnectionString } from '../../api/src/adapters/storage/storage-end-queue.js';
import { MEASURES_QUEUE_NAME } from '../../api/src/adapters/storage/storage-measures-queue.js';
import type { InclusionSummary, ParticipantView } from '@roundtable/core';
import { startAzurite, type Azurite } from '../support/azurite.js';
import { freePort } from '../support/free-port.js';

const root = join(import.meta.dirname, '../..');
let azurite: Azurite;
const apis: ChildProcess[] = [];

beforeAll(async () => {
  azurite = await startAzurite();
}, 30_000);

// The queues are Azurite's, not the table's: an API left running would take the next test's jobs.
afterEach(async () => {
  for (const api of apis.splice(0)) {
    api.kill('SIGTERM');
    await new Promise((resolve) => api.once('exit', resolve));
  }
});

afterAll(async () => {
  await azurite.stop();
});

/** A local API whose looks run 1, 2 and 3 s after the ending, its Graph answering as `answer`. */
async function startApi(answer: string): Promise<string> {
  const port = await freePort();
  const api = spawn(process.execPath, ['api/dist/host/start-local.js'], {
    cwd: root,
    env: {
      ...process.env,
      ROUNDTABLE_MODE: 'local',
      ROUNDTABLE_STORAGE_CONNECTION: azurite.connectionString,
      ROUNDTABLE_SECRET: 'integration-secret-0123456789-abcdefghijklmnop',
      ROUNDTABLE_API_PORT: String(port),
      ROUNDTABLE_TABLE_NAME: `graph${String(port)}`,
      ROUNDTABLE_LOCAL_GRAPH: answer,
      ROUNDTABLE_LOCAL_GRAPH_DELAYS: '1,2,3',
    },
    stdio: 'pipe',
  });
  apis.push(api);
  const base = `http://127.0.0.1:${String(port)}`;
  for (let i = 0; i < 100; i++) {
    if (
      await fetch(`${base}/api/health`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return base;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('The local API did not become healthy.');
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const claims = (token: string) =>
  JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString()) as {
    oid: string;
    tid: string;
  };

/** One simulated Teams meeting against one local API, as the simulator plays it. */
function meetingOn(base: string, meetingId: string) {
  const path = `${base}/api/meetings/${encodeURIComponent(meetingId)}`;
  const token = async (name: string, role: string) => {
    const answer = await fetch(`${base}/api/dev/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name, role }),
    });
    return ((await answer.json()) as { token: string }).token;
  };
  const headers = (who: string) => ({
    authorization: `Bearer ${who}`,
    'content-type': 'application/json',
  });
  // msteams-docs meeting-apps-apis.md, "Receive meeting participant events" (as the simulator sends).
  const call = async (by: string, people: [string, string, string][], joined: boolean) => {
    const { tid } = claims(by);
    const answer = await fetch(`${base}/api/dev/activities`, {
      method: 'POST',
      headers: headers(by),
      body: JSON.stringify({
        type: 'event',
        name: `application/vnd.microsoft.meetingParticipant${joined ? 'Join' : 'Leave'}`,
        channelId: 'msteams',
        serviceUrl: 'http://127.0.0.1/simulated-teams/',
        channelData: { tenant: { id: tid }, meeting: { id: meetingId } },
        value: {
          members: people.map(([who, name, role]) => ({
            user: { id: `29:simulated-${claims(who).oid}`, aadObjectId: claims(who).oid, name },
            meeting: joined ? { inMeeting: true, role } : { inMeeting: false },
          })),
        },
      }),
    });
    expect(answer.status).toBe(202);
  };
  const command = async (who: string, body: Record<string, unknown>) => {
    const answer = await fetch(`${path}/commands`, {
      method: 'POST',
      headers: headers(who),
      body: JSON.stringify({ id: randomUUID(), ...body }),
    });
    expect(answer.status).toBe(200);
    return (await answer.json()) as ParticipantView;
  };
  const open = (who: string) => fetch(path, { headers: headers(who) });
  /** The stored summary once `ready` says so (the looks run seconds after the ending). */
  const summary = async (who: string, ready: (s: InclusionSummary) => boolean) => {
    for (let i = 0; i < 150; i++) {
      const answer = await fetch(`${path}/summary`, { headers: headers(who) });
      if (answer.status === 200) {
        const body = (await answer.json()) as { summary: InclusionSummary };
        if (ready(body.summary)) return body.summary;
      }
      await sleep(200);
    }
    throw new Error('The summary never got what the local Graph recorded.');
  };
  return { token, call, command, open, summary };
}

const measured = (s: InclusionSummary) =>
  s.floor.length + s.floorGaps.filter((gap) => gap.gap !== 'not-ready').length === 2;

describe('local mode reads what Teams recorded from the local Graph', () => {
  it('fills the summary with microphone and transcript time from the simulated call, counting someone who never opened the panel, and keeps nothing raw', async () => {
    const base = await startApi('on');
    const meetingId = '19:meeting_local_graph_scan@thread.v2';
    const m = meetingOn(base, meetingId);
    const [adaeze, benedikt, cyprian, delphine] = await Promise.all([
      m.token('Adaeze', 'organizer'),
      m.token('Benedikt', 'attendee'),
      m.token('Cyprian', 'attendee'),
      m.token('Delphine', 'attendee'),
    ]);
    await m.call(
      adaeze,
      [
        [adaeze, 'Adaeze', 'Organizer'],
        [benedikt, 'Benedikt', 'Attendee'],
        [cyprian, 'Cyprian', 'Attendee'],
        // Delphine is in the call and never opens Roundtable.
        [delphine, 'Delphine', 'Attendee'],
      ],
      true,
    );
    for (const who of [adaeze, benedikt, cyprian]) expect((await m.open(who)).status).toBe(200);
    await m.command(adaeze, { type: 'setOption', option: 'transcript', enabled: true });
    await m.command(benedikt, { type: 'join', kind: 'point' });
    await m.command(cyprian, { type: 'join', kind: 'reply' });
    const first = await m.command(adaeze, { type: 'next', currentTurnId: null });
    await sleep(2_300);
    const second = await m.command(adaeze, {
      type: 'next',
      currentTurnId: first.current?.turnId,
    });
    await sleep(1_200);
    // Cyprian's turn ends somewhere inside this request: its bounds bracket the end.
    const before = Date.now();
    const last = await m.command(adaeze, {
      type: 'next',
      currentTurnId: second.current?.turnId,
    });
    const after = Date.now();
    expect(last.current).toBeNull();
    await m.command(adaeze, { type: 'endSession', session: last.session });

    const summary = await m.summary(adaeze, measured);
    const started = [first.current?.startedAt ?? NaN, second.current?.startedAt ?? NaN] as const;
    // Benedikt's turn ran from his start to Cyprian's (2.3 s of sleep plus a request).
    const benediktS = (started[1] - started[0]) / 1000;
    const cyprianS = [(before - started[1]) / 1000, (after - started[1]) / 1000];
    const byMicrophone = summary.floor.find((f) => f.source === 'microphone');
    const byTranscript = summary.floor.find((f) => f.source === 'transcript');
    expect(summary.floorGaps).toEqual([]);
    // The attendance report: four people in the call (Delphine too), two microphones opened.
    expect(byMicrophone).toMatchObject({ attendees: 4, speakers: 2 });
    const [longest, shortest] = byMicrophone?.distributionS ?? [];
    // Seconds per attendee are whole (the adapter rounds each person's open time).
    expect(longest).toBe(Math.round(benediktS));
    expect(shortest).toBeGreaterThanOrEqual(Math.round(cyprianS[0] ?? NaN));
    expect(shortest).toBeLessThanOrEqual(Math.round(cyprianS[1] ?? NaN));
    // The transcript heard two voices; two is under k = 3, so only counts and the total show.
    expect(byTranscript).toMatchObject({ attendees: 2, speakers: 2, distributionS: null });
    expect(byTranscript?.totalS).toBeGreaterThanOrEqual(benediktS + (cyprianS[0] ?? NaN) - 0.01);
    expect(byTranscript?.totalS).toBeLessThanOrEqual(benediktS + (cyprianS[1] ?? NaN) + 0.01);

    // No look left waiting: the first found both, so the queue is empty before the scan.
    const queues = queueServiceFromConnectionString(azurite.connectionString);
    const looks = queues.getQueueClient(MEASURES_QUEUE_NAME);
    for (let i = 0; i < 50; i++) {
      if ((await looks.getProperties()).approximateMessagesCount === 0) break;
      await sleep(200);
    }
    expect((await looks.getProperties()).approximateMessagesCount).toBe(0);
    const stored: string[] = [];
    const tables = TableServiceClient.fromConnectionString(azurite.connectionString, {
      allowInsecureConnection: true,
    });
    for await (const table of tables.listTables()) {
      const client = TableClient.fromConnectionString(azurite.connectionString, table.name ?? '', {
        allowInsecureConnection: true,
      });
      for await (const entity of client.listEntities()) {
        const binary = Buffer.concat(
          Object.values(entity).filter((value) => value instanceof Uint8Array),
        );
        stored.push(JSON.stringify(entity), binary.length > 0 ? gunzipSync(binary).toString() : '');
      }
    }
    for await (const queue of queues.listQueues()) {
      const peeked = await queues.getQueueClient(queue.name).peekMessages({ numberOfMessages: 32 });
      for (const item of peeked.peekedMessageItems)
        stored.push(Buffer.from(item.messageText, 'base64').toString('utf8'));
    }
    const everything = stored.join('\n');
    expect(everything).toContain('"microphone"');
    const oids = [adaeze, benedikt, cyprian, delphine].map((t) => claims(t).oid);
    const traces = [
      'Adaeze',
      'Benedikt',
      'Cyprian',
      'Delphine',
      'meeting_local_graph_scan',
      'simulated speech',
      'simulated.invalid',
      'WEBVTT',
      'unmute',
      ...oids,
      ...started.map(String),
    ];
    for (const trace of traces)
      expect({ trace, kept: everything.includes(trace) }).toEqual({ trace, kept: false });
  }, 60_000);

  it('plays a documented refusal: with speaker attribution off, the transcript is a gap that says so', async () => {
    const base = await startApi('attribution-off');
    const m = meetingOn(base, '19:meeting_local_graph_refusal@thread.v2');
    const [ama, kofi, yaw] = await Promise.all([
      m.token('Ama', 'organizer'),
      m.token('Kofi', 'attendee'),
      m.token('Yaw', 'attendee'),
    ]);
    for (const who of [ama, kofi, yaw]) expect((await m.open(who)).status).toBe(200);
    await m.command(ama, { type: 'setOption', option: 'transcript', enabled: true });
    await m.command(kofi, { type: 'join', kind: 'point' });
    const turn = await m.command(ama, { type: 'next', currentTurnId: null });
    await sleep(1_100);
    await m.command(ama, { type: 'next', currentTurnId: turn.current?.turnId });
    await m.command(ama, { type: 'endSession', session: turn.session });
    const summary = await m.summary(ama, measured);
    expect(summary.floorGaps).toEqual([{ source: 'transcript', gap: 'speaker-attribution-off' }]);
    // Nobody sent a join event, yet whoever held the floor was in the call: one attendee, one voice.
    expect(summary.floor).toEqual([
      expect.objectContaining({ source: 'microphone', attendees: 1, speakers: 1 }),
    ]);
  }, 60_000);
});
