// A person's view as the API sends it (application/views.ts): the public part built once per
// committed state, each person's own part added, the JSON and entity tag those of the whole view.
import { describe, expect, it } from '@jest/globals';
import { evolve, participantView } from '@roundtable/core';
import { ViewBuilder } from '../../api/src/application/views.js';
import { crowdedMeetingState, T0 } from '../support/meeting-commits.js';

describe('views built from a shared public part', () => {
  const state = crowdedMeetingState(50);
  // The first is the organiser (a host), the others attend.
  const [first = '', second = '', third = ''] = Object.keys(state.participants);
  const meta = { meetingId: '19:meeting_views@thread.v2', version: 7 };

  it('is the participant view, serialised exactly as JSON.stringify would', () => {
    const builder = new ViewBuilder();
    for (const id of [first, second]) {
      const personal = builder.personal(state, meta, id);
      const expected = participantView(state, meta, id);
      expect(personal?.view).toEqual(expected);
      expect(personal?.serialised.body).toBe(JSON.stringify(expected));
      expect(personal?.serialised.etag).toMatch(/^"7\.[\w-]{16}"$/);
    }
    expect(builder.personal(state, meta, 'nobody')).toBeNull();
  });

  it('tags each person differently, and a change to one person alone changes only their tag', () => {
    const builder = new ViewBuilder();
    const tag = (s: typeof state, id: string) => builder.personal(s, meta, id)?.serialised.etag;
    expect(tag(state, first)).not.toBe(tag(state, second));
    // An invitation changes the invitee's own part (and the hosts' lists); the version stays.
    const invited = evolve(state, { type: 'InviteSent', at: T0, participantId: second });
    expect(tag(invited, third)).toBe(tag(state, third));
    expect(tag(invited, second)).not.toBe(tag(state, second));
    expect(tag(invited, first)).not.toBe(tag(state, first));
    expect(tag(invited, second)?.startsWith('"7.')).toBe(true);
  });

  it('does not reuse a public part across meetings or versions', () => {
    const builder = new ViewBuilder();
    builder.personal(state, meta, first);
    const later = builder.personal(state, { ...meta, version: 8 }, first);
    expect(later?.view.version).toBe(8);
    const other = builder.personal(state, { ...meta, meetingId: 'another' }, first);
    expect(other?.view.meetingId).toBe('another');
  });
});
