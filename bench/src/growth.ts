// Cost as the meeting grows: the same commands in meetings of 20, 300 and 1 000 people, counting
// the bytes each command writes to Table Storage (request bodies, as sent) and the requests it
// makes. Beside each figure: the same commands against a host that writes the whole state with
// every commit (the layout before decision 011), run at the same time on its own host.
import { growMeeting, playCycles, type GrowthDriver } from '../../tests/support/meeting-growth.js';
import { difference, type ApiHost } from './api.js';
import { command, open, signIn, type Person } from './client.js';
import { attendees } from './crowd.js';
import type { Figure, Section } from './report.js';
import { mapLimit, median, percentile, round } from './stats.js';

/** A cycle of five commands takes at least this long, so nobody nears a rate limit. */
const CYCLE_MS = 150;

interface Run {
  readonly commands: number;
  readonly bytesWritten: number;
  readonly bytesRead: number;
  readonly requests: number;
  readonly requestsByKind: Record<string, number>;
  readonly commits: number;
  readonly latencyMs: { p50: number; p95: number };
}

/** One meeting of `people.length` people (tests/support/meeting-growth.ts), then `cycles` cycles. */
async function run(
  host: ApiHost,
  people: readonly Person[],
  cycles: number,
  meetingId: string,
): Promise<Run> {
  const organiser = await signIn(host.url, `Growth Host ${people.length}`, 'organizer');
  const latencies: number[] = [];
  const driver: GrowthDriver<Person> = {
    arrive: async (person) => (await open(host.url, meetingId, person)).you.participantId,
    send: async (person, body) => {
      const sent = await command(host.url, meetingId, person, body);
      if (sent.status !== 200 || sent.view === null) {
        throw new Error(`${body.type} by ${person.name} answered ${sent.status}.`);
      }
      latencies.push(sent.latencyMs);
      return sent.view;
    },
  };
  const meeting = await growMeeting(driver, organiser, people, (items, work) =>
    mapLimit(items, 32, work),
  );
  latencies.length = 0;
  const before = await host.stats();
  const commands = await playCycles(driver, meeting, cycles, CYCLE_MS);
  const counted = difference(before, await host.stats());
  return {
    commands,
    bytesWritten: counted.bytesWritten,
    bytesRead: counted.bytesRead,
    requests: counted.totalRequests,
    requestsByKind: counted.requests,
    commits: counted.commits,
    latencyMs: { p50: round(median(latencies), 1), p95: round(percentile(latencies, 95), 1) },
  };
}

export async function growth(
  hosts: { layout: ApiHost; wholeState: ApiHost },
  options: { sizes: readonly number[]; cycles: number; runId: string },
): Promise<Section> {
  const largest = Math.max(...options.sizes);
  const people = await attendees(hosts.layout, 'Growth', largest);
  const runs: { size: number; layout: Run; wholeState: Run }[] = [];
  for (const size of options.sizes) {
    // Both layouts at once, each on its own host: the figures are counts, not times.
    const meeting = (kind: 'layout' | 'wholeState') =>
      run(
        hosts[kind],
        people.slice(0, size),
        options.cycles,
        `bench-growth-${size}-${kind}-${options.runId}`,
      );
    const [layout, wholeState] = await Promise.all([meeting('layout'), meeting('wholeState')]);
    runs.push({ size, layout, wholeState });
  }
  const perCommand = (r: Run, pick: (r: Run) => number) => pick(r) / r.commands;
  const bytes = (r: Run) => perCommand(r, (x) => x.bytesWritten);
  const smallest = runs[0];
  const biggest = runs[runs.length - 1];
  const figures: Figure[] = runs.flatMap(({ size, layout, wholeState }): Figure[] => [
    {
      id: `growth.bytesPerCommand.${size}`,
      label: `Bytes written per command, ${size} people`,
      unit: 'B',
      value: bytes(layout),
      target: null,
      baseline: { value: bytes(wholeState), label: 'whole state per commit' },
    },
    {
      id: `growth.requestsPerCommand.${size}`,
      label: `Table Storage requests per command, ${size} people`,
      unit: '',
      value: perCommand(layout, (x) => x.requests),
      target: { op: '<=', value: 2 },
      baseline: {
        value: perCommand(wholeState, (x) => x.requests),
        label: 'whole state per commit',
      },
    },
  ]);
  if (smallest !== undefined && biggest !== undefined) {
    figures.push({
      id: 'growth.bytesRatio',
      label: `Bytes per command, ${biggest.size} ÷ ${smallest.size} people`,
      unit: '×',
      value: bytes(biggest.layout) / bytes(smallest.layout),
      target: { op: '<=', value: 3 },
      baseline: {
        value: bytes(biggest.wholeState) / bytes(smallest.wholeState),
        label: 'whole state per commit',
      },
    });
  }
  return {
    name: 'Cost as the meeting grows',
    figures,
    details: {
      cycles: options.cycles,
      commandsPerRun: runs[0]?.layout.commands,
      script:
        'tests/support/meeting-growth.ts: a tenth wait; per cycle a join, a thank-you, next (the organiser or one of three co-hosts), the joiner leaves, the last speaker joins again',
      bytes: 'request bodies sent to Table Storage (transactions as sent, base64 binary included)',
      runs: runs.map(({ size, layout, wholeState }) => ({
        size,
        layout: { ...layout, bytesReadPerCommand: round(layout.bytesRead / layout.commands, 0) },
        wholeState: {
          ...wholeState,
          bytesReadPerCommand: round(wholeState.bytesRead / wholeState.commands, 0),
        },
      })),
    },
  };
}
