// The inclusion summary page: each state a source can report, and every number shown against the
// summary that the real core computed from hand-written participation records.
import { describe, expect, it, jest } from '@jest/globals';
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { FluentProvider, teamsLightTheme } from '@fluentui/react-components';
import { axe } from 'jest-axe';
import {
  CHECKIN_PROMPTS,
  summarize,
  withFloorMeasures,
  type CheckinAggregate,
  type InclusionSummary,
  type ParticipationRecord,
} from '@roundtable/core';
import type { AirtimeChartProps } from '../../tabs/src/summary/AirtimeChart.js';
import type { SummarySource, SummaryState } from '../../tabs/src/summary/source.js';

// The real chart needs a browser's SVG text measuring, which jsdom lacks (summary-chart.test.tsx
// covers it); here a stand-in keeps every test about the page itself.
jest.unstable_mockModule('../../tabs/src/summary/AirtimeChart.js', () => ({
  default: ({ bars }: AirtimeChartProps) => (
    <svg role="img" aria-label={`Chart stand-in with ${bars.length} bars`} />
  ),
}));
const { SummaryPage } = await import('../../tabs/src/pages/SummaryPage.js');

const MINUTE = 60_000;
const SECOND = 1_000;
const WEEK = 7 * 24 * 60 * MINUTE;

const arrived = (participantId: string): ParticipationRecord => ({
  type: 'arrived',
  at: 0,
  participantId,
});

function turn(participantId: string, at: number, durationMs: number, waitMs: number) {
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
      waitMs,
    },
    { type: 'turnEnded', at: at + durationMs, turnId, participantId, durationMs },
  ] satisfies ParticipationRecord[];
}

function scaleCheckin(promptId: string | null, answers: number[]): ParticipationRecord {
  const histogram = [1, 2, 3, 4, 5].map((value) => answers.filter((a) => a === value).length);
  const mean = answers.reduce((total, a) => total + a, 0) / answers.length;
  const aggregate: CheckinAggregate = { scale: 'likert5', n: answers.length, histogram, mean };
  return { type: 'checkinClosed', at: 20 * MINUTE, promptId, scale: 'likert5', aggregate };
}

function wordCheckin(
  promptId: string,
  words: { word: string; count: number }[],
): ParticipationRecord {
  const n = words.reduce((total, { count }) => total + count, 0);
  return {
    type: 'checkinClosed',
    at: MINUTE,
    promptId,
    scale: 'word',
    aggregate: { scale: 'word', n, words },
  };
}

/** Four people: one speaks six minutes, one two, one one, one not at all; one entry not reached. */
const meetingRecords: ParticipationRecord[] = [
  ...['ana', 'ben', 'cai', 'dee'].map(arrived),
  wordCheckin('arrival-word', [
    { word: 'calm', count: 2 },
    { word: 'curious', count: 1 },
    { word: 'tired', count: 1 },
  ]),
  ...turn('ana', 1 * MINUTE, 6 * MINUTE, 30 * SECOND),
  { type: 'modeChanged', at: 7 * MINUTE, mode: 'equity' },
  { type: 'inviteSent', at: 7 * MINUTE },
  { type: 'inviteAnswered', at: 7 * MINUTE, accepted: true },
  ...turn('ben', 8 * MINUTE, 2 * MINUTE, 90 * SECOND),
  { type: 'appreciated', at: 10 * MINUTE },
  ...turn('cai', 11 * MINUTE, 1 * MINUTE, 4 * MINUTE),
  { type: 'entryJoined', at: 12 * MINUTE, entryId: 'dee-1', kind: 'point', origin: 'joined' },
  scaleCheckin('felt-heard', [4, 3, 3, 2]),
  scaleCheckin(null, [2, 3, 4]),
  scaleCheckin('safe-to-differ', [4, 5]),
  { type: 'entryLeft', at: 30 * MINUTE, entryId: 'dee-1', reason: 'notReached' },
  { type: 'sessionEnded', at: 30 * MINUTE },
];
const meeting = summarize(meetingRecords, { k: 3 });

/** Two people: under k, so the summary keeps counts only. */
const smallMeeting = summarize(
  [arrived('ana'), arrived('ben'), ...turn('ana', MINUTE, MINUTE, 0)],
  {
    k: 3,
  },
);

const ready = (
  summary: InclusionSummary,
  series: InclusionSummary[] | null = null,
): SummaryState => ({
  kind: 'ready',
  summary,
  series,
});

function sourceAnswering(...states: SummaryState[]) {
  const load = jest.fn<() => Promise<SummaryState>>();
  for (const state of states) load.mockResolvedValueOnce(state);
  const source: SummarySource = { load };
  return { source, load };
}

function renderPage(source: SummarySource) {
  return render(
    <FluentProvider theme={teamsLightTheme}>
      <main>
        <SummaryPage source={source} />
      </main>
    </FluentProvider>,
  );
}

async function renderReady(summary: InclusionSummary, series: InclusionSummary[] | null = null) {
  const view = renderPage(sourceAnswering(ready(summary, series)).source);
  await screen.findByRole('heading', { name: 'At a glance' });
  return view;
}

const region = (name: string) => screen.getByRole('region', { name });
const percentOf = (fraction: number | null) => `${Math.round((fraction ?? Number.NaN) * 100)}%`;

describe('loading the summary', () => {
  it('shows a labelled spinner until the source answers, then the summary', async () => {
    let answer: (state: SummaryState) => void = () => undefined;
    const load = jest.fn(() => new Promise<SummaryState>((resolve) => (answer = resolve)));
    renderPage({ load });

    expect(screen.getByRole('progressbar', { name: 'Loading the summary…' })).toBeTruthy();
    await act(async () => {
      answer(ready(meeting));
      await Promise.resolve();
    });

    expect(await screen.findByText('3 of 4 people spoke')).toBeTruthy();
    expect(screen.queryByRole('progressbar', { name: 'Loading the summary…' })).toBeNull();
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('says calmly that there is no summary to show, with the message and no numbers', async () => {
    const message = 'There is no summary for this meeting: it was erased, or it has expired.';
    renderPage(sourceAnswering({ kind: 'unavailable', message }).source);

    const status = await screen.findByRole('status');
    expect(
      within(status).getByRole('heading', { name: 'There is no summary to show' }),
    ).toBeTruthy();
    expect(within(status).getByText(message)).toBeTruthy();
    expect(screen.queryByText(/people spoke/)).toBeNull();
    expect(screen.queryByText(/%/)).toBeNull();
    expect(screen.queryByRole('button', { name: /download/i })).toBeNull();
  });

  it('shows the summary by itself once it is ready, asking again while it is to come', async () => {
    const waiting: SummaryState = {
      kind: 'waiting',
      message: 'The summary is ready a few moments after the session ends.',
    };
    const answers = [waiting, waiting, ready(meeting)];
    const load = jest.fn(() => Promise.resolve(answers.shift() ?? ready(meeting)));
    render(
      <FluentProvider theme={teamsLightTheme}>
        <SummaryPage source={{ load }} pollMs={10} />
      </FluentProvider>,
    );

    const status = await screen.findByRole('status');
    expect(
      within(status).getByRole('heading', { name: 'The summary comes after the session' }),
    ).toBeTruthy();
    expect(await screen.findByText('3 of 4 people spoke')).toBeTruthy();
    expect(load).toHaveBeenCalledTimes(3);
    await new Promise((resolve) => setTimeout(resolve, 50));
    // Ready is where it stops: nothing more is asked.
    expect(load).toHaveBeenCalledTimes(3);
  });

  it('asks again while what Teams recorded is still to come, and stops once it has come', async () => {
    const notYet = withFloorMeasures(meeting, [], [{ source: 'microphone', gap: 'not-ready' }], {
      k: 3,
    });
    const measured = withFloorMeasures(
      meeting,
      [{ source: 'microphone', attendees: 4, seconds: [30, 10] }],
      [],
      { k: 3 },
    );
    const answers = [ready(notYet), ready(notYet), ready(measured)];
    const load = jest.fn(() => Promise.resolve(answers.shift() ?? ready(measured)));
    render(
      <FluentProvider theme={teamsLightTheme}>
        <SummaryPage source={{ load }} pollMs={5} />
      </FluentProvider>,
    );
    expect(await screen.findByText(/Teams had not produced it yet/)).toBeTruthy();
    expect(
      await screen.findByRole('heading', {
        name: 'From microphone time (Teams attendance report)',
      }),
    ).toBeTruthy();
    expect(load).toHaveBeenCalledTimes(3);
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(load).toHaveBeenCalledTimes(3);
  });

  it('tries again by itself after a failure, and shows the summary once it loads', async () => {
    const failure: SummaryState = {
      kind: 'error',
      message: 'Roundtable cannot be reached right now.',
      retry: () => undefined,
    };
    const answers = [failure, failure, ready(meeting)];
    const load = jest.fn(() => Promise.resolve(answers.shift() ?? ready(meeting)));
    render(
      <FluentProvider theme={teamsLightTheme}>
        <SummaryPage source={{ load }} pollMs={5} />
      </FluentProvider>,
    );

    expect(await screen.findByText(/tries again by itself/)).toBeTruthy();
    expect(await screen.findByText('3 of 4 people spoke')).toBeTruthy();
    expect(load).toHaveBeenCalledTimes(3);
  });

  it('offers Retry after an error; Retry runs the source retry and loads again', async () => {
    const sourceRetry = jest.fn();
    const { source, load } = sourceAnswering(
      { kind: 'error', message: 'The Roundtable service did not answer.', retry: sourceRetry },
      ready(meeting),
    );
    renderPage(source);

    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('The Roundtable service did not answer.')).toBeTruthy();
    await userEvent.tab();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Retry' }));
    await userEvent.keyboard('{Enter}');

    expect(await screen.findByText('3 of 4 people spoke')).toBeTruthy();
    expect(sourceRetry).toHaveBeenCalledTimes(1);
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('turns a source that throws into a calm error that can be retried', async () => {
    const load = jest
      .fn<() => Promise<SummaryState>>()
      .mockRejectedValueOnce(new TypeError('Failed to fetch'))
      .mockResolvedValueOnce(ready(meeting));
    renderPage({ load });

    expect(await screen.findByText(/could not load the summary just now/)).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Retry' }));

    expect(await screen.findByText('3 of 4 people spoke')).toBeTruthy();
    expect(load).toHaveBeenCalledTimes(2);
  });
});

describe('a ready summary', () => {
  it('leads with who spoke, balance, people not reached and felt heard, as the summary says', async () => {
    await renderReady(meeting);
    const glance = region('At a glance');

    expect(within(glance).getByText('3 of 4 people spoke')).toBeTruthy();
    expect(within(glance).getByText(percentOf(meeting.balance))).toBeTruthy();
    expect(within(glance).getByText('100% = everyone had equal airtime.')).toBeTruthy();
    expect(within(glance).getByText(String(meeting.queuedNotReached))).toBeTruthy();
    expect(meeting.queuedNotReached).toBe(1);
    expect(within(glance).getByText('3.0 out of 5')).toBeTruthy();
    expect(within(glance).getByText(/n = 4/)).toBeTruthy();
    expect(within(glance).getByText(/measured from the speaking queue/)).toBeTruthy();
    expect(within(glance).getByText(/Only people who opened Roundtable are counted/)).toBeTruthy();
  });

  it('shows what Teams recorded on its own, named, and why a wanted measure is missing', async () => {
    const withTeams = withFloorMeasures(
      meeting,
      [{ source: 'microphone', attendees: 6, seconds: [120, 60, 60] }],
      [{ source: 'transcript', gap: 'speaker-attribution-off' }],
      { k: 3 },
    );
    await renderReady(withTeams);
    const recorded = region('What Teams recorded');
    expect(
      within(recorded).getByRole('heading', {
        name: 'From microphone time (Teams attendance report)',
      }),
    ).toBeTruthy();
    expect(within(recorded).getByText('3 of 6 people')).toBeTruthy();
    expect(within(recorded).getByText(/keeps speaker names out of transcripts/)).toBeTruthy();
    // The queue's own figures stay as they were.
    expect(within(region('At a glance')).getByText('3 of 4 people spoke')).toBeTruthy();
  });

  it('says the measures are simulated in local mode, and only there', async () => {
    const withTeams = withFloorMeasures(
      meeting,
      [{ source: 'microphone', attendees: 4, seconds: [3, 1] }],
      [],
      { k: 3 },
    );
    const simulated = /Simulated: local mode has no Teams/;
    const first = await renderReady(withTeams);
    expect(within(region('What Teams recorded')).queryByText(simulated)).toBeNull();
    first.unmount();
    // How the local dev and preview servers mark every page (tabs/src/teams/page-mode.ts).
    const mark = document.createElement('meta');
    mark.name = 'roundtable-mode';
    mark.content = 'local';
    document.head.append(mark);
    try {
      await renderReady(withTeams);
      expect(within(region('What Teams recorded')).getByText(simulated)).toBeTruthy();
    } finally {
      mark.remove();
    }
  });

  it('describes the airtime chart in words and in a table, whether or not the chart draws', async () => {
    await renderReady(meeting);
    const airtime = region('Who had the airtime');

    expect(
      within(airtime).getByText('The top speaker had 67% of airtime; 1 person did not speak.'),
    ).toBeTruthy();
    const table = within(airtime).getByRole('table', { name: 'Airtime per person, most first' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((row) => row.textContent)).toEqual([
      'Person 16.067%',
      'Person 22.022%',
      'Person 31.011%',
      'Person 40.00%',
    ]);
    expect(
      await within(airtime).findByRole('img', { name: 'Chart stand-in with 4 bars' }),
    ).toBeTruthy();
  });

  it('gives the typical and the long waits in minutes and seconds', async () => {
    await renderReady(meeting);
    const waits = region('Waiting to speak');

    expect(within(waits).getByText('1 minute 30 seconds')).toBeTruthy();
    expect(within(waits).getByText('4 minutes')).toBeTruthy();
  });

  it('shows each check-in under its prompt text, with answers as text', async () => {
    await renderReady(meeting);
    const checkins = region('Check-ins');
    const feltHeard = CHECKIN_PROMPTS.find((prompt) => prompt.id === 'felt-heard')?.text ?? '';
    const arrival = CHECKIN_PROMPTS.find((prompt) => prompt.id === 'arrival-word')?.text ?? '';

    expect(
      within(checkins)
        .getAllByRole('heading', { level: 3 })
        .map((h) => h.textContent),
    ).toEqual([arrival, feltHeard, 'Custom prompt']);
    const feltHeardRows = within(
      within(checkins).getByRole('table', { name: feltHeard }),
    ).getAllByRole('row');
    expect(feltHeardRows.map((row) => row.textContent)).toEqual([
      'AnswerPeople',
      '1 · Not at all0 (0%)',
      '21 (25%)',
      '32 (50%)',
      '41 (25%)',
      '5 · Completely0 (0%)',
    ]);
    const wordRows = within(within(checkins).getByRole('table', { name: arrival })).getAllByRole(
      'row',
    );
    expect(wordRows.map((row) => row.textContent)).toEqual([
      'WordPeople',
      'calm2 (50%)',
      'curious1 (25%)',
      'tired1 (25%)',
    ]);
  });

  it('says how many check-ins were held back because too few people answered', async () => {
    expect(meeting.checkinsWithheld).toBe(1);
    await renderReady(meeting);

    expect(
      within(region('Check-ins')).getByText(
        '1 check-in is not shown because fewer than 3 people answered. That keeps every answer anonymous.',
      ),
    ).toBeTruthy();
  });

  it('lists every suggestion the summary makes', async () => {
    expect(meeting.suggestions.length).toBeGreaterThan(1);
    await renderReady(meeting);

    const items = within(region('Ideas for next time')).getAllByRole('listitem');
    expect(items.map((item) => item.textContent)).toEqual(meeting.suggestions.map((s) => s.text));
  });

  it('shows invitations, thanks, modes and new voices over time', async () => {
    await renderReady(meeting);
    const along = region('Along the way');

    expect(within(along).getByText('1 private invitation to speak sent, 1 accepted.')).toBeTruthy();
    expect(within(along).getByText('1 thank-you given to speakers.')).toBeTruthy();
    expect(
      within(along)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['First come, first served', 'Equity: people who spoke least go first']);
    const newVoices = within(along).getByRole('table', { name: 'First-time speakers over time' });
    expect(
      within(newVoices)
        .getAllByRole('row')
        .map((row) => row.textContent),
    ).toEqual([
      'Minutes into the meetingPeople speaking for the first time',
      '0–51',
      '5–101',
      '10–151',
    ]);
  });

  it('shows the series trend only when there is a series', async () => {
    const earlier = summarize(
      [
        arrived('x'),
        arrived('y'),
        arrived('z'),
        ...turn('x', MINUTE, MINUTE, 0),
        ...turn('y', 3 * MINUTE, MINUTE, 0),
      ].map((record): ParticipationRecord => ({ ...record, at: record.at - WEEK })),
      { k: 3 },
    );
    const first = await renderReady(meeting);
    expect(screen.queryByRole('region', { name: 'Across the series' })).toBeNull();
    first.unmount();

    await renderReady(meeting, [meeting, earlier]);
    const table = within(region('Across the series')).getByRole('table');
    const cells = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((row) =>
        within(row)
          .getAllByRole('cell')
          .map((cell) => cell.textContent),
      );
    expect(cells).toEqual([
      ['3', percentOf(earlier.spokeShare), percentOf(earlier.balance), 'No result'],
      ['4', '75%', percentOf(meeting.balance), '3.0 of 5 (n = 4)'],
    ]);
  });

  it('in a group smaller than k shows counts only and says why', async () => {
    expect(smallMeeting.protected).toBe(true);
    await renderReady(smallMeeting);

    expect(
      screen.getByText(
        /Fewer than 3 people took part, so only counts are shown, to protect everyone/,
      ),
    ).toBeTruthy();
    expect(within(region('At a glance')).getByText('1 of 2 people spoke')).toBeTruthy();
    expect(screen.queryByText(/%/)).toBeNull();
    expect(screen.queryByText('Felt heard')).toBeNull();
    for (const hidden of ['Who had the airtime', 'Waiting to speak', 'Check-ins']) {
      expect(screen.queryByRole('region', { name: hidden })).toBeNull();
    }
    expect(screen.queryByRole('table', { name: 'First-time speakers over time' })).toBeNull();
  });
});

describe('accessibility', () => {
  it('has headings in order and no axe violations when ready', async () => {
    const { container } = await renderReady(meeting, [meeting]);
    await screen.findByRole('img', { name: 'Chart stand-in with 4 bars' });

    const levels = screen
      .getAllByRole('heading')
      .map((heading) => Number(heading.tagName.slice(1)));
    expect(levels[0]).toBe(1);
    levels.slice(1).forEach((level, index) => {
      expect(level).toBeLessThanOrEqual((levels[index] ?? 0) + 1);
    });
    expect((await axe(container)).violations).toEqual([]);
  });

  it('has no axe violations when unavailable or failed', async () => {
    const unavailable = renderPage(
      sourceAnswering({ kind: 'unavailable', message: 'Not yet.' }).source,
    );
    await screen.findByRole('status');
    expect((await axe(unavailable.container)).violations).toEqual([]);
    unavailable.unmount();

    const failed = renderPage(
      sourceAnswering({ kind: 'error', message: 'No answer.', retry: () => undefined }).source,
    );
    await screen.findByRole('alert');
    expect((await axe(failed.container)).violations).toEqual([]);
  });
});
