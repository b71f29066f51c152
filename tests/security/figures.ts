// Counts what the security suite tried, so every run ends with figures a person can quote: one line
// per test file, and one line for the whole suite once every file of this run has reported.
import { afterAll, it } from '@jest/globals';
import { mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const FILES = [
  'authorisation',
  'abuse',
  'browser',
  'fuzz-handlers',
  'http-host',
  'hostile-input',
  'review',
  'tokens',
];

// Jest reads `testTimeout` from the global configuration only, so each test names its own.
const DEFAULT_TIMEOUT_MS = 30_000;

interface Figures {
  /** Cases tried per fuzz property. */
  readonly cases: Record<string, number>;
  /** Of those, how many the API accepted (2xx): proof the fuzzing reached past validation. */
  readonly accepted: Record<string, number>;
  attacks: number;
  failures: number;
}

// Jest runs files in child processes of one parent (or in the parent itself with --runInBand).
const runId = String(process.send === undefined ? process.pid : process.ppid);
const figuresDirectory = join(import.meta.dirname, '../../.roundtable/security-figures');
const runDirectory = join(figuresDirectory, runId);
const STALE_MS = 60 * 60_000;

export function figuresFor(file: (typeof FILES)[number]) {
  const figures: Figures = { cases: {}, accepted: {}, attacks: 0, failures: 0 };

  afterAll(() => {
    const fuzzed = Object.entries(figures.cases).map(
      ([name, runs]) => `${name} ${runs} (${figures.accepted[name] ?? 0} accepted)`,
    );
    const line = [
      fuzzed.length > 0 ? `fuzz cases: ${fuzzed.join(', ')}` : '',
      `attacks: ${figures.attacks}`,
      `failures: ${figures.failures}`,
    ].filter((part) => part !== '');
    process.stdout.write(`\nsecurity/${file}: ${line.join('; ')}\n`);
    mkdirSync(runDirectory, { recursive: true });
    forgetOldRuns();
    writeFileSync(join(runDirectory, `${file}.json`), JSON.stringify(figures));
    const reported = readdirSync(runDirectory).filter((name) => name.endsWith('.json'));
    if (reported.length === FILES.length) process.stdout.write(`${suiteLine(reported)}\n`);
  });

  return {
    /** A test that counts as one attack (or `count` attacks) when it passes, a failure when not. */
    attack(
      name: string,
      work: () => Promise<void>,
      { count = 1, timeout }: { count?: number; timeout?: number } = {},
    ): void {
      // Counted as failed from the start, so a test that times out is counted too.
      const test = async () => {
        figures.failures += 1;
        await work();
        figures.failures -= 1;
        figures.attacks += count;
      };
      it(name, test, timeout ?? DEFAULT_TIMEOUT_MS);
    },
    /** Counts one case of a fuzz property (called by the property as it runs). */
    tried(name: string, status: number): void {
      figures.cases[name] = (figures.cases[name] ?? 0) + 1;
      if (status >= 200 && status < 300) figures.accepted[name] = (figures.accepted[name] ?? 0) + 1;
    },
  };
}

function suiteLine(files: readonly string[]): string {
  const cases: Record<string, number> = {};
  let attacks = 0;
  let failures = 0;
  for (const name of files) {
    const figures = JSON.parse(readFileSync(join(runDirectory, name), 'utf8')) as Figures;
    for (const [property, runs] of Object.entries(figures.cases)) cases[property] = runs;
    attacks += figures.attacks;
    failures += figures.failures;
  }
  const total = Object.values(cases).reduce((sum, runs) => sum + runs, 0);
  const each = Object.entries(cases).map(([property, runs]) => `${property} ${runs}`);
  return `security suite: ${total} fuzz cases (${each.join(', ')}), ${attacks} attacks, ${failures} failures`;
}

function forgetOldRuns(): void {
  for (const name of readdirSync(figuresDirectory, { withFileTypes: true })) {
    const path = join(figuresDirectory, name.name);
    if (name.isDirectory() && Date.now() - statSync(path).mtimeMs > STALE_MS) {
      rmSync(path, { recursive: true, force: true });
    }
  }
}
