// Exporting the aggregates: JSON as the summary is, CSV as metric,value rows quoted per RFC 4180,
// and the download itself, including a window that cannot save files.
import { TextDecoder } from 'node:util';
import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { FluentProvider, teamsLightTheme } from '@fluentui/react-components';
import {
  CHECKIN_PROMPTS,
  summarize,
  type InclusionSummary,
  type ParticipationRecord,
} from '@roundtable/core';
import { ExportButtons } from '../../tabs/src/summary/ExportButtons.js';
import { summaryFileName, summaryToCsv, summaryToJson } from '../../tabs/src/summary/export.js';

const MINUTE = 60_000;
const STARTED_AT = Date.UTC(2025, 2, 3, 9, 0);

const arrived = (participantId: string): ParticipationRecord => ({
  type: 'arrived',
  at: STARTED_AT,
  participantId,
});

function turn(participantId: string, at: number, durationMs: number) {
  const turnId = `${participantId}@${at}`;
  const common = { turnId, participantId };
  return [
    {
      ...common,
      type: 'turnStarted',
      at,
      entryId: turnId,
      kind: 'point',
      origin: 'joined',
      waitMs: 0,
    },
    { ...common, type: 'turnEnded', at: at + durationMs, durationMs },
  ] satisfies ParticipationRecord[];
}

/** Three people; one arrival word carries a comma and quotes, as a hand-made record may. */
const records: ParticipationRecord[] = [
  ...['ana', 'ben', 'cai'].map(arrived),
  {
    type: 'checkinClosed',
    at: STARTED_AT + MINUTE,
    promptId: 'arrival-word',
    scale: 'word',
    aggregate: {
      scale: 'word',
      n: 3,
      words: [
        { word: 'yes, "but"', count: 2 },
        { word: 'ready', count: 1 },
      ],
    },
  },
  {
    type: 'checkinClosed',
    at: STARTED_AT + 2 * MINUTE,
    promptId: 'energy',
    scale: 'energy5',
    aggregate: { scale: 'energy5', n: 3, histogram: [0, 1, 0, 2, 0], mean: 10 / 3 },
  },
  ...turn('ana', STARTED_AT + 3 * MINUTE, 4 * MINUTE),
  ...turn('ben', STARTED_AT + 8 * MINUTE, 2 * MINUTE),
  { type: 'sessionEnded', at: STARTED_AT + 30 * MINUTE },
];
const summary = summarize(records, { k: 3 });
const protectedSummary = summarize([arrived('ana'), arrived('ben')], { k: 3 });

/** A small RFC 4180 reader, so the tests check what a spreadsheet would see. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let index = 0; index < text.length; index += 1) {
    const char = text.charAt(index);
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        field += '"';
        index += 1;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\r' && text[index + 1] === '\n') {
      rows.push([...row, field]);
      row = [];
      field = '';
      index += 1;
    } else field += char;
  }
  return rows;
}

/** jsdom has no Blob.text() nor TextDecoder: FileReader reads the bytes, Node decodes them. */
function textOf(blob: Blob | undefined): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      resolve(new TextDecoder('utf-8', { ignoreBOM: true }).decode(reader.result as ArrayBuffer));
    };
    reader.onerror = () => {
      reject(new Error('The blob could not be read.'));
    };
    reader.readAsArrayBuffer(blob ?? new Blob());
  });
}

const valueOf = (csv: string, metric: string) =>
  parseCsv(csv).find(([name]) => name === metric)?.[1];

describe('summaryToCsv', () => {
  it('starts with the exact header row and ends every row with CRLF', () => {
    const csv = summaryToCsv(summary);

    expect(csv.split('\r\n')[0]).toBe('metric,value');
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/);
  });

  it('quotes a value with a comma and doubles its quotes', () => {
    const lines = summaryToCsv(summary).split('\r\n');

    expect(lines).toContain('"checkin.1.word.yes, ""but""",2');
    expect(lines).toContain('checkin.1.word.ready,1');
    expect(lines).toContain(`checkin.2.prompt,"${CHECKIN_PROMPTS[1]?.text ?? ''}"`);
    expect(CHECKIN_PROMPTS[1]?.text).toContain(',');
  });

  it('gives every row exactly two fields that read back as the summary values', () => {
    const csv = summaryToCsv(summary);
    const rows = parseCsv(csv);

    expect(rows.every((row) => row.length === 2)).toBe(true);
    expect(valueOf(csv, 'participants')).toBe('3');
    expect(valueOf(csv, 'speakers')).toBe('2');
    expect(valueOf(csv, 'balance')).toBe(String(summary.balance));
    expect(valueOf(csv, 'protected')).toBe('false');
    expect(valueOf(csv, 'airtimeSource')).toBe('queue-turns');
    expect(valueOf(csv, 'checkinsWithheld')).toBe('0');
    expect(valueOf(csv, 'checkin.1.word.yes, "but"')).toBe('2');
    expect(
      rows.filter(([name]) => name?.startsWith('suggestion.')).map(([, text]) => text),
    ).toEqual(summary.suggestions.map((suggestion) => suggestion.text));
  });

  it('has a row per histogram bucket, the mean and n of each scale check-in', () => {
    const csv = summaryToCsv(summary);

    expect([1, 2, 3, 4, 5].map((answer) => valueOf(csv, `checkin.2.answer${answer}`))).toEqual([
      '0',
      '1',
      '0',
      '2',
      '0',
    ]);
    expect(valueOf(csv, 'checkin.2.n')).toBe('3');
    expect(valueOf(csv, 'checkin.2.mean')).toBe(String(10 / 3));
  });

  it('leaves a metric the summary does not know empty, as in a protected summary', () => {
    const csv = summaryToCsv(protectedSummary);

    expect(valueOf(csv, 'protected')).toBe('true');
    expect(valueOf(csv, 'balance')).toBe('');
    expect(valueOf(csv, 'feltHeard.mean')).toBe('');
    expect(parseCsv(csv).some(([name]) => name?.startsWith('airtimeDistributionMs.'))).toBe(false);
  });
});

describe('summaryToJson', () => {
  it('round-trips the summary exactly', () => {
    for (const original of [summary, protectedSummary]) {
      expect(JSON.parse(summaryToJson(original)) as InclusionSummary).toEqual(original);
    }
  });

  it('names files after the day the meeting started', () => {
    expect(summaryFileName(summary, 'csv')).toBe('roundtable-summary-2025-03-03.csv');
    expect(summaryFileName(summarize([], { k: 3 }), 'json')).toBe('roundtable-summary.json');
  });
});

describe('the download buttons', () => {
  const originals = (['createObjectURL', 'revokeObjectURL'] as const).map(
    (name) => [name, Object.getOwnPropertyDescriptor(URL, name)] as const,
  );

  afterEach(() => {
    for (const [name, descriptor] of originals) {
      Reflect.deleteProperty(URL, name);
      if (descriptor) Object.defineProperty(URL, name, descriptor);
    }
    jest.restoreAllMocks();
  });

  /** Object URLs as a browser has them; jsdom has none. Collects every blob handed over. */
  function stubObjectUrls() {
    const blobs: Blob[] = [];
    const revoke = jest.fn();
    const create = jest.fn((blob: Blob) => {
      blobs.push(blob);
      return 'blob:summary';
    });
    Object.defineProperty(URL, 'createObjectURL', { value: create, configurable: true });
    Object.defineProperty(URL, 'revokeObjectURL', { value: revoke, configurable: true });
    return { blobs, revoke };
  }

  function renderButtons() {
    render(
      <FluentProvider theme={teamsLightTheme}>
        <ExportButtons summary={summary} />
      </FluentProvider>,
    );
  }

  it('saves the CSV through a temporary link and lets the object URL go afterwards', async () => {
    const { blobs, revoke } = stubObjectUrls();
    const clicked: HTMLAnchorElement[] = [];
    jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      clicked.push(this);
    });
    renderButtons();

    await userEvent.click(screen.getByRole('button', { name: 'Download CSV' }));

    expect(clicked.map((anchor) => [anchor.download, anchor.href])).toEqual([
      ['roundtable-summary-2025-03-03.csv', 'blob:summary'],
    ]);
    expect(clicked[0]?.isConnected).toBe(false);
    expect(blobs[0]?.type).toBe('text/csv;charset=utf-8');
    expect(await textOf(blobs[0])).toBe(`\uFEFF${summaryToCsv(summary)}`);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(revoke).toHaveBeenCalledWith('blob:summary');
  });

  it('saves the JSON as the summary itself', async () => {
    const { blobs } = stubObjectUrls();
    jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    renderButtons();

    await userEvent.click(screen.getByRole('button', { name: 'Download JSON' }));

    expect(blobs[0]?.type).toBe('application/json');
    expect(JSON.parse(await textOf(blobs[0])) as InclusionSummary).toEqual(summary);
  });

  it('says so, calmly, where the window cannot save files', async () => {
    Reflect.deleteProperty(URL, 'createObjectURL');
    renderButtons();

    await userEvent.click(screen.getByRole('button', { name: 'Download CSV' }));

    expect(screen.getByRole('status').textContent).toBe(
      'This window cannot save files. Open the summary in your browser to download it.',
    );
  });
});
