// What a screen reader hears from the side panel's polite live regions: each of the four moments
// once ("You're next", "Your turn", "Check-in open", "The host invited you to speak"), nothing for
// the rest of a busy meeting's updates, and the speaking timer only at its two set points.
import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { act, screen } from '@testing-library/react';
import { FakeController, FakeMeeting, renderPanel } from './fake-controller.js';

/** Every sentence the polite region has said, in order: each one is a fresh node. */
function listen(): { said: string[]; stop: () => void } {
  const region = screen.getByRole('status');
  const said: string[] = [];
  const observer = new MutationObserver((records) => {
    for (const record of records)
      for (const node of record.addedNodes) {
        const text = node.textContent ?? '';
        if (text !== '') said.push(text);
      }
  });
  observer.observe(region, { childList: true, subtree: true, characterData: true });
  return {
    said,
    stop: () => {
      observer.disconnect();
    },
  };
}

/** Lets the MutationObserver deliver what the last change did. */
async function flush(): Promise<void> {
  await act(async () => {
    await Promise.resolve();
  });
}

afterEach(() => {
  jest.useRealTimers();
});

describe('the polite live region', () => {
  it('says each of the four moments once, and nothing for unrelated updates', async () => {
    const meeting = FakeMeeting.with({
      olivia: 'organizer',
      amir: 'attendee',
      bea: 'attendee',
      chen: 'attendee',
    })
      .do('bea', { type: 'join', kind: 'point' })
      .do('olivia', { type: 'next', currentTurnId: null });
    const fake = new FakeController(meeting, 'amir');
    renderPanel(fake);
    const heard = listen();
    const unrelated = async () => {
      fake.others((m) =>
        m
          .do('chen', { type: 'join', kind: 'point', note: 'Budget' })
          .do('olivia', { type: 'setTimebox', seconds: 120 })
          .do('olivia', { type: 'setTimebox', seconds: null }),
      );
      await flush();
      fake.others((m) => m.do('chen', { type: 'leave', kind: 'point' }));
      await flush();
    };

    await unrelated();
    expect(heard.said).toEqual([]);

    fake.others((m) => m.do('olivia', { type: 'invite', participantId: 'amir' }));
    await flush();
    expect(heard.said).toEqual(['The host invited you to speak']);

    await unrelated();
    fake.others((m) => m.do('olivia', { type: 'openCheckin', promptId: 'energy' }));
    await flush();
    expect(heard.said).toEqual(['The host invited you to speak', 'Check-in open']);

    // Amir joins behind nobody: he is next at once (his own act, yet news to someone not looking).
    await act(async () => {
      await fake.send({ type: 'join', kind: 'point' });
    });
    await flush();
    await unrelated();
    fake.others((m) => m.do('bea', { type: 'answerCheckin', checkinId: 'c1', value: 3 }));
    await flush();
    const turn = meeting.viewFor('olivia')?.current?.turnId ?? null;
    fake.others((m) => m.do('olivia', { type: 'next', currentTurnId: turn }));
    await flush();
    await unrelated();
    expect(heard.said).toEqual([
      'The host invited you to speak',
      'Check-in open',
      "You're next",
      'Your turn',
    ]);
    heard.stop();
  });

  it('does not say "Check-in open" to someone who has already answered it', async () => {
    const meeting = FakeMeeting.with({ olivia: 'organizer', amir: 'attendee' });
    const fake = new FakeController(meeting, 'amir');
    renderPanel(fake);
    const heard = listen();
    fake.others((m) =>
      m
        .do('olivia', { type: 'openCheckin', promptId: 'energy' })
        .do('amir', { type: 'answerCheckin', checkinId: 'c1', value: 4 }),
    );
    await flush();
    expect(heard.said).toEqual([]);
    heard.stop();
  });

  it('gives the speaker the time left at a minute and at the end, not every second', () => {
    jest.useFakeTimers();
    const meeting = FakeMeeting.with({ olivia: 'organizer', amir: 'attendee' })
      .do('olivia', { type: 'setTimebox', seconds: 120 })
      .do('amir', { type: 'join', kind: 'point' })
      .do('olivia', { type: 'next', currentTurnId: null });
    const fake = new FakeController(meeting, 'amir');
    const { container } = renderPanel(fake);
    // The time left is text at any moment, in a timer (which is not a live region).
    const timer = screen.getByRole('timer');
    expect(timer.textContent).toBe('2:00 left of 2:00');
    expect(timer.getAttribute('aria-live')).toBeNull();
    const region = container.querySelector('[role="timer"] + [aria-live="polite"]');
    if (region === null) throw new Error('The speaker has no live region for the timer.');
    const said: string[] = [];
    for (let second = 1; second <= 130; second++) {
      meeting.tick(1);
      act(() => {
        jest.advanceTimersByTime(1000);
      });
      const text = region.textContent;
      if (text !== '' && said.at(-1) !== text) said.push(text);
    }
    expect(said).toEqual([
      '1 minute left of 2 minutes',
      "Over the timebox — no rush, wrap up when you're ready",
    ]);
    expect(timer.textContent).toMatch(/^Over the timebox/);
  });

  it('gives the timer no live region to anyone but the speaker', () => {
    const meeting = FakeMeeting.with({ olivia: 'organizer', amir: 'attendee', bea: 'attendee' })
      .do('olivia', { type: 'setTimebox', seconds: 120 })
      .do('bea', { type: 'join', kind: 'point' })
      .do('olivia', { type: 'next', currentTurnId: null });
    const { container } = renderPanel(new FakeController(meeting, 'amir'));
    expect(screen.getByRole('timer').textContent).toBe('2:00 left of 2:00');
    expect(container.querySelector('[role="timer"] + [aria-live]')).toBeNull();
  });
});
