// Awaited broadcasts: in Azure Functions, work still running after a handler returns may never
// finish, so a command's answer now waits (within a bound) until everyone watching has been told.
// This measures what that costs: the host's command round trip with N live subscribers, against
// a host that answers before broadcasting (as the API did before), command by command in turn.
import type { PublicCommand } from '@roundtable/core';
import type { ApiHost } from './api.js';
import { command, liveUrl, open, signIn, signInAll } from './client.js';
import { LiveStream, quiet } from './live.js';
import type { Section } from './report.js';
import { mapLimit, median, percentile, round, sleep } from './stats.js';

const COMMANDS: readonly PublicCommand[] = [
  { type: 'lock' },
  { type: 'unlock' },
  { type: 'setTimebox', seconds: 120 },
  { type: 'setTimebox', seconds: null },
];
/** Under the rate limit (30 commands per 10 s per person per meeting). */
const PACE_MS = 400;

async function audience(host: ApiHost, meetingId: string, subscribers: number) {
  const organiser = await signIn(host.url, 'Announcing Host', 'organizer');
  await open(host.url, meetingId, organiser);
  const people = await signInAll(
    host.url,
    Array.from({ length: subscribers }, (_, i) => ({
      name: `Announced ${i + 1}`,
      role: 'attendee' as const,
    })),
  );
  const streams = await mapLimit(people, 16, async (person) =>
    LiveStream.open(await liveUrl(host.url, meetingId, person)),
  );
  return { organiser, streams };
}

export async function awaitedBroadcasts(
  hosts: { awaited: ApiHost; background: ApiHost },
  options: { subscribers: number; commands: number; runId: string },
): Promise<Section> {
  const meetingId = `bench-announce-${options.runId}`;
  const awaited = await audience(hosts.awaited, meetingId, options.subscribers);
  const background = await audience(hosts.background, meetingId, options.subscribers);
  const streams = [...awaited.streams, ...background.streams];
  try {
    await quiet(streams, 500);
    const times = { awaited: [] as number[], background: [] as number[] };
    let refused = 0;
    for (let i = 0; i < options.commands; i++) {
      const body = COMMANDS[i % COMMANDS.length] ?? { type: 'lock' };
      for (const [kind, host, side] of [
        ['awaited', hosts.awaited, awaited],
        ['background', hosts.background, background],
      ] as const) {
        const sent = await command(host.url, meetingId, side.organiser, body);
        if (sent.status === 200) times[kind].push(sent.latencyMs);
        else refused += 1;
        await sleep(PACE_MS);
      }
    }
    const figure = (p: number) => ({
      id: `announce.p${p}`,
      label: `Command round trip p${p}, broadcast to ${options.subscribers} awaited`,
      unit: 'ms',
      value: p === 50 ? median(times.awaited) : percentile(times.awaited, p),
      target: null,
      baseline: {
        value: p === 50 ? median(times.background) : percentile(times.background, p),
        label: 'answered before broadcasting',
      },
    });
    return {
      name: 'Awaited broadcasts',
      figures: [figure(50), figure(95)],
      details: {
        subscribers: options.subscribers,
        commands: options.commands,
        refusedHostCommands: refused,
        awaitedMs: times.awaited.map((ms) => round(ms, 1)),
        backgroundMs: times.background.map((ms) => round(ms, 1)),
      },
    };
  } finally {
    for (const stream of streams) stream.close();
  }
}
