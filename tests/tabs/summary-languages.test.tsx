// The summary page in German and Arabic: its own catalogue, the tips worded from their figures,
// built-in prompts translated, numbers and percentages through Intl in the reader's region.
import { describe, expect, it, jest } from '@jest/globals';
import { render, screen, within } from '@testing-library/react';
import { summarize, type ParticipationRecord } from '@roundtable/core';
import type { AirtimeChartProps } from '../../tabs/src/summary/AirtimeChart.js';
import type { SummarySource } from '../../tabs/src/summary/source.js';
import { LanguageProvider } from '../../tabs/src/i18n/I18n.js';

// jsdom cannot measure SVG text for the real chart (summary-chart.test.tsx covers it).
jest.unstable_mockModule('../../tabs/src/summary/AirtimeChart.js', () => ({
  default: ({ bars }: AirtimeChartProps) => <svg role="img" aria-label={`${bars.length} bars`} />,
}));
const { SummaryPage } = await import('../../tabs/src/pages/SummaryPage.js');

const SECOND = 1_000;
const MINUTE = 60 * SECOND;

function turn(participantId: string, at: number, durationMs: number): ParticipationRecord[] {
  const turnId = `${participantId}@${at}`;
  return [
    {
      type: 'turnStarted',
      at,
      turnId,
      entryId: turnId,
      participantId,
      kind: 'point',
      origin: 'joined',
      waitMs: 30 * SECOND,
    },
    { type: 'turnEnded', at: at + durationMs, turnId, participantId, durationMs },
  ];
}

/** Four people: a spoke 60 s, b 30 s, c 10 s, d never (balance 50%); felt heard 4.0 from 3. */
const summary = summarize(
  [
    ...['a', 'b', 'c', 'd'].map((participantId): ParticipationRecord => ({
      type: 'arrived',
      at: 0,
      participantId,
    })),
    ...turn('a', 1 * MINUTE, 60 * SECOND),
    ...turn('b', 3 * MINUTE, 30 * SECOND),
    ...turn('c', 5 * MINUTE, 10 * SECOND),
    { type: 'inviteSent', at: 0 },
    {
      type: 'checkinClosed',
      at: 9 * MINUTE,
      promptId: 'felt-heard',
      scale: 'likert5',
      aggregate: { scale: 'likert5', n: 3, histogram: [0, 0, 1, 1, 1], mean: 4 },
    },
  ],
  { k: 3 },
);

const ready: SummarySource = {
  load: () => Promise.resolve({ kind: 'ready', summary, series: null, k: 3 }),
};

describe('the summary page in other languages', () => {
  it('is German: headings, counts, percentages, the tip from its figures, the prompt', async () => {
    render(
      <LanguageProvider tag="de-DE">
        <SummaryPage source={ready} />
      </LanguageProvider>,
    );
    expect(await screen.findByRole('heading', { name: 'Auf einen Blick' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Inklusionszusammenfassung' })).toBeTruthy();
    expect(screen.getByText('3 von 4 Personen haben gesprochen')).toBeTruthy();
    expect(screen.getAllByText('4,0 von 5').length).toBeGreaterThan(0);
    expect(summary.suggestions.map((tip) => tip.id)).toEqual(['try-equity']);
    expect(
      screen.getByText(
        /^Die Redezeit \(gemessen an den Wortmeldungen\) war ungleich verteilt: Ausgewogenheit 50 %/,
      ),
    ).toBeTruthy();
    const checkins = screen.getByRole('region', { name: 'Check-ins' });
    expect(
      within(checkins).getByRole('heading', {
        name: 'Haben Sie sich in dieser Besprechung gehört gefühlt?',
      }),
    ).toBeTruthy();
    expect(within(checkins).getAllByText('5 · Voll und ganz').length).toBeGreaterThan(0);
    expect(screen.queryByText(/At a glance|Who spoke|Ideas for next time/)).toBeNull();
  });

  it('is Arabic with Arabic plural forms and the region’s digits', async () => {
    render(
      <LanguageProvider tag="ar-EG">
        <SummaryPage source={ready} />
      </LanguageProvider>,
    );
    expect(await screen.findByRole('heading', { name: 'نظرة سريعة' })).toBeTruthy();
    // "of 4 people": Arabic's "few" form, with Egyptian Arabic-Indic digits.
    expect(screen.getByText('تحدّث ٣ من أصل ٤ أشخاص')).toBeTruthy();
    expect(screen.getAllByText('٤٫٠ من 5').length).toBeGreaterThan(0);
  });

  it('keeps the English words of a tip stored before tips carried their figures', async () => {
    const { params: _params, ...old } = summary.suggestions[0] ?? { id: '', text: '' };
    const stored: SummarySource = {
      load: () =>
        Promise.resolve({
          kind: 'ready',
          summary: { ...summary, suggestions: [old] },
          series: null,
          k: 3,
        }),
    };
    render(
      <LanguageProvider tag="de">
        <SummaryPage source={stored} />
      </LanguageProvider>,
    );
    expect(await screen.findByText(old.text)).toBeTruthy();
  });
});
