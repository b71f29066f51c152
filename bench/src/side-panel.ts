// The side panel as a browser gets it: a production build of the tab (the project's Vite
// configuration, into a temporary folder), the gzip size of the JavaScript its page loads before
// it can run, and its time to interactive in headless Chromium against the local API.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, type Manifest } from 'vite';
import { ROOT, register } from './processes.js';
import type { Section } from './report.js';
import { now, round } from './stats.js';

const TABS = join(ROOT, 'tabs');
const KB = 1024;

export interface TabBuild {
  readonly outDir: string;
  readonly buildMs: number;
}

export async function buildTab(): Promise<TabBuild> {
  const outDir = mkdtempSync(join(tmpdir(), 'roundtable-bench-tab-'));
  register(() => {
    rmSync(outDir, { recursive: true, force: true });
    return Promise.resolve();
  });
  const started = now();
  await build({
    root: TABS,
    configFile: join(TABS, 'vite.config.js'),
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true, manifest: true },
  });
  return { outDir, buildMs: now() - started };
}

interface Chunk {
  readonly file: string;
  readonly bytes: number;
  readonly gzipBytes: number;
}

/** The chunks reachable from an entry: static imports only, or lazy ones too. */
function reachable(manifest: Manifest, entry: string, lazy: boolean): string[] {
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    const chunk = manifest[key];
    if (chunk === undefined) throw new Error(`The build manifest has no chunk ${key}.`);
    for (const next of chunk.imports ?? []) visit(next);
    if (lazy) for (const next of chunk.dynamicImports ?? []) visit(next);
  };
  visit(entry);
  return [...seen].map((key) => manifest[key]?.file ?? key);
}

/**
 * The entry's static imports (what index.html preloads), plus anything else the browser fetched
 * before the panel was interactive (`loaded`, from the time-to-interactive loads): a chunk split
 * off but loaded at once at start-up still counts.
 */
export function bundleSize(tab: TabBuild, loaded: readonly string[] | null): Section {
  const manifest = JSON.parse(
    readFileSync(join(tab.outDir, '.vite/manifest.json'), 'utf8'),
  ) as Manifest;
  const measure = (file: string): Chunk => {
    const content = readFileSync(join(tab.outDir, file));
    return { file, bytes: content.length, gzipBytes: gzipSync(content).length };
  };
  const preloaded = reachable(manifest, 'index.html', false);
  const lazy = reachable(manifest, 'index.html', true);
  const fetchedToo = (loaded ?? []).filter((file) => !preloaded.includes(file));
  const initial = [...preloaded, ...fetchedToo].map(measure);
  const everything = [...new Set([...lazy, ...fetchedToo])].map(measure);
  const total = (chunks: readonly Chunk[]) =>
    chunks.reduce((sum, chunk) => sum + chunk.gzipBytes, 0);
  return {
    name: 'Side panel bundle',
    figures: [
      {
        id: 'panel.initialJsKb',
        label: 'Side panel initial JavaScript (gzip)',
        unit: 'KB',
        value: total(initial) / KB,
        target: { op: '<=', value: 160 },
        baseline: { value: total(everything) / KB, label: 'with its lazy chunks' },
      },
    ],
    details: {
      kb: '1 KB = 1024 bytes; gzip level 6 (zlib default)',
      buildMs: round(tab.buildMs, 0),
      counted:
        loaded === null
          ? 'static imports of index.html (no browser load measured in this run)'
          : 'static imports of index.html, plus any other JS fetched before interactive',
      fetchedBeforeInteractiveBeyondStaticImports: fetchedToo,
      initialChunks: initial,
      lazyChunks: everything.filter((chunk) => !initial.some((i) => i.file === chunk.file)),
    },
  };
}

/** A page with nothing on it, beside the build: the browser's own floor for a page load. */
export function writeBlankPage(tab: TabBuild): string {
  writeFileSync(
    join(tab.outDir, 'bench-blank.html'),
    '<!doctype html><html lang="en"><title>blank</title><p>blank</p></html>\n',
  );
  return 'bench-blank.html';
}
