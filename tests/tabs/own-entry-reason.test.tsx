// A person's own place in the queue says why it is there (carried over, kind, a host's move, the
// equity rule), and an entry carried over from last time can be left like any other.
import { beforeAll, describe, expect, it } from '@jest/globals';
import { screen, within } from '@testing-library/react';
import { initialMeetingState, publicView } from '@roundtable/core';
import { ViewState } from '../../tabs/src/meeting/view-state.js';
import { FakeController, FakeMeeting, renderPanel } from './fake-controller.js';
import { loadHostTools } from '../../tabs/src/components/host/LazyHostTools.js';

beforeAll(async () => {
  await loadHostTools();
});

function yourPlaces(): HTMLElement {
  return screen.getByRole('list', { name: 'Your places in the queue' });
}

describe('your own entry says why it is where it is', () => {
  it('says an entry was carried over from last time, and lets you leave it', async () => {
    const meeting = new FakeMeeting();
    meeting.state = initialMeetingState({}, 2, { transcript: false, carryOver: true }, [
      { carryKey: 'key-amir', kind: 'point', rank: 0 },
    ]);
    meeting
      .do('olivia', { type: 'arrive', displayName: 'Olivia', role: 'organizer' })
      .do('olivia', { type: 'join', kind: 'point' })
      .do('amir', { type: 'arrive', displayName: 'Amir', role: 'attendee', carryKey: 'key-amir' });
    const fake = new FakeController(meeting, 'amir');
    const { user } = renderPanel(fake);
    const places = yourPlaces();
    expect(within(places).getByText("You're next")).toBeTruthy();
    expect(
      within(places).getByText(/^Carried over from last time\. You're free to leave/),
    ).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Leave: New point' }));
    expect(fake.sent).toEqual([{ type: 'leave', kind: 'point' }]);
  });

  it('says points of order go first', () => {
    const meeting = FakeMeeting.with({ olivia: 'organizer', amir: 'attendee', bea: 'attendee' })
      .do('bea', { type: 'join', kind: 'point' })
      .do('amir', { type: 'join', kind: 'order' });
    const fake = new FakeController(meeting, 'amir');
    renderPanel(fake);
    expect(within(yourPlaces()).getByText('Points of order go first')).toBeTruthy();
    expect(screen.queryByText('Moved by a host')).toBeNull();
  });

  it('tells Bea she was moved by a host, and nobody else why her entry moved', () => {
    const meeting = FakeMeeting.with({ olivia: 'organizer', amir: 'attendee', bea: 'attendee' })
      .do('amir', { type: 'join', kind: 'point' })
      .do('bea', { type: 'join', kind: 'point' })
      .do('olivia', { type: 'move', entryId: 'e2', toIndex: 0 });
    renderPanel(new FakeController(meeting, 'bea'));
    expect(within(yourPlaces()).getByText('Moved by a host')).toBeTruthy();
  });

  it('says nothing of Bea’s move in Amir’s panel, only his own place', () => {
    const meeting = FakeMeeting.with({ olivia: 'organizer', amir: 'attendee', bea: 'attendee' })
      .do('amir', { type: 'join', kind: 'point' })
      .do('bea', { type: 'join', kind: 'point' })
      .do('olivia', { type: 'move', entryId: 'e2', toIndex: 0 });
    renderPanel(new FakeController(meeting, 'amir'));
    expect(screen.queryByText('Moved by a host')).toBeNull();
    expect(within(yourPlaces()).getByText('In the order people joined')).toBeTruthy();
  });

  it('says you are ahead because you have spoken least so far', () => {
    const meeting = FakeMeeting.with({ olivia: 'organizer', amir: 'attendee', bea: 'attendee' })
      .do('olivia', { type: 'setMode', mode: 'equity' })
      .do('bea', { type: 'join', kind: 'point' })
      .do('olivia', { type: 'next', currentTurnId: null })
      .do('bea', { type: 'finish', turnId: 't1' })
      .do('bea', { type: 'join', kind: 'point' })
      .do('amir', { type: 'join', kind: 'point' });
    renderPanel(new FakeController(meeting, 'amir'));
    expect(within(yourPlaces()).getByText("You're next")).toBeTruthy();
    expect(
      within(yourPlaces()).getByText('Ahead because you have spoken least so far'),
    ).toBeTruthy();
  });
});

describe('a live public update', () => {
  it('keeps why a known entry is where it is, and claims no reason for one it has not heard of', () => {
    const meeting = FakeMeeting.with({ olivia: 'organizer', amir: 'attendee', bea: 'attendee' }).do(
      'amir',
      { type: 'join', kind: 'order' },
    );
    const state = new ViewState(() => Promise.resolve({ ok: true } as never));
    const own = meeting.viewFor('amir');
    if (own === null) throw new Error('Amir has no view.');
    state.apply(own);
    meeting.do('amir', { type: 'join', kind: 'point' });
    state.applyPublic(
      publicView(meeting.state, { meetingId: 'meeting-1', version: own.version + 1 }),
    );
    expect(state.view?.you.entries).toEqual([
      { entryId: 'e1', kind: 'order', position: 0, why: 'kind' },
      { entryId: 'e2', kind: 'point', position: 1 },
    ]);
  });
});
