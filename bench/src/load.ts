// Many meetings at once: M meetings of P people, each person with a live stream open (as every
// side panel has), acting on what they see for a fixed time: the host moves the queue on, people
// join, leave, finish their turn and thank the speaker. Closed loop: after each answer a person
// thinks 2–8 s — a very busy meeting, several times livelier than a real one, and well under the
// rate limit (30 commands per 10 s). Then the same people again with no think time at all: what
// one API instance can take on the machine the benchmark runs on (the throughput baseline).
import type { ApiHost } from './api.js';
import { liveUrl, open, resends, signInAll } from './client.js';
import { LiveStream, quiet } from './live.js';
import { drive, summary } from './load-drive.js';
import type { Member } from './meeting-member.js';
import type { Section } from './report.js';
import { mapLimit, median, percentile, round } from './stats.js';

const BUSY_THINK_MS = [2_000, 8_000] as const;

export async function manyMeetings(
  host: ApiHost,
  options: {
    meetings: number;
    people: number;
    seconds: number;
    capacitySeconds: number;
    runId: string;
    idleLatenciesMs: readonly number[];
    pids: Readonly<Record<string, number | null>>;
  },
): Promise<Section> {
  const specs = Array.from({ length: options.meetings * options.people }, (_, i) => ({
    name: `Load ${Math.floor(i / options.people) + 1}.${(i % options.people) + 1}`,
    role: i % options.people === 0 ? ('organizer' as const) : ('attendee' as const),
  }));
  const people = await signInAll(host.url, specs);
  const members = await mapLimit(people, 32, async (person, i): Promise<Member> => {
    const meetingId = `bench-load-${Math.floor(i / options.people) + 1}-${options.runId}`;
    const view = await open(host.url, meetingId, person);
    const stream = await LiveStream.open(await liveUrl(host.url, meetingId, person));
    return {
      person,
      meetingId,
      participantId: view.you.participantId,
      isHost: person.role === 'organizer',
      stream,
      latest: view,
      thanked: new Set(),
    };
  });
  try {
    await quiet(
      members.map((m) => m.stream),
      500,
    );
    const resendsBefore = resends.staleConnection;
    const paced = await drive(host, members, options.seconds, BUSY_THINK_MS, 1, options.pids);
    const staleResends = resends.staleConnection - resendsBefore;
    await quiet(
      members.map((m) => m.stream),
      500,
    );
    const saturated = await drive(host, members, options.capacitySeconds, [0, 0], 2, options.pids);
    const busy = summary(paced);
    const capacity = summary(saturated);
    const name = `${options.meetings} × ${options.people}`;
    return {
      name: 'Many meetings',
      figures: [
        {
          id: 'load.commandsPerSecond',
          label: `${options.meetings} meetings × ${options.people} people, ${options.seconds} s: throughput`,
          unit: 'commands/s',
          value: busy.answered / options.seconds,
          target: null,
          baseline: { value: capacity.answered / options.capacitySeconds, label: 'no think time' },
        },
        {
          id: 'load.p95Ms',
          label: `${name}: command latency p95 (median of 5-s windows)`,
          unit: 'ms',
          value: median(busy.p95ByFiveSecondsMs),
          target: null,
          baseline: { value: percentile(options.idleLatenciesMs, 95), label: 'one person, idle' },
          runs: busy.p95ByFiveSecondsMs,
        },
        {
          id: 'load.errors',
          label: `${name}: errors (5xx, 429, timeouts, resets)`,
          unit: '',
          value: busy.errors,
          target: { op: '==', value: 0 },
          baseline: { value: capacity.errors, label: 'no think time' },
        },
        {
          id: 'load.requestsPerCommand',
          label: `${name}: Table Storage requests per command`,
          unit: '',
          value: paced.storage.totalRequests / Math.max(1, paced.sent.length),
          target: { op: '<=', value: 2 },
          baseline: {
            value: saturated.storage.totalRequests / Math.max(1, saturated.sent.length),
            label: 'no think time',
          },
        },
      ],
      details: {
        meetings: options.meetings,
        peoplePerMeeting: options.people,
        liveStreams: members.length,
        thinkMs: BUSY_THINK_MS,
        offeredCommandsPerSecond: round(paced.offeredPerSecond, 0),
        staleConnectionResends: staleResends,
        busy: { seconds: options.seconds, ...busy },
        noThinkTime: { seconds: options.capacitySeconds, ...capacity },
      },
    };
  } finally {
    for (const member of members) member.stream.close();
  }
}
