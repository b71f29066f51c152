// Awaited broadcasts: in Azure Functions, work still running after a handler returns may never
// finish, so a command's answer now waits (within a bound) until everyone watching has been told.
// This measures what that costs: the host's command round trip with N live subscribers, against
// a host that answers before broadcasting (as the API did before), command by command in turn.
import type { PublicCommand } from '@roundtable/core';
import type { ApiHost } from './api.js';
import { command, signIn, type Person } from './client.js';
import { attendees, gatherCrowd } from './crowd.js';
import { quiet } from './live.js';
import type { Section } from './report.js';
import { median, percentile, round, sleep } from './stats.js';

const COMMANDS: readonly PublicCommand[] = [
  { type: 'lock' },
  { type: 'unlock' },
  { type: 'setTimebox', seconds: 120 },
  { type: 'setTimebox', seconds: null },
];
/** Under the rate limit (30 commands per 10 s per person per meeting). */
const PACE_MS = 400;

async function audience(
  host: ApiHost,
  meetingId: string,
  people: readonly Person[],
  waiting: number,
) {
  const organiser = await signIn(host.url, `Announcing Host ${people.length}`, 'organizer');
  const crowd = await gatherCrowd(host, { meetingId, organiser, people, waiting });
  return { organiser, streams: crowd.streams };
}

export async function awaitedBroadcasts(
  hosts: { awaited: ApiHost; background: ApiHost },
  options: { key: string; subscribers: number; waiting: number; commands: number; runId: string },
): Promise<Section> {
  const n = options.subscribers;
  const meetingId = `bench-${options.key}-${options.runId}`;
  // Both hosts share the local secret, so one sign-in serves both.
  const people = await attendees(hosts.awaited, `Announced ${n}`, n);
  const awaited = await audience(hosts.awaited, meetingId, people, options.waiting);
  const background = await audience(hosts.background, meetingId, people, options.waiting);
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
      id: `${options.key}.p${p}`,
      label: `Command round trip p${p}, broadcast to ${n} awaited`,
      unit: 'ms',
      value: p === 50 ? median(times.awaited) : percentile(times.awaited, p),
      target: null,
      baseline: {
        value: p === 50 ? median(times.background) : percentile(times.background, p),
        label: 'answered before broadcasting',
      },
    });
    return {
      name: `Awaited broadcasts, ${n} subscribers`,
      figures: [figure(50), figure(95)],
      details: {
        subscribers: n,
        waiting: options.waiting,
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
