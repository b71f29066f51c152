// Host tools in the side panel: next speaker, reordering, modes, timebox, lock, check-ins,
// private invitations, co-hosts and ending the session.
import { afterEach, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { FakeController, FakeMeeting, renderPanel } from './fake-controller.js';
import { loadHostTools } from '../../tabs/src/components/host/LazyHostTools.js';

/** Bea speaks (t1); Chen waits with a reply, then Amir and Dana with new points. */
function busyMeeting(): FakeMeeting {
  return FakeMeeting.with({
    olivia: 'organizer',
    amir: 'attendee',
    bea: 'attendee',
    chen: 'attendee',
    dana: 'attendee',
  })
    .do('bea', { type: 'join', kind: 'point' })
    .do('olivia', { type: 'next', currentTurnId: null })
    .do('amir', { type: 'join', kind: 'point' })
    .do('dana', { type: 'join', kind: 'point' })
    .do('chen', { type: 'join', kind: 'reply' });
}

async function openTool(user: UserEvent, name: string | RegExp): Promise<void> {
  await user.click(screen.getByRole('button', { name }));
}

function queueNames(): string[] {
  return within(screen.getByRole('list', { name: /^Queue/ }))
    .getAllByRole('listitem')
    .map((item) => item.textContent);
}

afterEach(() => {
  jest.useRealTimers();
});

// Host tools arrive in their own chunk; load it once up front so no test races the import.
beforeAll(async () => {
  await loadHostTools();
});

describe('side panel for a host', () => {
  it('offers Next, mode, timebox, lock and check-in tools to hosts', async () => {
    const { user } = renderPanel(new FakeController(busyMeeting(), 'olivia'));

    expect(screen.getByRole('button', { name: 'Next speaker' })).toBeTruthy();
    await openTool(user, 'Queue order and timebox');
    expect(screen.getByRole('radio', { name: /First come.*In order of joining/ })).toBeTruthy();
    expect(screen.getByRole('radio', { name: /Balanced.*spoken least go first/ })).toBeTruthy();
    expect(
      screen.getByRole('radio', { name: /Round.*random order; anyone may pass/ }),
    ).toBeTruthy();
    expect(screen.getByRole('combobox', { name: 'Timebox per turn' })).toBeTruthy();
    expect(screen.getByRole('switch', { name: 'Lock the queue' })).toBeTruthy();
    await openTool(user, 'Check-in');
    expect(screen.getByRole('button', { name: 'Start check-in' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'End session…' })).toBeTruthy();
  });

  it('shows attendees no host tools', () => {
    renderPanel(new FakeController(busyMeeting(), 'amir'));
    expect(screen.queryByRole('button', { name: 'Next speaker' })).toBeNull();
    expect(screen.queryByRole('region', { name: 'Host tools' })).toBeNull();
    expect(screen.queryByRole('button', { name: /^Move|^Remove/ })).toBeNull();
    expect(screen.queryByText(/Not heard yet/)).toBeNull();
  });

  it('sends Next with the current turn id, then with none once nobody speaks', async () => {
    const meeting = FakeMeeting.with({ olivia: 'organizer', bea: 'attendee' })
      .do('bea', { type: 'join', kind: 'point' })
      .do('olivia', { type: 'next', currentTurnId: null });
    const fake = new FakeController(meeting, 'olivia');
    const { user } = renderPanel(fake);

    await user.click(screen.getByRole('button', { name: 'Next speaker' }));
    expect(fake.sent).toEqual([{ type: 'next', currentTurnId: 't1' }]);
    expect(screen.getByText('Nobody is speaking')).toBeTruthy();
    fake.others((m) => m.do('bea', { type: 'join', kind: 'point' }));
    await user.click(screen.getByRole('button', { name: 'Next speaker' }));
    expect(fake.sent[1]).toEqual({ type: 'next', currentTurnId: null });
  });

  it('moves an entry up by keyboard with its index in the whole queue, within its kind', async () => {
    const fake = new FakeController(busyMeeting(), 'olivia');
    const { user } = renderPanel(fake);
    expect(queueNames()).toEqual([
      expect.stringContaining('Chen'),
      expect.stringContaining('Amir'),
      expect.stringContaining('Dana'),
    ]);
    const amirUp = screen.getByRole('button', { name: 'Move Amir up' });
    expect(amirUp.getAttribute('aria-disabled')).toBe('true');

    screen.getByRole('button', { name: 'Move Dana up' }).focus();
    await user.keyboard('{Enter}');

    expect(fake.sent).toEqual([{ type: 'move', entryId: 'e3', toIndex: 1 }]);
    expect(queueNames()[1]).toContain('Dana');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Move Dana up' }));
  });

  it('moves an entry by drag and drop, only onto the same kind', async () => {
    const fake = new FakeController(busyMeeting(), 'olivia');
    renderPanel(fake);
    const [chen, amir, dana] = within(screen.getByRole('list', { name: /^Queue/ })).getAllByRole(
      'listitem',
    ) as [HTMLElement, HTMLElement, HTMLElement];
    const dataTransfer = { setData: () => undefined, effectAllowed: '', dropEffect: '' };

    fireEvent.dragStart(dana, { dataTransfer });
    fireEvent.dragOver(chen, { dataTransfer });
    fireEvent.drop(chen, { dataTransfer });
    expect(fake.sent).toEqual([]);

    fireEvent.dragStart(dana, { dataTransfer });
    fireEvent.dragOver(amir, { dataTransfer });
    fireEvent.drop(amir, { dataTransfer });
    expect(fake.sent).toEqual([{ type: 'move', entryId: 'e3', toIndex: 1 }]);
    await waitFor(() => {
      expect(queueNames()[1]).toContain('Dana');
    });
  });

  it("removes an entry with the person's name in the button's name", async () => {
    const fake = new FakeController(busyMeeting(), 'olivia');
    const { user } = renderPanel(fake);

    await user.click(screen.getByRole('button', { name: 'Remove Chen from the queue' }));
    expect(fake.sent).toEqual([{ type: 'remove', entryId: 'e4' }]);
    expect(queueNames().join()).not.toContain('Chen');
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: /^Queue \(/ }));
  });

  it('invites someone not heard yet, privately, and shows them as invited', async () => {
    const fake = new FakeController(busyMeeting(), 'olivia');
    const { user } = renderPanel(fake);

    await openTool(user, 'Not heard yet (3)');
    expect(screen.getByText(/^Only hosts see this; invitations are private\./)).toBeTruthy();
    const notHeard = screen.getByRole('list', { name: 'Not heard yet' });
    expect(within(notHeard).queryByText('Bea')).toBeNull();
    await user.click(within(notHeard).getByRole('button', { name: 'Invite Dana' }));

    expect(fake.sent).toEqual([{ type: 'invite', participantId: 'dana' }]);
    const invited = within(notHeard).getByRole('button', { name: 'Invited Dana' });
    expect(invited.textContent).toBe('Invited');
    expect(document.activeElement).toBe(invited);
  });

  it('changes the speaking order only when asked, not while arrowing through the choices', async () => {
    const fake = new FakeController(busyMeeting(), 'olivia');
    const { user } = renderPanel(fake);
    await openTool(user, 'Queue order and timebox');

    screen.getByRole('radio', { name: /First come/ }).focus();
    await user.keyboard('{ArrowDown}{ArrowDown}{ArrowUp}');
    expect(screen.getByRole<HTMLInputElement>('radio', { name: /Balanced/ }).checked).toBe(true);
    expect(fake.sent).toEqual([]);
    await user.click(screen.getByRole('button', { name: 'Use this order' }));
    expect(fake.sent).toEqual([{ type: 'setMode', mode: 'equity' }]);
    expect(screen.getByRole('radio', { name: /Balanced \(now\)/ })).toBeTruthy();
  });

  it('tells the host that balanced order places new points and moves nobody already waiting', async () => {
    const fake = new FakeController(busyMeeting(), 'olivia');
    const { user } = renderPanel(fake);
    await openTool(user, 'Queue order and timebox');
    const rule = /places points added from now on; everyone already waiting keeps their place/;
    expect(screen.queryByText(rule)).toBeNull();

    await user.click(screen.getByRole('radio', { name: /Balanced/ }));
    const apply = screen.getByRole('button', { name: 'Use this order' });
    expect(screen.getByText(rule)).toBeTruthy();
    // Said where a screen reader hears it: with the button that applies the order.
    expect(apply.getAttribute('aria-describedby')).toBe(screen.getByText(rule).id);
    await user.click(apply);
    expect(screen.getByText(rule)).toBeTruthy();
  });

  it('sets a timebox and locks the queue', async () => {
    jest.useFakeTimers();
    const fake = new FakeController(busyMeeting(), 'olivia');
    const { user } = renderPanel(fake);
    await openTool(user, 'Queue order and timebox');

    await user.selectOptions(
      screen.getByRole('combobox', { name: 'Timebox per turn' }),
      '2 minutes',
    );
    await user.click(screen.getByRole('switch', { name: 'Lock the queue' }));

    expect(fake.sent).toEqual([{ type: 'setTimebox', seconds: 120 }, { type: 'lock' }]);
    expect(screen.getByRole('timer').textContent).toBe('2:00 left of 2:00');
    expect(screen.getByRole<HTMLInputElement>('switch', { name: 'Lock the queue' }).checked).toBe(
      true,
    );
  });

  it('starts a built-in check-in, then closes it', async () => {
    const fake = new FakeController(busyMeeting(), 'olivia');
    const { user } = renderPanel(fake);
    await openTool(user, 'Check-in');

    await user.selectOptions(
      screen.getByRole('combobox', { name: 'Check-in prompt' }),
      'Did you feel heard in this meeting?',
    );
    await user.click(screen.getByRole('button', { name: 'Start check-in' }));
    expect(fake.sent).toEqual([{ type: 'openCheckin', promptId: 'felt-heard' }]);
    const close = screen.getByRole('button', { name: 'Close check-in' });
    expect(document.activeElement).toBe(close);

    await user.click(close);
    expect(fake.sent[1]).toEqual({ type: 'closeCheckin', checkinId: 'c1' });
  });

  it('starts a custom check-in with its own text and scale', async () => {
    const fake = new FakeController(busyMeeting(), 'olivia');
    const { user } = renderPanel(fake);
    await openTool(user, 'Check-in');

    await user.selectOptions(
      screen.getByRole('combobox', { name: 'Check-in prompt' }),
      'Write my own…',
    );
    const start = screen.getByRole('button', { name: 'Start check-in' });
    await user.type(screen.getByRole('textbox', { name: 'Your prompt' }), 'Hi');
    expect(start.getAttribute('aria-disabled')).toBe('true');
    await user.type(screen.getByRole('textbox', { name: 'Your prompt' }), ' there, one word?');
    await user.selectOptions(
      screen.getByRole('combobox', { name: 'Answer with' }),
      'One or two words',
    );
    await user.click(start);

    expect(fake.sent).toEqual([
      { type: 'openCheckin', text: 'Hi there, one word?', scale: 'word' },
    ]);
  });

  // Each test opens the dialog once. In jsdom, Fluent's focus trap (Tabster) can mark a dialog
  // reopened straight after closing as aria-hidden; real Chromium does not (the simulator's
  // browser test reopens it and checks).
  it('keeps the session going when the host thinks again', async () => {
    const fake = new FakeController(busyMeeting(), 'olivia');
    const { user } = renderPanel(fake);

    await user.click(screen.getByRole('button', { name: 'End session…' }));
    const dialog = await screen.findByRole('dialog', { name: 'End this session?' });
    await user.click(within(dialog).getByRole('button', { name: 'Keep going' }));
    await waitFor(() => {
      expect(screen.queryByRole('dialog', { hidden: true })).toBeNull();
    });
    expect(fake.sent).toEqual([]);
  });

  it('ends the session once the host confirms', async () => {
    const fake = new FakeController(busyMeeting(), 'olivia');
    const { user } = renderPanel(fake);

    await user.click(screen.getByRole('button', { name: 'End session…' }));
    const dialog = await screen.findByRole('dialog', { name: 'End this session?' });
    await user.click(within(dialog).getByRole('button', { name: 'End session' }));
    expect(fake.sent).toEqual([{ type: 'endSession', session: 1 }]);
    expect(await screen.findByRole('heading', { name: 'This session has ended' })).toBeTruthy();
  });

  it('closes the dialog before ending, and brings it back with the reason if the end is refused', async () => {
    const fake = new FakeController(busyMeeting(), 'olivia');
    fake.refuseWith = 'Only hosts can end the session.';
    const { user } = renderPanel(fake);

    await user.click(screen.getByRole('button', { name: 'End session…' }));
    const dialog = await screen.findByRole('dialog', { name: 'End this session?' });
    await user.click(within(dialog).getByRole('button', { name: 'End session' }));
    expect(fake.sent).toEqual([{ type: 'endSession', session: 1 }]);
    const reason = await screen.findByText('Only hosts can end the session.', undefined, {
      timeout: 5_000,
    });
    expect(reason.closest('[role="dialog"]')?.getAttribute('aria-modal')).toBe('true');
  });

  it('lets the organiser make an attendee co-host, who then hosts without managing co-hosts', async () => {
    const meeting = busyMeeting();
    const fake = new FakeController(meeting, 'olivia');
    const { user, unmount } = renderPanel(fake);
    await openTool(user, 'Who hosts');

    await user.click(screen.getByRole('button', { name: 'Make co-host Amir' }));
    expect(fake.sent).toEqual([{ type: 'grantHost', participantId: 'amir' }]);
    expect(screen.getByRole('button', { name: 'Remove co-host Amir' })).toBeTruthy();
    unmount();

    renderPanel(new FakeController(meeting, 'amir'));
    expect(screen.getByRole('region', { name: 'Host tools' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Who hosts' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Meeting options' })).toBeNull();
  });

  it('lets the organiser let presenters host, and choose the meeting’s options', async () => {
    const fake = new FakeController(busyMeeting(), 'olivia');
    const { user } = renderPanel(fake);
    await openTool(user, 'Who hosts');
    await user.click(screen.getByRole('switch', { name: 'Presenters can host' }));
    await openTool(user, 'Meeting options');
    await user.click(
      screen.getByRole('switch', { name: 'Carry waiting people over to the next session' }),
    );
    expect(fake.sent).toEqual([
      { type: 'setPresentersHost', enabled: true },
      { type: 'setOption', option: 'carryOver', enabled: true },
    ]);
    expect(
      screen.getByRole<HTMLInputElement>('switch', { name: 'Presenters can host' }).checked,
    ).toBe(true);
  });
});
