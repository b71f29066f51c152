// Memory of the API process: a fresh host, idle, then with 50 live meetings of 20 (everyone
// arrived, each with a live stream); another fresh host, idle, then with one live meeting of
// 1 000. Heap after a full collection, and the resident set, read inside the API process.
import type { ApiHost, HostMemory } from './api.js';
import { signIn, type Person } from './client.js';
import { attendees, gatherCrowd, type Crowd } from './crowd.js';
import type { Figure, Section } from './report.js';
import { mapLimit, round } from './stats.js';

const MB = 1024 * 1024;

interface Reading {
  readonly idle: HostMemory;
  readonly live: HostMemory;
}

async function reading(
  host: ApiHost,
  people: readonly Person[],
  meetings: number,
  size: number,
  runId: string,
): Promise<Reading> {
  const idle = await host.memory();
  const crowds: Crowd[] = [];
  try {
    await mapLimit(
      Array.from({ length: meetings }, (_, m) => m),
      5,
      async (m) => {
        const organiser = await signIn(host.url, `Memory Host ${m + 1}`, 'organizer');
        const crowd = await gatherCrowd(host, {
          meetingId: `bench-memory-${meetings}x${size}-${m + 1}-${runId}`,
          organiser,
          people: people.slice(m * size, (m + 1) * size),
          waiting: Math.max(2, Math.round(size / 10)),
        });
        crowds.push(crowd);
      },
    );
    return { idle, live: await host.memory() };
  } finally {
    for (const crowd of crowds) for (const stream of crowd.streams) stream.close();
  }
}

export async function memory(
  start: () => Promise<ApiHost>,
  options: { small: { meetings: number; people: number }; large: number; runId: string },
): Promise<Section> {
  const { small, large } = options;
  const readings: { label: string; id: string; reading: Reading }[] = [];
  let people: Person[] | null = null;
  for (const [id, meetings, size] of [
    ['many', small.meetings, small.people],
    ['one', 1, large],
  ] as const) {
    const host = await start();
    try {
      people ??= await attendees(host, 'Memory', Math.max(small.meetings * small.people, large));
      const label = `${meetings} meeting${meetings === 1 ? '' : 's'} of ${size}`;
      readings.push({
        label,
        id,
        reading: await reading(host, people, meetings, size, options.runId),
      });
    } finally {
      await host.stop();
    }
  }
  const figures: Figure[] = readings.flatMap(({ label, id, reading: r }): Figure[] => [
    {
      id: `memory.${id}.heapMB`,
      label: `API heap after GC, ${label} live`,
      unit: 'MB',
      value: r.live.heapUsed / MB,
      target: null,
      baseline: { value: r.idle.heapUsed / MB, label: 'same host idle' },
    },
    {
      id: `memory.${id}.rssMB`,
      label: `API resident memory, ${label} live`,
      unit: 'MB',
      value: r.live.rss / MB,
      target: null,
      baseline: { value: r.idle.rss / MB, label: 'same host idle' },
    },
  ]);
  return {
    name: 'Memory of the API process',
    figures,
    details: {
      scenario:
        'a fresh API host each; everyone has opened Roundtable and holds a live stream; a tenth wait in the queue',
      readings: readings.map(({ label, reading: r }) => ({
        label,
        idle: megabytes(r.idle),
        live: megabytes(r.live),
      })),
    },
  };
}

function megabytes(m: HostMemory) {
  return {
    collected: m.collected,
    heapUsedMB: round(m.heapUsed / MB, 1),
    rssMB: round(m.rss / MB, 1),
    externalMB: round(m.external / MB, 1),
    arrayBuffersMB: round(m.arrayBuffers / MB, 1),
  };
}
