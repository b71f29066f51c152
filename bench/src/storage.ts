// Table Storage requests per command on the common path: one person in a meeting the instance
// already holds, sending commands one after another (no coalescing can help). Counted at the HTTP
// level against Azurite; the in-memory store's operation count for the same commands, run in this
// process through the same MeetingService, shows what the application asks of its store.
// Fewer than 30 commands in all: one person stays within the rate limit (30 per 10 s).
import { randomUUID } from 'node:crypto';
import type { PublicCommand } from '@roundtable/core';
import { LiveTickets } from '@roundtable/api/adapters/local/live-tickets.js';
import { HmacPseudonymiser } from '@roundtable/api/adapters/hmac-pseudonymiser.js';
import { LocalRoleDirectory } from '@roundtable/api/adapters/local/local-role-directory.js';
import { MemoryMeetingStore } from '@roundtable/api/adapters/memory/memory-meeting-store.js';
import { SseHub } from '@roundtable/api/adapters/local/sse-hub.js';
import { MeetingService } from '@roundtable/api/application/meeting-service.js';
import { RateLimiter } from '@roundtable/api/application/rate-limiter.js';
import { difference, storageLatency, type ApiHost } from './api.js';
import { call, command, signIn } from './client.js';
import type { Section } from './report.js';
import { percentile, round, sleep } from './stats.js';

/** Join and leave in turn: each changes the meeting, so each is a real commit. */
const commandAt = (i: number): PublicCommand =>
  i % 2 === 0 ? { type: 'join', kind: 'point' } : { type: 'leave', kind: 'point' };

async function inMemoryOperations(count: number, secret: string): Promise<number> {
  const store = new MemoryMeetingStore();
  const clock = () => Date.now();
  const service = new MeetingService({
    store,
    roles: new LocalRoleDirectory(),
    broadcaster: new SseHub(new LiveTickets(secret), clock),
    endQueue: null,
    pseudonyms: new HmacPseudonymiser(secret),
    clock,
    random: Math.random,
    settings: {},
    // In process there is no person to pace: a limit this size never applies.
    rateLimiter: new RateLimiter({ capacity: 100_000, windowMs: 1_000 }),
  });
  const caller = {
    tenantId: 'bench',
    userId: 'sam',
    displayName: 'Sam',
    localRole: 'attendee' as const,
  };
  await service.view('bench-memory', caller);
  const before = store.operations;
  for (let i = 0; i < count; i++) {
    await service.execute('bench-memory', caller, { ...commandAt(i), id: randomUUID() });
  }
  return (store.operations - before) / count;
}

export interface StorageResult {
  readonly section: Section;
  /** One person's command round trips in an otherwise idle meeting: a baseline for load. */
  readonly idleLatenciesMs: number[];
}

export async function storageCost(
  host: ApiHost,
  options: { commands: number; meetingId: string; secret: string },
): Promise<StorageResult> {
  const person = await signIn(host.url, 'Storage Sam', 'attendee');
  // The first command opens the session (a view never does) and brings the meeting into the cache.
  await command(host.url, options.meetingId, person, commandAt(0));
  await command(host.url, options.meetingId, person, commandAt(1));
  const before = await host.stats();
  const latencies: number[] = [];
  let failures = 0;
  for (let i = 0; i < options.commands; i++) {
    const sent = await command(host.url, options.meetingId, person, commandAt(i));
    if (sent.status !== 200) failures += 1;
    latencies.push(sent.latencyMs);
    await sleep(50);
  }
  const commands = difference(before, await host.stats());
  // A read is served from the instance's copy for a second; after that it reloads the meeting.
  const reads = 3;
  const beforeReads = await host.stats();
  for (let i = 0; i < reads; i++) {
    await sleep(1_050);
    await call(host.url, 'GET', `/api/meetings/${encodeURIComponent(options.meetingId)}`, {
      token: person.token,
    });
  }
  const afterReads = difference(beforeReads, await host.stats());
  const memory = await inMemoryOperations(options.commands, options.secret);
  if (failures > 0) throw new Error(`${failures} of the sequential commands did not answer 200.`);
  return {
    idleLatenciesMs: latencies,
    section: {
      name: 'Storage cost',
      figures: [
        {
          id: 'storage.requestsPerCommand',
          label: 'Table Storage requests per command (common path)',
          unit: '',
          value: commands.totalRequests / options.commands,
          target: { op: '<=', value: 2 },
          baseline: { value: memory, label: 'in-memory store operations' },
        },
      ],
      details: {
        commands: options.commands,
        requestsByKind: commands.requests,
        commits: commands.commits,
        storageRequestMs: storageLatency(commands.storageMs),
        conflicts: commands.conflicts,
        readsAfterCacheExpiry: reads,
        requestsPerRead: afterReads.totalRequests / reads,
        idleCommandLatencyMs: {
          p50: round(percentile(latencies, 50), 1),
          p95: round(percentile(latencies, 95), 1),
        },
      },
    },
  };
}
