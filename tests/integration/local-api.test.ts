// The built API in real Node, on the local host, against a real Azurite: a scripted three-person
// meeting over HTTP, live updates over server-sent events, CORS, and the Functions entry point.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { connect } from 'node:net';
import { join } from 'node:path';
import { TableClient, TableServiceClient } from '@azure/data-tables';
import { BlobServiceClient } from '@azure/storage-blob';
import { HmacPseudonymiser } from '../../api/src/adapters/hmac-pseudonymiser.js';
import {
  END_QUEUE_NAME,
  queueServiceFromConnectionString,
} from '../../api/src/adapters/storage/storage-end-queue.js';
import { gunzipSync } from 'node:zlib';
import type { ParticipantView, PublicView } from '@roundtable/core';
import { startAzurite, type Azurite } from '../support/azurite.js';
import { freePort } from '../support/free-port.js';

const root = join(import.meta.dirname, '../..');
const meeting = encodeURIComponent('19:meeting_scripted@thread.v2');
let azurite: Azurite;
let api: ChildProcess;
let base: string;
let env: NodeJS.ProcessEnv;

async function waitForHealth(url: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`${url}/api/health`)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('The local API did not become healthy.');
}

beforeAll(async () => {
  azurite = await startAzurite();
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  env = {
    ...process.env,
    ROUNDTABLE_MODE: 'local',
    ROUNDTABLE_STORAGE_CONNECTION: azurite.connectionString,
    ROUNDTABLE_SECRET: 'integration-secret-0123456789-abcdefghijklmnop',
    ROUNDTABLE_API_PORT: String(port),
    ROUNDTABLE_TABLE_NAME: `scripted${Date.now()}`,
  };
  api = spawn(process.execPath, ['api/dist/host/start-local.js'], {
    cwd: root,
    env,
    stdio: 'pipe',
  });
  await waitForHealth(base);
}, 30_000);

afterAll(async () => {
  api.kill('SIGTERM');
  await new Promise((resolve) => api.once('exit', resolve));
  await azurite.stop();
});

async function token(name: string, role: string): Promise<string> {
  const response = await fetch(`${base}/api/dev/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name, role }),
  });
  return ((await response.json()) as { token: string }).token;
}

async function send(
  who: string,
  body: Record<string, unknown>,
): Promise<{ status: number; json: Record<string, unknown> }> {
  const response = await fetch(`${base}/api/meetings/${meeting}/commands`, {
    method: 'POST',
    headers: { authorization: `Bearer ${who}`, 'content-type': 'application/json' },
    body: JSON.stringify({ id: randomUUID(), ...body }),
  });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

async function viewOf(who: string): Promise<ParticipantView> {
  const response = await fetch(`${base}/api/meetings/${meeting}`, {
    headers: { authorization: `Bearer ${who}` },
  });
  return (await response.json()) as ParticipantView;
}

/** Reads server-sent events until `done` says stop. */
async function readEvents(
  url: string,
  done: (views: PublicView[]) => boolean,
): Promise<PublicView[]> {
  const controller = new AbortController();
  const response = await fetch(url, { signal: controller.signal });
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  const views: PublicView[] = [];
  let buffer = '';
  while (!done(views)) {
    const { value, done: ended } = await reader.read();
    if (ended) break;
    buffer += decoder.decode(value, { stream: true });
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const frame = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const data = frame.split('\n').find((line) => line.startsWith('data: '));
      if (frame.includes('event: view') && data)
        views.push(JSON.parse(data.slice(6)) as PublicView);
    }
  }
  controller.abort();
  return views;
}

describe('the local API (built, in real Node, with Azurite)', () => {
  it('runs a scripted three-person meeting: equity, the next/finish race, a check-in shown at k = 3', async () => {
    const olu = await token('Olu', 'organizer');
    const ana = await token('Ana', 'attendee');
    const ben = await token('Ben', 'attendee');
    for (const who of [olu, ana, ben]) expect((await viewOf(who)).phase).toBe('live');

    expect((await send(olu, { type: 'setMode', mode: 'equity' })).status).toBe(200);
    await send(ana, { type: 'join', kind: 'point' });
    await send(olu, { type: 'next', currentTurnId: null });
    const anaTurn = (await viewOf(ana)).current?.turnId;
    expect((await send(ana, { type: 'finish', turnId: anaTurn })).status).toBe(200);

    await send(ana, { type: 'join', kind: 'point' });
    const afterBen = await send(ben, { type: 'join', kind: 'point' });
    expect((afterBen.json as unknown as ParticipantView).queue.map((e) => e.displayName)).toEqual([
      'Ben',
      'Ana',
    ]);

    await send(olu, { type: 'next', currentTurnId: null });
    const benTurn = (await viewOf(olu)).current?.turnId;
    const [done, next] = await Promise.all([
      send(ben, { type: 'finish', turnId: benTurn }),
      send(olu, { type: 'next', currentTurnId: benTurn }),
    ]);
    expect([done.status, next.status].sort()).toEqual([200, 409]);
    expect([done, next].find((r) => r.status === 409)?.json.code).toBe('stale-turn');

    await send(olu, { type: 'openCheckin', promptId: 'energy' });
    const checkinId = (await viewOf(olu)).checkin?.checkinId;
    await send(ana, { type: 'answerCheckin', checkinId, value: 4 });
    await send(ben, { type: 'answerCheckin', checkinId, value: 2 });
    expect((await viewOf(ana)).checkin).toMatchObject({ answered: 2, aggregate: null });
    await send(olu, { type: 'answerCheckin', checkinId, value: 3 });
    expect((await viewOf(ana)).checkin?.aggregate).toEqual({
      scale: 'energy5',
      n: 3,
      histogram: [0, 1, 1, 1, 0],
      mean: 3,
    });
  });

  it('stores no raw meeting id or user id anywhere, and no name outside the live state', async () => {
    const olu = await token('Olu', 'organizer');
    const oid = (
      JSON.parse(Buffer.from(olu.split('.')[1] ?? '', 'base64url').toString()) as { oid: string }
    ).oid;
    const table = TableClient.fromConnectionString(
      azurite.connectionString,
      env.ROUNDTABLE_TABLE_NAME ?? '',
      {
        allowInsecureConnection: true,
      },
    );
    const rows: { rowKey: string; text: string }[] = [];
    for await (const entity of table.listEntities()) {
      // Binary chunks hold gzip JSON; decompress them so the scan sees what is really stored.
      const parts = Object.entries(entity)
        .sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true }))
        .map(([, value]) => value);
      const binary = Buffer.concat(parts.filter((value) => value instanceof Uint8Array));
      const text =
        JSON.stringify(parts) + (binary.length > 0 ? gunzipSync(binary).toString('utf8') : '');
      rows.push({ rowKey: entity.rowKey ?? '', text });
    }
    expect(rows.length).toBeGreaterThan(5);
    // The scan reads decompressed content: the live state does hold names until the meeting ends.
    expect(rows.find((row) => row.rowKey === 'state')?.text).toContain('Olu');
    for (const { text } of rows) {
      expect(text).not.toContain('meeting_scripted');
      expect(text).not.toContain(oid);
    }
    // Views pair pseudonyms with names, so durable records must carry a different id.
    const pseudonym = (await viewOf(olu)).you.participantId;
    for (const { rowKey, text } of rows.filter((row) => row.rowKey.startsWith('rec-'))) {
      expect({ rowKey, hasPseudonym: text.includes(pseudonym) }).toEqual({
        rowKey,
        hasPseudonym: false,
      });
    }
    for (const { rowKey, text } of rows.filter((row) => row.rowKey !== 'state')) {
      for (const name of ['Olu', 'Ana', 'Ben'])
        expect({ rowKey, hasName: text.includes(name) }).toEqual({ rowKey, hasName: false });
    }
  });

  it('streams the public view to live subscribers after every change', async () => {
    const ana = await token('Ana', 'attendee');
    const live = (await (
      await fetch(`${base}/api/meetings/${meeting}/live`, {
        headers: { authorization: `Bearer ${ana}` },
      })
    ).json()) as { transport: string; url: string };
    expect(live.transport).toBe('sse');
    const reading = readEvents(live.url, (views) =>
      views.some((v) => v.queue.some((e) => e.note === 'live!')),
    );
    await new Promise((resolve) => setTimeout(resolve, 200));
    await send(ana, { type: 'join', kind: 'clarify', note: 'live!' });
    const views = await reading;
    expect(views.length).toBeGreaterThanOrEqual(2);
    expect(JSON.stringify(views)).not.toMatch(/notYetHeard|answeredBy|"you"/);
  });

  it('allows the tab’s origin, and only it, through CORS', async () => {
    const preflight = await fetch(`${base}/api/meetings/${meeting}/commands`, {
      method: 'OPTIONS',
      headers: { origin: 'http://127.0.0.1:53000', 'access-control-request-method': 'POST' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:53000');
    expect(preflight.headers.get('access-control-allow-headers')).toContain('authorization');
    const stranger = await fetch(`${base}/api/health`, {
      headers: { origin: 'https://evil.example' },
    });
    expect(stranger.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('survives a malformed Host and a client hanging up mid-upload, and refuses foreign Host names', async () => {
    const port = new URL(base).port;
    const raw = (text: string, hangUp = false) =>
      new Promise<string>((resolve) => {
        const socket = connect(Number(port), '127.0.0.1', () => {
          socket.write(text);
          if (hangUp) socket.destroy();
        });
        let answer = '';
        socket.on('data', (chunk: Buffer) => (answer += chunk.toString()));
        socket.on('close', () => {
          resolve(answer.split('\r\n')[0] ?? '');
        });
        socket.on('error', () => {
          resolve('');
        });
      });
    expect(await raw('GET /api/health HTTP/1.1\r\nHost: a b\r\nConnection: close\r\n\r\n')).toMatch(
      /^HTTP\/1.1 400/,
    );
    expect(
      await raw('GET /api/health HTTP/1.1\r\nHost: rebound.example\r\nConnection: close\r\n\r\n'),
    ).toMatch(/^HTTP\/1.1 400/);
    await raw(
      'POST /api/dev/token HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"na',
      true,
    );
    expect((await fetch(`${base}/api/health`)).status).toBe(200);
  });

  it('ends a meeting: the job runs, the organiser gets a summary and a card, and no table, queue or blob keeps anything personal', async () => {
    const other = encodeURIComponent('19:meeting_ending_scan@thread.v2');
    const [zoe, yan, xia] = await Promise.all([
      token('Zoe', 'organizer'),
      token('Yan', 'attendee'),
      token('Xia', 'attendee'),
    ]);
    const at = (path: string, who: string, init: RequestInit = {}) =>
      fetch(`${base}/api/meetings/${other}${path}`, {
        ...init,
        headers: { authorization: `Bearer ${who}`, 'content-type': 'application/json' },
      });
    // Every view anyone was shown, kept as a curious participant would keep them.
    const saved: ParticipantView[] = [];
    const keep = async (answer: Response) => {
      const copy = answer.clone();
      if (answer.status === 200) saved.push((await copy.json()) as ParticipantView);
      return answer;
    };
    const post = async (who: string, body: Record<string, unknown>) =>
      keep(
        await at('/commands', who, {
          method: 'POST',
          body: JSON.stringify({ id: randomUUID(), ...body }),
        }),
      );
    for (const who of [zoe, yan, xia]) await at('', who);
    await post(yan, { type: 'join', kind: 'point', note: 'a note from Yan' });
    await post(zoe, { type: 'next', currentTurnId: null });
    await post(xia, { type: 'join', kind: 'reply' });
    for (const who of [zoe, yan, xia]) await keep(await at('', who));
    // A check-in everyone answers, so the scan can show no answer is tied to anyone.
    const opened = (await (
      await post(zoe, { type: 'openCheckin', promptId: 'safe-to-differ' })
    ).json()) as ParticipantView;
    const checkinId = opened.checkin?.checkinId ?? '';
    for (const [who, value] of [
      [yan, 1],
      [xia, 5],
      [zoe, 4],
    ] as const) {
      expect((await post(who, { type: 'answerCheckin', checkinId, value })).status).toBe(200);
    }
    await post(zoe, { type: 'closeCheckin', checkinId });
    expect((await post(zoe, { type: 'endSession', session: opened.session })).status).toBe(200);
    let summary: Response | undefined;
    for (let i = 0; i < 100 && summary?.status !== 200; i++) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      summary = await at('/summary', zoe);
    }
    expect(await summary?.json()).toMatchObject({
      session: 1,
      summary: { participants: 3, speakers: 1, queuedNotReached: 1 },
    });
    // The card follows the summary (the job keeps the summary, purges, then tells the organiser).
    let card = '';
    for (let i = 0; i < 50 && !card.includes('1 of 3 people'); i++) {
      const outbox = await fetch(`${base}/api/dev/outbox?meetingId=${other}`, {
        headers: { authorization: `Bearer ${zoe}` },
      });
      card = JSON.stringify(await outbox.json());
      if (!card.includes('1 of 3 people')) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(card).toContain('1 of 3 people');

    const meetingKey = new HmacPseudonymiser(env.ROUNDTABLE_SECRET ?? '').meetingKey(
      '19:meeting_ending_scan@thread.v2',
    );
    const oids = [zoe, yan, xia].map(
      (t) =>
        (JSON.parse(Buffer.from(t.split('.')[1] ?? '', 'base64url').toString()) as { oid: string })
          .oid,
    );
    const stored: string[] = [];
    const ofThisMeeting: string[] = [];
    const rowsLeft: string[] = [];
    // Every table, queue and blob container in the account, not just the ones Roundtable names.
    const tables = TableServiceClient.fromConnectionString(azurite.connectionString, {
      allowInsecureConnection: true,
    });
    const tableNames: string[] = [];
    for await (const table of tables.listTables()) tableNames.push(table.name ?? '');
    expect(tableNames).toEqual(expect.arrayContaining([env.ROUNDTABLE_TABLE_NAME, 'summaries']));
    for (const tableName of tableNames) {
      const table = TableClient.fromConnectionString(azurite.connectionString, tableName, {
        allowInsecureConnection: true,
      });
      for await (const entity of table.listEntities()) {
        const parts = Object.entries(entity).sort(([a], [b]) =>
          a.localeCompare(b, 'en', { numeric: true }),
        );
        const binary = Buffer.concat(
          parts.map(([, value]) => value).filter((value) => value instanceof Uint8Array),
        );
        const unpacked = binary.length > 0 ? gunzipSync(binary).toString('utf8') : '';
        stored.push(JSON.stringify(parts) + unpacked);
        // Other meetings of this file are still running, with ids of their own such as "t1".
        if (tableName !== env.ROUNDTABLE_TABLE_NAME || entity.partitionKey === meetingKey)
          ofThisMeeting.push(JSON.stringify(parts) + unpacked);
        if (tableName === env.ROUNDTABLE_TABLE_NAME && entity.partitionKey === meetingKey)
          rowsLeft.push(entity.rowKey ?? '');
      }
    }
    const queues = queueServiceFromConnectionString(azurite.connectionString);
    const queueNames: string[] = [];
    for await (const queue of queues.listQueues()) queueNames.push(queue.name);
    expect(queueNames).toContain(END_QUEUE_NAME);
    for (const name of queueNames) {
      const queue = queues.getQueueClient(name);
      const peeked = await queue.peekMessages({ numberOfMessages: 32 });
      const messages = peeked.peekedMessageItems.map((item) =>
        Buffer.from(item.messageText, 'base64').toString('utf8'),
      );
      stored.push(...messages);
      ofThisMeeting.push(...messages);
    }
    const blobs = BlobServiceClient.fromConnectionString(azurite.connectionString);
    for await (const container of blobs.listContainers()) {
      const client = blobs.getContainerClient(container.name);
      for await (const blob of client.listBlobsFlat()) {
        const content = (await client.getBlobClient(blob.name).downloadToBuffer()).toString('utf8');
        stored.push(content);
        ofThisMeeting.push(content);
      }
    }
    expect(stored.length).toBeGreaterThan(3);
    const everything = stored.join('\n');
    const traces = ['Zoe', 'Yan', 'Xia', 'a note from Yan', 'meeting_ending_scan', ...oids];
    // The tokens themselves, and anything shaped like an e-mail address or UPN.
    for (const trace of [
      ...traces,
      zoe,
      yan,
      xia,
      ...[zoe, yan, xia].map((t) => t.split('.')[2]),
    ]) {
      expect({ trace, kept: everything.includes(trace ?? '') }).toEqual({ trace, kept: false });
    }
    expect(everything.match(/[\w.+-]+@(?!thread\.)[\w-]+\.[\w.-]+/g)).toBeNull();
    // The linking attack: whoever kept these views and later reads storage must find nothing to
    // join them on — no pseudonym, entry or turn id, and no moment a view showed.
    // Ids are looked for as JSON strings ("e1" is short), moments as the digits a view showed.
    const id = (value: string) => (value === '' ? '' : JSON.stringify(value));
    const shown = saved.flatMap((view) => [
      id(view.you.participantId),
      ...(view.current === null
        ? []
        : [
            id(view.current.turnId),
            id(view.current.participantId),
            String(view.current.startedAt),
          ]),
      ...view.queue.flatMap((entry) => [
        id(entry.entryId),
        id(entry.participantId),
        String(entry.joinedAt),
      ]),
    ]);
    expect(saved.some((view) => view.current !== null)).toBe(true);
    expect(shown.length).toBeGreaterThan(10);
    const linkable = ofThisMeeting.join('\n');
    for (const link of new Set(shown.filter((value) => value !== ''))) {
      expect({ link, kept: linkable.includes(link) }).toEqual({ link, kept: false });
    }
    // Once the summary is kept, the meeting keeps only its state row (empty, its session count):
    // no records, command ids or closing row are left to link to anyone.
    expect(rowsLeft).toEqual(['state']);
  }, 40_000);

  it('carries who was waiting over to the next session: one carry row between sessions, none once the next starts, and no carry key in any table, queue or blob (privacy scan)', async () => {
    const raw = '19:meeting_carry_scan@thread.v2';
    const other = encodeURIComponent(raw);
    const [wes, uma] = await Promise.all([token('Wes', 'organizer'), token('Uma', 'attendee')]);
    const at = (path: string, who: string, init: RequestInit = {}) =>
      fetch(`${base}/api/meetings/${other}${path}`, {
        ...init,
        headers: { authorization: `Bearer ${who}`, 'content-type': 'application/json' },
      });
    const post = (who: string, body: Record<string, unknown>) =>
      at('/commands', who, { method: 'POST', body: JSON.stringify({ id: randomUUID(), ...body }) });
    for (const who of [wes, uma]) await at('', who);
    expect(
      (await post(wes, { type: 'setOption', option: 'carryOver', enabled: true })).status,
    ).toBe(200);
    await post(uma, { type: 'join', kind: 'point', note: 'a note from Uma' });
    const { session } = (await (await at('', wes)).json()) as ParticipantView;
    expect((await post(wes, { type: 'endSession', session })).status).toBe(200);
    let summary: Response | undefined;
    for (let i = 0; i < 100 && summary?.status !== 200; i++) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      summary = await at('/summary', wes);
    }
    const summaryText = JSON.stringify(await summary?.json());

    const pseudonyms = new HmacPseudonymiser(env.ROUNDTABLE_SECRET ?? '');
    const meetingKey = pseudonyms.meetingKey(raw);
    const carryKeys = [wes, uma].map((t) => {
      const claims = JSON.parse(Buffer.from(t.split('.')[1] ?? '', 'base64url').toString()) as {
        tid: string;
        oid: string;
      };
      return pseudonyms.carryKey(meetingKey, { tenantId: claims.tid, userId: claims.oid });
    });
    const table = TableClient.fromConnectionString(
      azurite.connectionString,
      env.ROUNDTABLE_TABLE_NAME ?? '',
      { allowInsecureConnection: true },
    );
    const rowKeys = async () => {
      const keys: string[] = [];
      const filter = `PartitionKey eq '${meetingKey}'`;
      for await (const row of table.listEntities({ queryOptions: { filter } })) {
        keys.push(row.rowKey ?? '');
      }
      return keys.sort();
    };
    // Between the sessions: the state and the one carried row, nothing else.
    expect(await rowKeys()).toEqual(['carry', 'state']);
    // It holds Uma's carry key, her entry's kind and place: so the scan below looks for real keys.
    const carryRow = await table.getEntity(meetingKey, 'carry');
    const packed = Object.entries(carryRow)
      .filter(([name, value]) => /^c\d+$/.test(name) && value instanceof Uint8Array)
      .map(([, value]) => value as Uint8Array);
    expect(JSON.parse(gunzipSync(Buffer.concat(packed)).toString())).toEqual([
      { carryKey: carryKeys[1], kind: 'point', rank: 0 },
    ]);

    // The next session opens with Wes's first act; Uma, arriving, is at the front, told why.
    expect((await post(wes, { type: 'join', kind: 'point' })).status).toBe(200);
    const umaView = (await (await at('', uma)).json()) as ParticipantView;
    expect(umaView).toMatchObject({ session: session + 1 });
    expect(umaView.you.entries).toEqual([
      { entryId: expect.any(String), kind: 'point', position: 0, why: 'carried' },
    ]);
    expect(JSON.stringify(umaView.queue)).not.toContain('a note from Uma');
    expect(await rowKeys()).not.toContain('carry');

    // The organiser turns carry-over off and ends the second session: every table, queue and
    // blob in the account is scanned, and no carry key is anywhere.
    expect(
      (await post(wes, { type: 'setOption', option: 'carryOver', enabled: false })).status,
    ).toBe(200);
    expect((await post(wes, { type: 'endSession', session: session + 1 })).status).toBe(200);
    const secondSummary = async () =>
      (await at(`/summary?session=${String(session + 1)}`, wes)).status;
    for (let i = 0; i < 100 && (await secondSummary()) !== 200; i++) {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(await secondSummary()).toBe(200);
    const stored: string[] = [summaryText];
    const tables = TableServiceClient.fromConnectionString(azurite.connectionString, {
      allowInsecureConnection: true,
    });
    for await (const { name } of tables.listTables()) {
      const client = TableClient.fromConnectionString(azurite.connectionString, name ?? '', {
        allowInsecureConnection: true,
      });
      for await (const entity of client.listEntities()) {
        const parts = Object.entries(entity);
        const binary = Buffer.concat(
          parts.map(([, value]) => value).filter((value) => value instanceof Uint8Array),
        );
        stored.push(
          JSON.stringify(parts) + (binary.length > 0 ? gunzipSync(binary).toString() : ''),
        );
      }
    }
    const queues = queueServiceFromConnectionString(azurite.connectionString);
    for await (const queue of queues.listQueues()) {
      const peeked = await queues.getQueueClient(queue.name).peekMessages({ numberOfMessages: 32 });
      for (const item of peeked.peekedMessageItems)
        stored.push(Buffer.from(item.messageText, 'base64').toString('utf8'));
    }
    const blobs = BlobServiceClient.fromConnectionString(azurite.connectionString);
    for await (const container of blobs.listContainers()) {
      const client = blobs.getContainerClient(container.name);
      for await (const blob of client.listBlobsFlat()) {
        stored.push((await client.getBlobClient(blob.name).downloadToBuffer()).toString('utf8'));
      }
    }
    const everything = stored.join('\n');
    expect(await rowKeys()).toEqual(['state']);
    expect(stored.length).toBeGreaterThan(3);
    for (const key of carryKeys) {
      expect({ key, kept: everything.includes(key) }).toEqual({ key, kept: false });
    }
    expect(everything).not.toContain('a note from Uma');
  }, 60_000);

  it('refuses to start on a busy port with a message that says so', () => {
    const second = spawnSync(process.execPath, ['api/dist/host/start-local.js'], {
      cwd: root,
      env,
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(second.status).toBe(1);
    expect(second.stderr).toContain('is busy');
  });

  it('loads the Functions entry point in real Node and registers the routes', () => {
    const run = spawnSync(
      process.execPath,
      ['--input-type=module', '-e', "await import('./api/dist/index.js'); console.log('loaded');"],
      {
        cwd: root,
        env: { ...env, ROUNDTABLE_MODE: 'local' },
        encoding: 'utf8',
        timeout: 20_000,
      },
    );
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('loaded');
  });
});
