// `npm run bench`: every benchmark, one table, bench/results/latest.json, and a non-zero exit when
// a target is missed. `--quick` runs a smaller smoke version (results in quick.json); `--only=`
// picks sections (summary, bundle, storage, live, announce, burst, load, tti; results in
// partial.json).
import { randomBytes } from 'node:crypto';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { MAX_BATCH } from '@roundtable/api/application/commit/meeting-committer.js';
import { awaitedBroadcasts } from './announce.js';
import { startApiHost, type ApiHost } from './api.js';
import { burst } from './burst.js';
import { liveLatency } from './latency.js';
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
const ORDER = ['live', 'announce', 'burst', 'load', 'summary', 'bundle', 'tti', 'storage', 'stack'];
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
  if (['storage', 'live', 'announce', 'burst', 'load', 'tti'].some(wanted)) {
    const stack = await startStack(secret);
    if (stack === null) return;
    const { azurite, coalesced, baseline } = stack;
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
    if (wanted('live')) {
      await attempt('live', 'Live latency', () =>
        liveLatency(coalesced, {
          subscribers: SIZE.subscribers,
          rounds: SIZE.liveRounds,
          commandsPerRound: SIZE.liveCommands,
          runId,
        }),
      );
    }
    if (wanted('announce')) {
      await attempt('announce', 'Awaited broadcasts', async () => {
        // A third host for this section only: the same, but answering before it broadcasts.
        const background = await startApiHost(azurite, {
          maxBatch: MAX_BATCH,
          announce: 'background',
          tableName: 'benchbackground',
          secret,
        });
        try {
          return await awaitedBroadcasts(
            { awaited: coalesced, background },
            { subscribers: SIZE.subscribers, commands: SIZE.liveCommands * 2, runId },
          );
        } finally {
          await background.stop();
        }
      });
    }
    if (wanted('burst')) {
      await attempt('burst', 'Burst', () =>
        burst(
          { coalesced, baseline },
          { people: SIZE.burstPeople, rounds: SIZE.burstRounds, runId },
        ),
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
