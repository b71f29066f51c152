// The summary as files an organiser can keep: JSON as it is, and a two-column CSV (RFC 4180).
import type { InclusionSummary } from '@roundtable/core';
import { findPrompt } from '@roundtable/core';

type Cell = string | number | boolean | null;

export function summaryToJson(summary: InclusionSummary): string {
  return `${JSON.stringify(summary, null, 2)}\n`;
}

/** One `metric,value` row per scalar metric, then felt heard, modes, distributions, check-ins. */
export function summaryToCsv(summary: InclusionSummary): string {
  const rows: [string, Cell][] = [['metric', 'value']];
  for (const [metric, value] of Object.entries(summary)) {
    if (isCell(value)) rows.push([metric, value]);
  }
  rows.push(['feltHeard.n', summary.feltHeard?.n ?? null]);
  rows.push(['feltHeard.mean', summary.feltHeard?.mean ?? null]);
  rows.push(['modesUsed', summary.modesUsed.join(' ')]);
  (summary.airtimeDistributionMs ?? []).forEach((airtime, index) => {
    rows.push([`airtimeDistributionMs.${index + 1}`, airtime]);
  });
  for (const { minute, count } of summary.firstTimeSpeakers) {
    rows.push([`firstTimeSpeakers.fromMinute${minute}`, count]);
  }
  summary.checkins.forEach(({ promptId, aggregate }, index) => {
    const prefix = `checkin.${index + 1}`;
    // The export is data for tools: the library's English words, whatever the page's language.
    rows.push([`${prefix}.prompt`, englishPromptText(promptId)]);
    rows.push([`${prefix}.scale`, aggregate.scale]);
    rows.push([`${prefix}.n`, aggregate.n]);
    if (aggregate.scale === 'word') {
      for (const { word, count } of aggregate.words) rows.push([`${prefix}.word.${word}`, count]);
    } else {
      rows.push([`${prefix}.mean`, aggregate.mean]);
      aggregate.histogram.forEach((count, answer) => {
        rows.push([`${prefix}.answer${answer + 1}`, count]);
      });
    }
  });
  for (const { id, text } of summary.suggestions) rows.push([`suggestion.${id}`, text]);
  return (
    rows.map(([metric, value]) => `${csvField(metric)},${csvField(value)}`).join('\r\n') + '\r\n'
  );
}

export function summaryFileName(summary: InclusionSummary, extension: 'json' | 'csv'): string {
  const day =
    summary.startedAt === null ? '' : `-${new Date(summary.startedAt).toISOString().slice(0, 10)}`;
  return `roundtable-summary${day}.${extension}`;
}

function isCell(value: unknown): value is Cell {
  return value === null || ['string', 'number', 'boolean'].includes(typeof value);
}

function csvField(value: Cell): string {
  if (value === null) return '';
  if (typeof value !== 'string') return String(value);
  return /[",\r\n]/u.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** A built-in prompt's English words; a custom prompt's text is never kept, so it has none. */
function englishPromptText(promptId: string | null): string {
  return (promptId === null ? undefined : findPrompt(promptId)?.text) ?? 'Custom prompt';
}
