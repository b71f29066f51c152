// What every benchmark produces: figures with a target and a baseline, printed as one table and
// written as JSON. A figure without a target is reported, not judged.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { round } from './stats.js';

export interface Target {
  readonly op: '<=' | '>=' | '==';
  readonly value: number;
}

export interface Figure {
  readonly id: string;
  readonly label: string;
  readonly unit: string;
  /** NaN when the measurement could not be made (that fails its target). */
  readonly value: number;
  readonly target: Target | null;
  /** The same measurement under the comparison condition, taken in the same run. */
  readonly baseline: { readonly value: number; readonly label: string } | null;
  /** Each run's value when the figure is a median over runs. */
  readonly runs?: readonly number[];
}

export interface Section {
  readonly name: string;
  readonly figures: Figure[];
  /** Counts and settings behind the figures, kept in the JSON. */
  readonly details: Record<string, unknown>;
  readonly error?: string;
}

export function passes(figure: Figure): boolean | null {
  if (figure.target === null) return null;
  if (!Number.isFinite(figure.value)) return false;
  const { op, value } = figure.target;
  if (op === '<=') return figure.value <= value;
  if (op === '>=') return figure.value >= value;
  return figure.value === value;
}

function show(value: number, unit: string): string {
  if (!Number.isFinite(value)) return 'n/a';
  const size = Math.abs(value);
  const digits = Number.isInteger(value) || size >= 100 ? 0 : size >= 1 ? 1 : 3;
  const text = round(value, digits).toLocaleString('en-GB');
  return unit === '' ? text : `${text} ${unit}`;
}

export function table(sections: readonly Section[]): string {
  const rows = [['figure', 'value', 'target', 'baseline (same run)', 'pass']];
  for (const section of sections) {
    if (section.error !== undefined)
      rows.push([`${section.name}: FAILED`, section.error, '', '', 'no']);
    for (const figure of section.figures) {
      const verdict = passes(figure);
      rows.push([
        figure.label,
        show(figure.value, figure.unit),
        figure.target === null
          ? '—'
          : `${figure.target.op} ${show(figure.target.value, figure.unit)}`,
        figure.baseline === null
          ? '—'
          : `${show(figure.baseline.value, figure.unit)} (${figure.baseline.label})`,
        verdict === null ? '—' : verdict ? 'yes' : 'NO',
      ]);
    }
  }
  const widths = rows[0]?.map((_, column) =>
    Math.max(...rows.map((row) => (row[column] ?? '').length)),
  );
  const line = (row: readonly string[]) =>
    `| ${row.map((cell, column) => cell.padEnd(widths?.[column] ?? 0)).join(' | ')} |`;
  const rule = `| ${(widths ?? []).map((width) => '-'.repeat(width)).join(' | ')} |`;
  const [head, ...body] = rows;
  return [line(head ?? []), rule, ...body.map(line)].join('\n');
}

export function failed(sections: readonly Section[]): string[] {
  return sections.flatMap((section) => [
    ...(section.error === undefined ? [] : [`${section.name}: ${section.error}`]),
    ...section.figures.filter((figure) => passes(figure) === false).map((figure) => figure.label),
  ]);
}

export async function writeResults(
  path: string,
  sections: readonly Section[],
  run: { quick: boolean; startedAt: Date; seconds: number; coresBusy: Record<string, number> },
): Promise<void> {
  const results = {
    startedAt: run.startedAt.toISOString(),
    seconds: round(run.seconds, 1),
    quick: run.quick,
    /** Cores kept busy on average over the whole run, by this benchmark's processes and others. */
    coresBusy: run.coresBusy,
    machine: {
      node: process.version,
      platform: `${process.platform} ${process.arch}`,
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? 'unknown',
      loadAverageAtEnd: loadavg().map((value) => round(value, 2)),
    },
    passed: failed(sections).length === 0,
    sections: sections.map((section) => ({
      ...section,
      figures: section.figures.map((figure) => ({ ...figure, pass: passes(figure) })),
    })),
  };
  mkdirSync(dirname(path), { recursive: true });
  // Formatted as the repository formats JSON, so a committed result passes the format check.
  const options = (await resolveConfig(path)) ?? {};
  writeFileSync(path, await format(JSON.stringify(results), { ...options, parser: 'json' }));
}
