// axe finds no violations in the side panel, for attendees and hosts, in light and dark themes.
import { beforeAll, describe, expect, it } from '@jest/globals';
import { teamsDarkTheme, teamsLightTheme } from '@fluentui/react-components';
import type { Theme } from '@fluentui/react-components';
import { screen } from '@testing-library/react';
import { axe } from 'jest-axe';
import { FakeController, FakeMeeting, renderPanel } from './fake-controller.js';
import { loadHostTools } from '../../tabs/src/components/host/LazyHostTools.js';

/** A meeting with everything on screen: a speaker, a mixed queue, an invitation, check-in results. */
function fullMeeting(): FakeMeeting {
  return FakeMeeting.with({
    olivia: 'organizer',
    amir: 'attendee',
    bea: 'attendee',
    chen: 'attendee',
  })
    .do('bea', { type: 'join', kind: 'point' })
    .do('olivia', { type: 'next', currentTurnId: null })
    .do('amir', { type: 'join', kind: 'point', note: 'About the timeline' })
    .do('chen', { type: 'join', kind: 'clarify' })
    .do('olivia', { type: 'invite', participantId: 'amir' })
    .do('olivia', { type: 'openCheckin', promptId: 'energy' })
    .do('bea', { type: 'answerCheckin', checkinId: 'c1', value: 4 })
    .do('chen', { type: 'answerCheckin', checkinId: 'c1', value: 2 })
    .do('amir', { type: 'answerCheckin', checkinId: 'c1', value: 5 });
}

const THEMES: [string, Theme][] = [
  ['light', teamsLightTheme],
  ['dark', teamsDarkTheme],
];

// Host tools arrive in their own chunk; load it once up front so no test races the import.
beforeAll(async () => {
  await loadHostTools();
});

describe('side panel accessibility', () => {
  it.each(THEMES)('has no axe violations for an attendee (%s theme)', async (_, theme) => {
    const { container } = renderPanel(new FakeController(fullMeeting(), 'amir'), theme);
    expect(screen.getByRole('table')).toBeTruthy();
    expect((await axe(container)).violations).toEqual([]);
  });

  it.each(THEMES)(
    'has no axe violations for an attendee answering (%s theme)',
    async (_, theme) => {
      const meeting = FakeMeeting.with({ olivia: 'organizer', amir: 'attendee' })
        .do('olivia', { type: 'lock' })
        .do('olivia', { type: 'openCheckin', promptId: 'felt-heard' });
      const { container } = renderPanel(new FakeController(meeting, 'amir'), theme);
      expect(screen.getAllByRole('radio')).toHaveLength(5);
      expect((await axe(container)).violations).toEqual([]);
    },
  );

  it.each(THEMES)(
    'has no axe violations for a host with every tool open (%s theme)',
    async (_, theme) => {
      const fake = new FakeController(fullMeeting(), 'olivia');
      fake.status = 'polling';
      const { container, user } = renderPanel(fake, theme);
      for (const tool of [
        'Queue order and timebox',
        'Check-in',
        /^Not heard yet/,
        'Who hosts',
        'Meeting options',
      ]) {
        await user.click(await screen.findByRole('button', { name: tool }));
      }
      expect(screen.getByRole('switch', { name: 'Lock the queue' })).toBeTruthy();
      expect(screen.getByRole('button', { name: 'Close check-in' })).toBeTruthy();
      expect((await axe(container)).violations).toEqual([]);
    },
  );

  it('has no axe violations once the session has ended', async () => {
    const meeting = fullMeeting().do('olivia', { type: 'endSession', session: 1 });
    const { container } = renderPanel(new FakeController(meeting, 'amir'));
    expect((await axe(container)).violations).toEqual([]);
  });
});
