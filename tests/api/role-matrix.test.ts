// Every command against every kind of person: outsiders are refused, attendees and presenters do
// not host (presenters host only when an organiser lets them), co-hosts host but cannot hand
// hosting on, the organiser can do everything.
import { describe, expect, it } from '@jest/globals';
import type { PublicCommand, Role } from '@roundtable/core';
import type { Caller, Membership, RoleDirectory } from '../../api/src/application/ports.js';
import { command, testApi } from './support.js';

const ROLES: Record<string, Role | null> = {
  Olu: 'organizer',
  Pat: 'presenter',
  Cody: 'attendee',
  Ana: 'attendee',
  Zed: null,
};

class RolesByName implements RoleDirectory {
  membership(_meetingId: string, caller: Caller): Promise<Membership | null> {
    const role = ROLES[caller.displayName] ?? null;
    return Promise.resolve(role === null ? null : { role, inMeeting: true, teamsUserId: null });
  }
}

const COMMANDS: PublicCommand[] = [
  { type: 'join', kind: 'point' },
  { type: 'leave', kind: 'reply' },
  { type: 'next', currentTurnId: null },
  { type: 'finish', turnId: 't1' },
  { type: 'remove', entryId: 'e1' },
  { type: 'move', entryId: 'e1', toIndex: 0 },
  { type: 'setMode', mode: 'equity' },
  { type: 'setTimebox', seconds: 120 },
  { type: 'lock' },
  { type: 'unlock' },
  { type: 'grantHost', participantId: 'nobody' },
  { type: 'revokeHost', participantId: 'nobody' },
  { type: 'invite', participantId: 'nobody' },
  { type: 'respondInvite', accept: true },
  { type: 'openCheckin', promptId: 'energy' },
  { type: 'answerCheckin', checkinId: 'c1', value: 3 },
  { type: 'closeCheckin', checkinId: 'c1' },
  { type: 'appreciate', turnId: 't1' },
  { type: 'setPresentersHost', enabled: true },
  { type: 'setOption', option: 'transcript', enabled: true },
  { type: 'endSession', session: 1 },
];
const HOST_ONLY = new Set([
  'next',
  'remove',
  'move',
  'setMode',
  'setTimebox',
  'lock',
  'unlock',
  'grantHost',
  'revokeHost',
  'invite',
  'openCheckin',
  'closeCheckin',
  'setPresentersHost',
  'setOption',
  'endSession',
]);
const ORGANISERS_ONLY = new Set(['grantHost', 'revokeHost', 'setPresentersHost', 'setOption']);

function expectedRefusal(person: string, type: string): string | null {
  if (ROLES[person] === null) return 'not-participant';
  if ((person === 'Ana' || person === 'Pat') && HOST_ONLY.has(type)) return 'not-host';
  if (person === 'Cody' && ORGANISERS_ONLY.has(type)) return 'not-organizer';
  return null;
}

const cases = Object.keys(ROLES).flatMap((person) =>
  COMMANDS.map((c) => [person, c.type, c] as const),
);

describe('role matrix', () => {
  it.each(cases)('%s sending %s', async (person, type, body) => {
    const api = await testApi({ roles: new RolesByName() });
    const params = { meetingId: 'role-matrix' };
    const tokens = Object.fromEntries(
      await Promise.all(
        Object.keys(ROLES).map(
          async (name) => [name, await api.tokenFor(name, 'attendee')] as const,
        ),
      ),
    );
    // The organiser's first command opens the session; then everyone arrives in it.
    await api.call('commands-post', {
      params,
      token: tokens.Olu ?? '',
      body: command({ type: 'unlock' }),
    });
    for (const name of ['Olu', 'Pat', 'Cody', 'Ana'])
      await api.call('meetings-get', { params, token: tokens[name] ?? '' });
    const cody = (await api.call('meetings-get', { params, token: tokens.Cody ?? '' })).json as {
      you: { participantId: string };
    };
    await api.call('commands-post', {
      params,
      token: tokens.Olu ?? '',
      body: command({ type: 'grantHost', participantId: cody.you.participantId }),
    });
    await api.call('commands-post', {
      params,
      token: tokens.Ana ?? '',
      body: command({ type: 'join', kind: 'point' }),
    });

    const response = await api.call('commands-post', {
      params,
      token: tokens[person] ?? '',
      body: command(body),
    });
    const refusal = expectedRefusal(person, type);
    if (refusal === null) {
      expect(response.status).not.toBe(403);
      expect(response.status).toBeLessThan(500);
    } else {
      expect(response.status).toBe(403);
      expect(response.json).toMatchObject({ code: refusal });
    }
    api.close();
  });
});
