// A meeting as the live sections see it: N people have opened Roundtable (each arrival recorded by
// their first read), some of them wait in the queue with a note, and each follows the meeting on
// its own server-sent events stream, as every side panel does.
import type { ApiHost } from './api.js';
import { command, liveUrl, open, signInAll, type Person } from './client.js';
import { LiveStream } from './live.js';
import { mapLimit } from './stats.js';

export interface Crowd {
  readonly meetingId: string;
  readonly people: readonly Person[];
  /** Each person's pseudonym in the session, in the order of `people`. */
  readonly ids: readonly string[];
  readonly streams: LiveStream[];
}

/** Signs in `count` attendees named `{prefix} {i}` (tokens work on every host of the run). */
export function attendees(host: ApiHost, prefix: string, count: number): Promise<Person[]> {
  return signInAll(
    host.url,
    Array.from({ length: count }, (_, i) => ({ name: `${prefix} ${i + 1}`, role: 'attendee' })),
  );
}

/**
 * Opens the meeting as its organiser (the first command opens the session), then everyone
 * arrives, the first `waiting` of them join the queue, and everyone opens a live stream.
 */
export async function gatherCrowd(
  host: ApiHost,
  options: {
    readonly meetingId: string;
    readonly organiser: Person;
    readonly people: readonly Person[];
    readonly waiting: number;
    readonly subscribe?: boolean;
  },
): Promise<Crowd> {
  const { meetingId, people } = options;
  await open(host.url, meetingId, options.organiser);
  const views = await mapLimit(people, 32, (person) => open(host.url, meetingId, person));
  await mapLimit(people.slice(0, options.waiting), 16, async (person) => {
    const sent = await command(host.url, meetingId, person, {
      type: 'join',
      kind: 'point',
      note: 'a short note',
    });
    if (sent.status !== 200) throw new Error(`Joining the queue answered ${sent.status}.`);
  });
  const streams =
    options.subscribe === false
      ? []
      : await mapLimit(people, 16, async (person) =>
          LiveStream.open(await liveUrl(host.url, meetingId, person)),
        );
  return { meetingId, people, ids: views.map((view) => view.you.participantId), streams };
}
