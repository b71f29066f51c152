// The Graph measures through the storage Azure uses (Table Storage and Queue Storage, on Azurite):
// a look waits unseen in its queue until its delay has passed, comes back as the same job, and
// after the looks no table or queue in the account holds a name, an attendee id, an e-mail
// address, a line of the transcript or any WebVTT.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { gunzipSync } from 'node:zlib';
import { summarize } from '@roundtable/core';
import { TableServiceClient, TableClient } from '@azure/data-tables';
import {
  queueClientFromConnectionString,
  queueServiceFromConnectionString,
} from '../../api/src/adapters/storage/storage-end-queue.js';
import {
  decodeMeasuresJob,
  MEASURES_QUEUE_NAME,
  StorageMeasuresQueue,
} from '../../api/src/adapters/storage/storage-measures-queue.js';
import { tableSummaryStoreFromConnectionString } from '../../api/src/adapters/storage/table-summary-store.js';
import { GraphClient } from '../../api/src/adapters/teams/graph/graph-client.js';
import { GraphMeetingArtefacts } from '../../api/src/adapters/teams/graph/graph-artefacts.js';
import type { MeasuresJob } from '../../api/src/application/measures-ports.js';
import { MeasuresFollowUp } from '../../api/src/application/take-measures.js';
import { startAzurite, type Azurite } from '../support/azurite.js';
import { CLIENT_ID, CLIENT_SECRET, startFakeGraph, type FakeGraph } from './fake-graph.js';
import { GRAPH_MEETING_ID, GRAPH_TENANT, ORGANISER_OID } from './fake-graph-fixtures.js';

let azurite: Azurite;
let graph: FakeGraph;

beforeAll(async () => {
  azurite = await startAzurite();
});
afterAll(async () => {
  await graph.close();
  await azurite.stop();
});

const START = Date.parse('2026-12-07T14:00:00Z');
const iso = (minutes: number) => new Date(START + minutes * 60_000).toISOString();
const NAMES = ['Ife Storage', 'Jun Storage', 'Kemi Storage'];
const IDS = [
  'dddddddd-0000-4000-8000-0000000000d1',
  'dddddddd-0000-4000-8000-0000000000d2',
  'dddddddd-0000-4000-8000-0000000000d3',
];

describe('Graph measures in Azure storage', () => {
  it('a look is hidden for its delay and decodes to the same job', async () => {
    const queue = new StorageMeasuresQueue(
      queueClientFromConnectionString(azurite.connectionString, 'delayed-looks'),
    );
    await queue.ensureQueue();
    const job: MeasuresJob = {
      meetingKey: 'mk-delay',
      session: 2,
      tenantId: GRAPH_TENANT,
      organiserId: ORGANISER_OID,
      graphMeetingId: GRAPH_MEETING_ID,
      from: START,
      to: START + 60_000,
      transcript: true,
      attempt: 2,
      settled: [
        {
          source: 'transcript',
          measure: { source: 'transcript', attendees: 3, seconds: [12.5, 3] },
        },
      ],
    };
    await queue.enqueue(job, 300);
    await queue.enqueue(job, 0);
    const seen = await queue.client.peekMessages({ numberOfMessages: 32 });
    expect(seen.peekedMessageItems).toHaveLength(1);
    expect(decodeMeasuresJob(seen.peekedMessageItems[0]?.messageText ?? '')).toEqual(job);
    expect(decodeMeasuresJob(Buffer.from('{"meetingKey":"x"}').toString('base64'))).toBeNull();
  });

  it('after the looks, no table or queue keeps anything of the report or the transcript', async () => {
    graph = await startFakeGraph({
      reports: [
        {
          id: 'c9b6db1c-0000-4000-8000-00000000c001',
          start: iso(0),
          end: iso(40),
          attendees: NAMES.map((name, index) => ({
            id: IDS[index] ?? '',
            name,
            email: `${name.split(' ')[0]?.toLowerCase() ?? ''}@fabrikam.example`,
            role: 'Attendee' as const,
            joined: iso(0),
            left: iso(40),
            engagements: [
              ['microphone', 'unmute', iso(index * 10 + 1)],
              ['microphone', 'mute', iso(index * 10 + 2 + index)],
            ] as const,
          })),
        },
      ],
      transcripts: [
        {
          id: 'MSMjMCMjc3RvcmFnZQ',
          created: iso(1),
          ended: iso(39),
          vtt: `WEBVTT\n\n00:00:00.000 --> 00:00:09.000\n<v ${NAMES[0] ?? ''}>Quarterly plan, first draft.</v>\n\n00:00:09.000 --> 00:00:12.000\n<v ${NAMES[1] ?? ''}>Looks fine to me.</v>\n`,
        },
      ],
    });
    const summaries = tableSummaryStoreFromConnectionString(azurite.connectionString);
    await summaries.ensureTable();
    await summaries.put({
      meetingKey: 'mk-scan',
      session: 1,
      organisers: ['organiser-key'],
      summary: summarize([], { k: 3 }),
      storedAt: START,
      expiresAt: START + 86_400_000,
    });
    const queue = new StorageMeasuresQueue(
      queueClientFromConnectionString(azurite.connectionString, MEASURES_QUEUE_NAME),
    );
    await queue.ensureQueue();
    // The looks without their delays, so the test need not wait 5 minutes.
    const measures = new MeasuresFollowUp({
      store: {
        closing: () =>
          Promise.resolve({
            session: 1,
            openedAt: START,
            endedAt: START + 40 * 60_000,
            organisers: [],
          }),
      },
      summaries,
      queue: { enqueue: (job) => queue.enqueue(job, 0) },
      artefacts: new GraphMeetingArtefacts(
        new GraphClient({
          graphHost: graph.graphHost,
          loginHost: graph.loginHost,
          clientId: CLIENT_ID,
          clientSecret: CLIENT_SECRET,
        }),
      ),
      meetings: {
        graphMeetingOf: () =>
          Promise.resolve({
            tenantId: GRAPH_TENANT,
            organiserId: ORGANISER_OID,
            graphMeetingId: GRAPH_MEETING_ID,
          }),
      },
      settings: { k: 3 },
    });
    await measures.schedule(
      {
        meetingKey: 'mk-scan',
        meetingId: '19:meeting_c2Nhbg@thread.v2',
        reason: 'host',
        session: 1,
        tenantId: GRAPH_TENANT,
      },
      1,
      true,
    );
    const messages: string[] = [];
    for (;;) {
      const { receivedMessageItems } = await queue.client.receiveMessages({ numberOfMessages: 1 });
      const message = receivedMessageItems[0];
      if (message === undefined) break;
      messages.push(Buffer.from(message.messageText, 'base64').toString('utf8'));
      const job = decodeMeasuresJob(message.messageText);
      if (job === null) throw new Error('A look that does not decode.');
      await measures.run(job);
      await queue.client.deleteMessage(message.messageId, message.popReceipt);
    }
    expect(messages).toHaveLength(1);
    const kept = await summaries.get('mk-scan', 1);
    expect(kept?.summary.floor).toEqual([
      expect.objectContaining({ source: 'transcript', attendees: 2, totalS: 12 }),
      expect.objectContaining({
        source: 'microphone',
        attendees: 3,
        distributionS: [180, 120, 60],
      }),
    ]);

    // Every table and queue in the account, and every message the looks passed through.
    const stored = [...messages];
    const tables = TableServiceClient.fromConnectionString(azurite.connectionString, {
      allowInsecureConnection: true,
    });
    for await (const table of tables.listTables()) {
      const client = TableClient.fromConnectionString(azurite.connectionString, table.name ?? '', {
        allowInsecureConnection: true,
      });
      for await (const entity of client.listEntities()) {
        // Summaries are gzip JSON in binary chunks: the scan reads what is really stored.
        const parts = Object.entries(entity).sort(([a], [b]) =>
          a.localeCompare(b, 'en', { numeric: true }),
        );
        const binary = Buffer.concat(
          parts.map(([, value]) => value).filter((value) => value instanceof Uint8Array),
        );
        stored.push(
          JSON.stringify(parts) + (binary.length > 0 ? gunzipSync(binary).toString('utf8') : ''),
        );
      }
    }
    const queues = queueServiceFromConnectionString(azurite.connectionString);
    for await (const item of queues.listQueues()) {
      const peeked = await queues.getQueueClient(item.name).peekMessages({ numberOfMessages: 32 });
      for (const message of peeked.peekedMessageItems)
        stored.push(Buffer.from(message.messageText, 'base64').toString('utf8'));
    }
    const everything = stored.join('\n');
    expect(everything).toContain('"source":"microphone"');
    const raw = [
      ...NAMES,
      ...IDS,
      'fabrikam',
      'Quarterly',
      'Looks fine',
      'WEBVTT',
      '-->',
      '<v',
      'c9b6db1c',
    ];
    expect(raw.filter((text) => everything.includes(text))).toEqual([]);
    expect(graph.violations).toEqual([]);
  });
});
