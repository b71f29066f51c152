// `npm run bench`: every benchmark, one table, bench/results/latest.json, and a non-zero exit when
// a target is missed. `--quick` runs a smaller smoke version (results in quick.json); `--only=`
// picks sections (summary, bundle, storage, live, live1000, announce, announce1000, burst,
// burst1000, load, growth, memory, tti; results in partial.json).
import { randomBytes } from 'node:crypto';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { MAX_BATCH } from '@roundtable/api/application/commit/meeting-committer.js';
import { awaitedBroadcasts } from './announce.js';
import { startApiHost, type ApiHost } from './api.js';
import { burst } from './burst.js';
import { startFloor } from './floor.js';
import { growth } from './growth.js';
import { liveLatency } from './latency.js';
import { memory } from './memory.js';
import { manyMeetings } from './load.js';
import { coresUsed } from './cpu.js';
import { ROOT, startAzurite, stopAll, type Azurite } from './processes.js';
import { failed, table, writeResults, type Section } from './report.js';
import { buildTab, bundleSize, type TabBuild } from './side-panel.js';
import { now } from './stats.js';
import { storageCost } from './storage.js';
import { summaryBench } from './summary-bench.js';
import { sizes } from './sizes.js';
import { timeToInteractive } from './tti.js';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const onlyArg = args.find((arg) => arg.startsWith('--only='))?.slice('--only='.length);
const only = onlyArg === undefined ? null : new Set(onlyArg.split(','));
const wanted = (name: string) => only === null || only.has(name);

const SIZE = sizes(quick);

/** The table's order: the list. */
const ORDER = [
  'live',
  'live1000',
  'announce',
  'announce1000',
  'burst',
  'burst1000',
  'load',
  'growth',
  'memory',
  'summary',
  'bundle',
  'tti',
  'storage',
  'stack',
];
const results: { key: string; section: Section }[] = [];

const progress = (line: string) => {
  process.stderr.write(`bench: ${line}\n`);
};

/** The processes whose CPU time each section reports beside its figures. */
const watched: Record<string, number | null> = {};

async function attempt(key: string, name: string, work: () => Promise<Section> | Section) {
  const started = now();
  progress(`${name}…`);
  try {
    const { result, cores } = await coresUsed(watched, async () => work());
    results.push({ key, section: { ...result, details: { ...result.details, coresBusy: cores } } });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    results.push({ key, section: { name, figures: [], details: {}, error: message } });
  }
  progress(`${name}: ${((now() - started) / 1000).toFixed(1)} s`);
}

interface Stack {
  readonly azurite: Azurite;
  /** Commands coalesced per meeting (batches of up to 90), as deployed. */
  readonly coalesced: ApiHost;
  /** The same host with batches of one: coalescing off, the burst's baseline. */
  readonly baseline: ApiHost;
}

async function startStack(secret: string): Promise<Stack | null> {
  let stack: Stack | null = null;
  await attempt('stack', 'Azurite and two API hosts (batch 90 and batch 1)', async () => {
    const azurite = await startAzurite();
    const coalesced = await startApiHost(azurite, {
      maxBatch: MAX_BATCH,
      tableName: 'benchcoalesced',
      secret,
    });
    const baseline = await startApiHost(azurite, {
      maxBatch: 1,
      tableName: 'benchbaseline',
      secret,
    });
    stack = { azurite, coalesced, baseline };
    Object.assign(watched, {
      api: coalesced.pid,
      apiBatchOfOne: baseline.pid,
      azurite: azurite.pid,
    });
    return { name: 'Local stack', figures: [], details: {} };
  });
  return stack;
}

async function measure(runId: string, secret: string): Promise<void> {
  if (wanted('summary')) {
    await attempt('summary', 'Summary and replay', () => summaryBench({ runs: SIZE.summaryRuns }));
  }
  let tab: TabBuild | null = null;
  if (wanted('bundle') || wanted('tti')) {
    progress('building the tab…');
    tab = await buildTab().catch((error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      results.push({
        key: 'bundle',
        section: { name: 'Side panel build', figures: [], details: {}, error: message },
      });
      return null;
    });
  }
  let scripts: string[] | null = null;
  const apiSections = [
    ...['storage', 'live', 'live1000', 'announce', 'announce1000'],
    ...['burst', 'burst1000', 'load'],
  ];
  if ([...apiSections, 'growth', 'memory', 'tti'].some(wanted)) {
    const stack = await startStack(secret);
    if (stack === null) return;
    const { azurite, coalesced, baseline } = stack;
    /** Another API host on the same Azurite, for one section (stopped by the section). */
    const extraHost = (
      tableName: string,
      options: Partial<Parameters<typeof startApiHost>[1]> = {},
    ) => startApiHost(azurite, { maxBatch: MAX_BATCH, tableName, secret, ...options });
    let idle: number[] = [];
    if (wanted('storage') || wanted('load')) {
      await attempt('storage', 'Storage cost', async () => {
        const meetingId = `bench-storage-${runId}`;
        const result = await storageCost(coalesced, {
          commands: SIZE.storageCommands,
          meetingId,
          secret,
        });
        idle = result.idleLatenciesMs;
        return result.section;
      });
    }
    const live = [
      ['live', SIZE.subscribers, true, null],
      ['live1000', SIZE.largeMeeting, true, 3],
    ] as const;
    // The floor's own process, started first so each live section counts its CPU too.
    const floor = live.some(([key]) => wanted(key))
      ? await startFloor().catch((error: unknown) => error as Error)
      : null;
    if (floor !== null && !(floor instanceof Error)) watched.floor = floor.pid;
    for (const [key, subscribers, single, target] of live) {
      if (!wanted(key) || floor === null) continue;
      await attempt(key, `Live latency, ${subscribers} subscribers`, () => {
        if (floor instanceof Error) throw floor;
        return liveLatency(coalesced, floor, {
          subscribers,
          waiting: SIZE.liveWaiting,
          rounds: SIZE.liveRounds,
          commandsPerRound: SIZE.liveCommands,
          runId,
          single,
          floorRatioTarget: target,
        });
      });
    }
    if (floor !== null && !(floor instanceof Error)) await floor.stop();
    for (const [key, subscribers, commands] of [
      ['announce', SIZE.subscribers, SIZE.liveCommands * 2],
      ['announce1000', SIZE.largeMeeting, SIZE.liveCommands * 2],
    ] as const) {
      if (!wanted(key)) continue;
      await attempt(key, `Awaited broadcasts, ${subscribers} subscribers`, async () => {
        // Another host for this section only: the same, but answering before it broadcasts.
        const background = await extraHost(`benchbackground${subscribers}`, {
          announce: 'background',
        });
        try {
          return await awaitedBroadcasts(
            { awaited: coalesced, background },
            { key, subscribers, waiting: SIZE.liveWaiting, commands, runId },
          );
        } finally {
          await background.stop();
        }
      });
    }
    for (const [key, people, rounds] of [
      ['burst', SIZE.burstPeople, SIZE.burstRounds],
      ['burst1000', SIZE.largeMeeting, SIZE.burstRounds],
    ] as const) {
      if (!wanted(key)) continue;
      await attempt(key, `Burst of ${people}`, () =>
        burst({ coalesced, baseline }, { key, people, rounds, runId: `${key}-${runId}` }),
      );
    }
    if (wanted('load')) {
      await attempt('load', 'Many meetings', () =>
        manyMeetings(coalesced, {
          meetings: SIZE.meetings,
          people: SIZE.people,
          seconds: SIZE.seconds,
          capacitySeconds: SIZE.capacitySeconds,
          runId,
          idleLatenciesMs: idle,
          pids: { api: coalesced.pid, azurite: azurite.pid },
        }),
      );
    }
    if (wanted('growth')) {
      await attempt('growth', 'Cost as the meeting grows', async () => {
        const layout = await extraHost('benchgrowth');
        const wholeState = await extraHost('benchgrowthwhole', { inlineStateBytes: Infinity });
        try {
          return await growth(
            { layout, wholeState },
            { sizes: SIZE.growthSizes, cycles: SIZE.growthCycles, runId },
          );
        } finally {
          await Promise.all([layout.stop(), wholeState.stop()]);
        }
      });
    }
    if (wanted('memory')) {
      await attempt('memory', 'Memory of the API process', () =>
        memory(() => extraHost(`benchmemory${Math.random().toString(36).slice(2, 8)}`), {
          small: { meetings: SIZE.meetings, people: SIZE.people },
          large: SIZE.largeMeeting,
          runId,
        }),
      );
    }
    const built = tab;
    if (wanted('tti') && built !== null) {
      await attempt('tti', 'Side panel time to interactive', async () => {
        const measured = await timeToInteractive(built, coalesced.url, {
          loads: SIZE.loads,
          meetingId: `bench-tti-${runId}`,
        });
        scripts = measured.scripts;
        return measured.section;
      });
    }
  }
  const built = tab;
  if (wanted('bundle') && built !== null) {
    await attempt('bundle', 'Side panel bundle', () => bundleSize(built, scripts));
  }
}

async function main(): Promise<number> {
  const startedAt = new Date();
  const started = now();
  const runId = startedAt.getTime().toString(36);
  // A fresh secret per run: meeting keys, pseudonyms and tokens of this run only.
  const secret = randomBytes(32).toString('hex');
  let noise: Record<string, number>;
  try {
    noise = (await coresUsed({}, () => measure(runId, secret))).cores;
  } finally {
    await stopAll();
  }
  const seconds = (now() - started) / 1000;
  const sections = results
    .sort((a, b) => ORDER.indexOf(a.key) - ORDER.indexOf(b.key))
    .map((result) => result.section);
  const file = only !== null ? 'partial.json' : quick ? 'quick.json' : 'latest.json';
  const path = join(ROOT, 'bench/results', file);
  await writeResults(path, sections, { quick, startedAt, seconds, coresBusy: noise });
  console.log(`\n${table(sections)}\n`);
  console.log(
    `Other work on this ${cpus().length}-core machine kept ${(noise.others ?? Number.NaN).toFixed(1)} cores busy on average during the run (per section: coresBusy in the JSON).`,
  );
  console.log(
    `${quick ? 'Quick smoke run' : only !== null ? 'Partial run' : 'Full run'} in ${seconds.toFixed(0)} s; results in ${path}`,
  );
  const misses = failed(sections);
  if (misses.length > 0) console.log(`Missed: ${misses.join('; ')}`);
  return misses.length > 0 ? 1 : 0;
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    progress(`${signal}: stopping everything the benchmark started`);
    void stopAll().then(() => process.exit(130));
  });
}

void main()
  .catch((error: unknown) => {
    console.error(
      `bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
    return 1;
  })
  // Kept-alive sockets and timers of the simulated people must not hold the process open.
  .then((code) => process.exit(code));
