// The side panel as an attendee sees it: who speaks, the queue, joining and leaving, thanks,
// invitations, announcements, the connection and the end of the session.
import { afterEach, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { act, screen, within } from '@testing-library/react';
import { FakeController, FakeMeeting, renderPanel } from './fake-controller.js';
import { loadHostTools } from '../../tabs/src/components/host/LazyHostTools.js';

const NOTE_WITH_MARKUP = '<b>Budget</b> & timing';

/** Olivia hosts; Bea speaks (turn t1); Chen waits with a new point and a note. */
function meetingWithSpeaker(): FakeMeeting {
  return FakeMeeting.with({
    olivia: 'organizer',
    amir: 'attendee',
    bea: 'attendee',
    chen: 'attendee',
  })
    .do('bea', { type: 'join', kind: 'point' })
    .do('olivia', { type: 'next', currentTurnId: null })
    .do('chen', { type: 'join', kind: 'point', note: NOTE_WITH_MARKUP });
}

/** The queue's entry at this place (0 = next). */
function queueItem(index: number): HTMLElement {
  const item = within(screen.getByRole('list', { name: /^Queue/ })).getAllByRole('listitem')[index];
  if (item === undefined) throw new Error(`The queue has no entry at ${index}`);
  return item;
}

function liveRegion(): HTMLElement {
  return screen.getByRole('status');
}

afterEach(() => {
  jest.useRealTimers();
});

// Host tools arrive in their own chunk; load it once up front so no test races the import.
beforeAll(async () => {
  await loadHostTools();
});

describe('side panel for an attendee', () => {
  it('shows who speaks now, the queue with kinds and plain-text notes, and Join', () => {
    renderPanel(new FakeController(meetingWithSpeaker(), 'amir'));

    const nowSpeaking = screen.getByRole('region', { name: 'Now speaking' });
    expect(within(nowSpeaking).getByText('Bea')).toBeTruthy();
    expect(within(nowSpeaking).getByText('New point')).toBeTruthy();
    const chen = queueItem(0);
    expect(chen.textContent).toContain('Chen');
    expect(within(chen).getByText('New point')).toBeTruthy();
    expect(within(chen).getByText(NOTE_WITH_MARKUP)).toBeTruthy();
    expect(chen.querySelector('b')).toBeNull();
    expect(screen.getByRole('button', { name: 'Join' })).toBeTruthy();
    expect(screen.getByText(/airtime is measured from queue turns/i)).toBeTruthy();
  });

  it('says when nobody is speaking', () => {
    const meeting = FakeMeeting.with({ olivia: 'organizer', amir: 'attendee' });
    renderPanel(new FakeController(meeting, 'amir'));
    expect(screen.getByText('Nobody is speaking')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /I'm done|Thank/ })).toBeNull();
  });

  it('joins by keyboard with the chosen kind and note, then focuses Leave', async () => {
    const fake = new FakeController(meetingWithSpeaker(), 'amir');
    const { user } = renderPanel(fake);

    await user.tab(); // Thank Bea
    await user.tab();
    const kind = screen.getByRole('combobox', { name: 'What would you like to add?' });
    expect(document.activeElement).toBe(kind);
    await user.selectOptions(kind, 'Reply');
    await user.tab();
    await user.keyboard('On the budget');
    expect(screen.getByText('127 of 140 characters left')).toBeTruthy();
    await user.keyboard('{Enter}');

    expect(fake.sent).toEqual([{ type: 'join', kind: 'reply', note: 'On the budget' }]);
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Leave: Reply' }));
  });

  it('keeps the typed note and shows the message when a join fails', async () => {
    const fake = new FakeController(meetingWithSpeaker(), 'amir');
    fake.refuseWith = 'Roundtable cannot be reached right now. Nothing you typed is lost.';
    const { user } = renderPanel(fake);

    await user.type(screen.getByRole('textbox', { name: 'Note (optional)' }), 'Keep me');
    await user.click(screen.getByRole('button', { name: 'Join' }));

    expect(fake.sentOfType('join')).toHaveLength(1);
    expect(screen.getByText(fake.refuseWith)).toBeTruthy();
    expect(screen.getByRole<HTMLInputElement>('textbox', { name: 'Note (optional)' }).value).toBe(
      'Keep me',
    );
    expect(screen.queryByRole('button', { name: /^Leave/ })).toBeNull();
  });

  it('shows a busy Join button while the server answers', async () => {
    const fake = new FakeController(meetingWithSpeaker(), 'amir');
    fake.holdSends = true;
    const { user } = renderPanel(fake);

    await user.click(screen.getByRole('button', { name: 'Join' }));
    expect(screen.getByRole('button', { name: 'Join' }).getAttribute('aria-disabled')).toBe('true');
    await fake.release();
    expect(screen.getByRole('button', { name: 'Join' }).getAttribute('aria-disabled')).toBeNull();
  });

  it('tells you your place, highlights your entry with You, and lets you leave', async () => {
    const meeting = meetingWithSpeaker().do('amir', { type: 'join', kind: 'point' });
    const fake = new FakeController(meeting, 'amir');
    const { user } = renderPanel(fake);

    const places = screen.getByRole('list', { name: 'Your places in the queue' });
    expect(within(places).getByText("You're 2nd")).toBeTruthy();
    const mine = queueItem(1);
    expect(within(mine).getByText('You')).toBeTruthy();
    expect(within(mine).getByText("You're 2nd")).toBeTruthy();
    expect(within(queueItem(0)).queryByText('You')).toBeNull();
    fake.others((m) => m.do('chen', { type: 'leave', kind: 'point' }));
    expect(within(places).getByText("You're next")).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Leave: New point' }));
    expect(fake.sent).toEqual([{ type: 'leave', kind: 'point' }]);
    expect(screen.queryByText("You're next")).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Join' }));
  });

  it('offers only a point of order while the queue is locked, and says why', async () => {
    const meeting = meetingWithSpeaker().do('olivia', { type: 'lock' });
    const fake = new FakeController(meeting, 'amir');
    const { user } = renderPanel(fake);

    const kind = screen.getByRole<HTMLSelectElement>('combobox', {
      name: 'What would you like to add?',
    });
    expect(kind.value).toBe('order');
    expect(screen.getByRole<HTMLOptionElement>('option', { name: 'New point' }).disabled).toBe(
      true,
    );
    expect(screen.getByText(/locked the queue.*point of order is still welcome/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Join' }));
    expect(fake.sent).toEqual([{ type: 'join', kind: 'order' }]);
  });

  it("sends finish with the current turn id when the speaker presses I'm done", async () => {
    const fake = new FakeController(meetingWithSpeaker(), 'bea');
    const { user } = renderPanel(fake);

    expect(screen.queryByRole('button', { name: /^Thank/ })).toBeNull();
    await user.click(screen.getByRole('button', { name: "I'm done" }));
    expect(fake.sent).toEqual([{ type: 'finish', turnId: 't1' }]);
    expect(screen.getByText('Nobody is speaking')).toBeTruthy();
  });

  it('thanks the speaker once', async () => {
    const fake = new FakeController(meetingWithSpeaker(), 'amir');
    const { user } = renderPanel(fake);

    await user.click(screen.getByRole('button', { name: 'Thank Bea' }));
    expect(fake.sent).toEqual([{ type: 'appreciate', turnId: 't1' }]);
    const thanked = screen.getByRole('button', { name: 'Thanked Bea' });
    expect(thanked.textContent).toBe('Thanked');
    expect(thanked.getAttribute('aria-disabled')).toBe('true');
  });

  it('counts down calmly from the start of the turn and says gently when over the timebox', () => {
    jest.useFakeTimers();
    const meeting = meetingWithSpeaker().do('olivia', { type: 'setTimebox', seconds: 120 });
    const fake = new FakeController(meeting, 'amir');
    renderPanel(fake);
    const timer = screen.getByRole('timer');
    expect(timer.textContent).toBe('2:00 left of 2:00');

    // Only the controller's clock moves; the countdown re-reads it every second by itself.
    meeting.tick(75);
    act(() => {
      jest.advanceTimersByTime(1000);
    });
    expect(timer.textContent).toBe('0:45 left of 2:00');
    meeting.tick(60);
    act(() => {
      jest.advanceTimersByTime(1000);
    });
    expect(timer.textContent).toMatch(/^Over the timebox/);
    expect(timer.className).toBe(screen.getByRole('timer').className);
  });

  it('accepts a private invitation to speak', async () => {
    const meeting = meetingWithSpeaker().do('olivia', { type: 'invite', participantId: 'amir' });
    const fake = new FakeController(meeting, 'amir');
    const { user } = renderPanel(fake);

    expect(
      screen.getByRole('heading', { name: 'The host would love to hear from you' }),
    ).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Join the queue' }));
    expect(fake.sent).toEqual([{ type: 'respondInvite', accept: true }]);
    expect(screen.queryByRole('heading', { name: /love to hear from you/ })).toBeNull();
    expect(screen.getAllByText("You're 2nd")).toHaveLength(2);
  });

  it('declines an invitation without joining', async () => {
    const meeting = meetingWithSpeaker().do('olivia', { type: 'invite', participantId: 'amir' });
    const fake = new FakeController(meeting, 'amir');
    const { user } = renderPanel(fake);

    await user.click(screen.getByRole('button', { name: 'Not now' }));
    expect(fake.sent).toEqual([{ type: 'respondInvite', accept: false }]);
    expect(document.activeElement?.textContent).toMatch(/No problem/);
    expect(screen.queryByRole('button', { name: /^Leave/ })).toBeNull();
    await user.tab();
    expect(screen.queryByText(/No problem/)).toBeNull();
  });

  it('announces "You\'re next" and then "You\'re speaking", each only when it changes', () => {
    const meeting = meetingWithSpeaker().do('amir', { type: 'join', kind: 'point' });
    const fake = new FakeController(meeting, 'amir');
    renderPanel(fake);
    expect(liveRegion().textContent).toBe('');

    fake.others((m) => m.do('olivia', { type: 'next', currentTurnId: 't1' }));
    expect(liveRegion().textContent).toBe("You're next");
    const spoken = liveRegion().firstElementChild;
    fake.others((m) => m.do('olivia', { type: 'setTimebox', seconds: 60 }));
    expect(liveRegion().firstElementChild).toBe(spoken);

    fake.others((m) => m.do('olivia', { type: 'next', currentTurnId: 't2' }));
    expect(liveRegion().textContent).toBe('Your turn');
  });

  it('shows a calm connection message and the controller problem', () => {
    const fake = new FakeController(meetingWithSpeaker(), 'amir');
    renderPanel(fake);
    expect(screen.queryByText('Reconnecting…')).toBeNull();

    fake.setConnection('reconnecting');
    expect(screen.getByText('Reconnecting…')).toBeTruthy();
    fake.setConnection('polling', 'Live updates are paused; your view still refreshes.');
    expect(
      screen.getByText('Updates every few seconds while live updates are unavailable'),
    ).toBeTruthy();
    expect(screen.getByText('Live updates are paused; your view still refreshes.')).toBeTruthy();
  });

  it('hides every action once the session has ended', () => {
    const fake = new FakeController(meetingWithSpeaker(), 'amir');
    renderPanel(fake);
    expect(screen.getAllByRole('button').length).toBeGreaterThan(0);

    fake.others((m) => m.do('olivia', { type: 'endSession', session: 1 }));
    expect(screen.getByRole('heading', { name: 'This session has ended' })).toBeTruthy();
    expect(screen.queryAllByRole('button')).toEqual([]);
    expect(screen.queryAllByRole('textbox')).toEqual([]);
  });
});
