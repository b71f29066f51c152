// The summary card: a valid Adaptive Card (checked by the adaptivecards parser) showing aggregates
// only, fewer of them for a protected small group, and never anyone's identity.
import { describe, expect, it } from '@jest/globals';
import { expectValidCard, parsedCard } from '../support/adaptive-cards.js';
import { summarize, type ParticipationRecord } from '@roundtable/core';
import type { SummaryNotice } from '../../api/src/application/ending-ports.js';
import { summaryCard } from '../../api/src/adapters/summary-card.js';

const SECOND = 1000;
const people = ['ada-lovelace', 'grace-hopper', 'alan-turing', 'edsger-dijkstra', 'frances-allen'];
const listeners = ['barbara-liskov', 'ken-thompson'];

const arrived = (participantId: string): ParticipationRecord => ({
  type: 'arrived',
  at: 0,
  participantId,
});

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
      waitMs: 0,
    },
    { type: 'turnEnded', at: at + durationMs, turnId, participantId, durationMs },
  ];
}

/** A "felt heard" check-in whose answers were 3, 4, 4, 4, 4 and 5: mean 4.0 from 6 answers. */
const feltHeard: ParticipationRecord = {
  type: 'checkinClosed',
  at: 900 * SECOND,
  promptId: 'felt-heard',
  scale: 'likert5',
  aggregate: { scale: 'likert5', n: 6, histogram: [0, 0, 1, 4, 1], mean: 4 },
};

const notReached: ParticipationRecord[] = [
  { type: 'entryJoined', at: 800 * SECOND, entryId: 'late', kind: 'point', origin: 'joined' },
  { type: 'entryLeft', at: 1000 * SECOND, entryId: 'late', reason: 'notReached' },
];

function noticeOf(records: ParticipationRecord[]): SummaryNotice {
  return {
    meetingId: 'MCMxOTptZWV0aW5nX2FiY0B0aHJlYWQudjIjMA==',
    meetingKey: 'key-7f3a',
    session: 1,
    summary: summarize(records, { k: 3 }),
    summaryUrl: 'https://roundtable.example/summary?meeting=key-7f3a',
  };
}

const sevenPeople = noticeOf([
  ...[...people, ...listeners].map(arrived),
  // Airtime 60, 60, 120, 30 and 30 seconds; two people listened.
  ...turn('ada-lovelace', 10 * SECOND, 60 * SECOND),
  ...turn('grace-hopper', 100 * SECOND, 60 * SECOND),
  ...turn('alan-turing', 200 * SECOND, 120 * SECOND),
  ...turn('edsger-dijkstra', 400 * SECOND, 30 * SECOND),
  ...turn('frances-allen', 500 * SECOND, 30 * SECOND),
  ...notReached,
  feltHeard,
]);

const twoPeople = noticeOf([
  ...['ada-lovelace', 'grace-hopper'].map(arrived),
  ...turn('ada-lovelace', 10 * SECOND, 90 * SECOND),
  ...turn('grace-hopper', 200 * SECOND, 30 * SECOND),
  feltHeard,
]);

function factsOf(card: object): Record<string, string> {
  const body = (card as { body: { type: string; facts?: { title: string; value: string }[] }[] })
    .body;
  const facts = body.find((element) => element.type === 'FactSet')?.facts ?? [];
  return Object.fromEntries(facts.map(({ title, value }) => [title, value]));
}

describe('summaryCard', () => {
  it('is a valid Adaptive Card 1.5 with the headline facts of a normal meeting', () => {
    const card = summaryCard(sevenPeople);
    expectValidCard(card);
    expect(factsOf(card)).toEqual({
      'Who spoke': '5 of 7 people who opened Roundtable',
      // Gini of 120, 60, 60, 30, 30, 0 and 0 seconds is 0.486: balance 51%.
      'Airtime balance': '51%',
      Queue: '1 entry still waiting at the end',
      'Felt heard': '4.0 of 5 (6 answers)',
    });
    expect(JSON.stringify(card)).toContain('Airtime is measured from queue turns');
  });

  it('says the meeting was counted when Teams said who joined', () => {
    const roster = noticeOf([
      ...[...people, ...listeners].map((id) => ({ ...arrived(id), via: 'meeting' as const })),
      ...turn('ada-lovelace', 10 * SECOND, 60 * SECOND),
    ]);
    expect(factsOf(summaryCard(roster))['Who spoke']).toBe('1 of 7 people in the meeting');
  });

  it('links to the summary with an Open the summary button', () => {
    expect(summaryCard(sevenPeople).actions).toEqual([
      { type: 'Action.OpenUrl', title: 'Open the summary', url: sevenPeople.summaryUrl },
    ]);
  });

  it('shows no figures in the shared chat for a protected small group', () => {
    expect(twoPeople.summary.protected).toBe(true);
    const card = summaryCard(twoPeople);
    expectValidCard(card);
    expect(factsOf(card)).toEqual({});
    expect(JSON.stringify(card.body)).not.toMatch(/\d/);
    expect(JSON.stringify(card)).toContain('only the organiser can open');
  });

  it('stays valid when nothing was measured', () => {
    const silent = noticeOf(listeners.concat('alan-turing').map(arrived));
    expectValidCard(summaryCard(silent));
    expect(factsOf(summaryCard(silent))['Airtime balance']).toBe('Not measured: no queue turns');
    const empty = summaryCard(noticeOf([]));
    expectValidCard(empty);
    expect(factsOf(empty)).toEqual({});
  });

  it('names no one: no participant id, meeting id or meeting key outside the link', () => {
    for (const notice of [sevenPeople, twoPeople]) {
      const { actions, ...rest } = summaryCard(notice);
      const text = JSON.stringify(rest).toLowerCase();
      for (const id of [...people, ...listeners, notice.meetingId, notice.meetingKey]) {
        expect(text).not.toContain(id.toLowerCase());
      }
    }
  });

  it('relies on a validator that does catch broken cards', () => {
    const card = summaryCard(sevenPeople);
    const misspelled = { ...card, body: [{ type: 'TextBlock', text: 'Hi', wieght: 'Bolder' }] };
    expect(parsedCard(misspelled).understood).not.toEqual(misspelled);
    expect(
      parsedCard({ ...card, actions: [{ type: 'Action.OpenUrl', title: 'x' }] }).problems,
    ).not.toEqual([]);
    expect(parsedCard({ ...card, body: [{ type: 'Chart.Pie' }] }).problems).not.toEqual([]);
  });
});

describe('summaryCard in the language Teams sent with the meeting', () => {
  it('is written in German for de-DE, numbers and plurals included', () => {
    const card = summaryCard({ ...sevenPeople, locale: 'de-DE' });
    expectValidCard(card);
    expect(card.body[0]).toMatchObject({ text: 'Ihre Inklusionszusammenfassung ist fertig' });
    expect(factsOf(card)).toEqual({
      'Wer gesprochen hat': '5 von 7 Personen, die Roundtable geöffnet haben',
      // German writes a (no-break) space before the percent sign.
      'Ausgewogenheit der Redezeit': '51\u00a0%',
      Redeliste: '1 Wortmeldung wartete am Ende noch',
      'Gehört gefühlt': '4,0 von 5 (6 Antworten)',
    });
    expect(card.actions).toEqual([
      { type: 'Action.OpenUrl', title: 'Zusammenfassung öffnen', url: sevenPeople.summaryUrl },
    ]);
    expect(card).toMatchObject({ lang: 'de' });
    expect(JSON.stringify(card)).not.toMatch(/Who spoke|Airtime|Open the summary/);
  });

  it('is written in Arabic, right to left, with Arabic plural forms', () => {
    const card = summaryCard({ ...sevenPeople, locale: 'ar-SA' });
    expectValidCard(card);
    expect(card).toMatchObject({ lang: 'ar', rtl: true });
    expect(factsOf(card)['من تحدّث']).toBe('٥ من أصل ٧ أشخاص فتحوا Roundtable');
  });

  it('falls back to English for a language Roundtable lacks, or none', () => {
    for (const locale of ['fr-FR', undefined]) {
      const card = summaryCard({ ...sevenPeople, ...(locale === undefined ? {} : { locale }) });
      expect(card).toMatchObject({ lang: 'en' });
      expect(card).not.toHaveProperty('rtl');
      expect(factsOf(card)['Who spoke']).toBe('5 of 7 people who opened Roundtable');
    }
  });
});
