// Check-ins in the side panel: answering by keyboard, skipping locally, and results that appear
// only once enough people answered.
import { beforeAll, describe, expect, it } from '@jest/globals';
import { screen, within } from '@testing-library/react';
import { FakeController, FakeMeeting, renderPanel } from './fake-controller.js';
import { loadHostTools } from '../../tabs/src/components/host/LazyHostTools.js';

function meetingWithCheckin(promptId: string): FakeMeeting {
  return FakeMeeting.with({
    olivia: 'organizer',
    amir: 'attendee',
    bea: 'attendee',
    chen: 'attendee',
  }).do('olivia', { type: 'openCheckin', promptId });
}

function checkinCard(): HTMLElement {
  return screen.getByRole('region', { name: 'Check-in' });
}

// Host tools arrive in their own chunk; load it once up front so no test races the import.
beforeAll(async () => {
  await loadHostTools();
});

describe('check-in card', () => {
  it('answers a scale by keyboard with five labelled choices', async () => {
    const fake = new FakeController(meetingWithCheckin('safe-to-differ'), 'amir');
    const { user } = renderPanel(fake);

    const card = checkinCard();
    expect(within(card).getByText(/feels safe to say something/)).toBeTruthy();
    const choices = within(card).getAllByRole('radio');
    expect(choices.map((choice) => choice.getAttribute('aria-label'))).toEqual([
      '1, Disagree',
      '2',
      '3',
      '4',
      '5, Agree',
    ]);
    choices[0]?.focus();
    await user.keyboard('{ArrowRight}{ArrowRight}{ArrowRight}');
    await user.tab();
    expect(document.activeElement).toBe(within(card).getByRole('button', { name: 'Send answer' }));
    await user.keyboard('{Enter}');

    expect(fake.sent).toEqual([{ type: 'answerCheckin', checkinId: 'c1', value: 4 }]);
    expect(within(checkinCard()).getByText(/Thank you for answering/)).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Check-in' }));
  });

  it('keeps the results hidden below the threshold and says how many are needed', async () => {
    const meeting = meetingWithCheckin('felt-heard').do('bea', {
      type: 'answerCheckin',
      checkinId: 'c1',
      value: 5,
    });
    const fake = new FakeController(meeting, 'amir');
    const { user } = renderPanel(fake);

    await user.click(screen.getByRole('radio', { name: '3' }));
    await user.click(screen.getByRole('button', { name: 'Send answer' }));

    expect(screen.getByText('Results appear after 3 answers (2 so far).')).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('shows the histogram as a table once the threshold is reached', async () => {
    const meeting = meetingWithCheckin('felt-heard')
      .do('bea', { type: 'answerCheckin', checkinId: 'c1', value: 5 })
      .do('chen', { type: 'answerCheckin', checkinId: 'c1', value: 5 });
    const fake = new FakeController(meeting, 'amir');
    const { user } = renderPanel(fake);

    await user.click(screen.getByRole('radio', { name: '2' }));
    await user.click(screen.getByRole('button', { name: 'Send answer' }));

    const table = screen.getByRole('table', { name: '3 answers, average 4.0' });
    const rows = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((row) => [
        within(row).getByRole('rowheader').textContent,
        within(row).getByRole('cell').textContent,
      ]);
    expect(rows).toEqual([
      ['1 · Not at all', '0'],
      ['2', '1'],
      ['3', '0'],
      ['4', '0'],
      ['5 · Completely', '2'],
    ]);
  });

  it('keeps showing the last whole block of answers until the next block is complete', async () => {
    const meeting = FakeMeeting.with({
      olivia: 'organizer',
      amir: 'attendee',
      bea: 'attendee',
      chen: 'attendee',
      dana: 'attendee',
    })
      .do('olivia', { type: 'openCheckin', promptId: 'energy' })
      .do('bea', { type: 'answerCheckin', checkinId: 'c1', value: 1 })
      .do('chen', { type: 'answerCheckin', checkinId: 'c1', value: 2 })
      .do('dana', { type: 'answerCheckin', checkinId: 'c1', value: 3 });
    const fake = new FakeController(meeting, 'amir');
    const { user } = renderPanel(fake);

    await user.click(screen.getByRole('radio', { name: '5, Fully charged' }));
    await user.click(screen.getByRole('button', { name: 'Send answer' }));

    expect(screen.getByRole('table', { name: '3 answers, average 2.0' })).toBeTruthy();
    expect(screen.getByText(/update in groups of 3.*\(4 answers so far\)/)).toBeTruthy();
  });

  it('answers a word check-in and shows the words once enough people answered', async () => {
    const meeting = meetingWithCheckin('arrival-word')
      .do('bea', { type: 'answerCheckin', checkinId: 'c1', value: 'Calm' })
      .do('chen', { type: 'answerCheckin', checkinId: 'c1', value: 'curious' });
    const fake = new FakeController(meeting, 'amir');
    const { user } = renderPanel(fake);

    await user.type(
      screen.getByRole('textbox', { name: 'Your answer (one or two words)' }),
      'calm{Enter}',
    );

    expect(fake.sent).toEqual([{ type: 'answerCheckin', checkinId: 'c1', value: 'calm' }]);
    expect(screen.getByText('What people said (3 answers)')).toBeTruthy();
    const words = screen.getAllByRole('listitem').map((item) => item.textContent);
    expect(words).toEqual(expect.arrayContaining(['calm × 2', 'curious × 1']));
  });

  it('skips locally: nothing is sent and the card hides until shown again', async () => {
    const fake = new FakeController(meetingWithCheckin('energy'), 'amir');
    const { user } = renderPanel(fake);
    expect(within(checkinCard()).getByText('Running on empty')).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Skip' }));

    expect(fake.sent).toEqual([]);
    expect(screen.queryByRole('region', { name: 'Check-in' })).toBeNull();
    const showAgain = screen.getByRole('button', { name: 'Show it again' });
    expect(document.activeElement).toBe(showAgain);
    await user.click(showAgain);
    expect(checkinCard()).toBeTruthy();
  });

  it('presents an appreciation round as spoken, through the queue, with nothing to type', () => {
    const fake = new FakeController(meetingWithCheckin('appreciation-round'), 'amir');
    renderPanel(fake);

    expect(within(checkinCard()).getByText(/something someone did today that helped/)).toBeTruthy();
    expect(within(checkinCard()).getByText(/runs through the queue/)).toBeTruthy();
    expect(within(checkinCard()).queryByRole('button', { name: 'Send answer' })).toBeNull();
  });
});
