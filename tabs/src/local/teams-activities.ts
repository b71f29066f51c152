// Local mode only: what Teams would tell the bot about the simulated meeting, shaped as Teams sends
// it (msteams-docs apps-in-teams-meetings/meeting-apps-apis.md, meeting start and end events and
// participant join and leave events), for POST /api/dev/activities. The API runs them through the
// same handling as /api/messages.
import type { Role } from '@roundtable/core';
import type { ApiClient } from '../api/client.js';
import { signInAs, type SimulatedPerson } from './local-identity.js';

const ROLE_NAMES: Record<Role, string> = {
  organizer: 'Organizer',
  presenter: 'Presenter',
  attendee: 'Attendee',
};

/** Who a simulated person is to Teams: the tenant and object id of their local sign-in. */
async function identityOf(person: SimulatedPerson): Promise<{ tid: string; oid: string }> {
  const token = await signInAs(person);
  const payload = token.split('.')[1] ?? '';
  const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
  return JSON.parse(json) as { tid: string; oid: string };
}

function envelope(name: string, meetingId: string, tenantId: string) {
  return {
    type: 'event',
    name,
    timestamp: new Date().toISOString(),
    channelId: 'msteams',
    serviceUrl: 'http://127.0.0.1/simulated-teams/',
    channelData: { tenant: { id: tenantId }, meeting: { id: meetingId } },
  };
}

/** Teams says the meeting started or ended. */
export async function meetingStartsOrEnds(
  client: ApiClient,
  by: SimulatedPerson,
  meetingId: string,
  kind: 'Start' | 'End',
  /** The language tag Teams sends with the event (the documented example's `locale`). */
  locale?: string,
): Promise<number> {
  const { tid } = await identityOf(by);
  const at = new Date().toISOString();
  return client.teamsActivity({
    ...envelope(`application/vnd.microsoft.meeting${kind}`, meetingId, tid),
    value: kind === 'Start' ? { StartTime: at } : { EndTime: at },
    ...(locale === undefined ? {} : { locale }),
  });
}

/** Teams says these people joined (or left) the call. */
export async function peopleJoinOrLeave(
  client: ApiClient,
  meetingId: string,
  people: readonly SimulatedPerson[],
  joined: boolean,
): Promise<number> {
  const identities = await Promise.all(people.map(identityOf));
  const tenantId = identities[0]?.tid ?? '';
  return client.teamsActivity({
    ...envelope(
      `application/vnd.microsoft.meetingParticipant${joined ? 'Join' : 'Leave'}`,
      meetingId,
      tenantId,
    ),
    value: {
      members: people.map((person, index) => {
        const oid = identities[index]?.oid ?? '';
        return {
          user: { id: `29:simulated-${oid}`, aadObjectId: oid, name: person.name },
          meeting: joined
            ? { inMeeting: true, role: ROLE_NAMES[person.role] }
            : { inMeeting: false },
        };
      }),
    },
  });
}
