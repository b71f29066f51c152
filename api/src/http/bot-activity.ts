// The Teams activities the bot acts on, read from a Bot Framework activity as Teams sends it to the
// bot endpoint (msteams-docs apps-in-teams-meetings/meeting-apps-apis.md, "Get meeting start or end
// events" and "Receive meeting participant events"). Everything else is acknowledged and ignored.
import { z } from 'zod';
import { shownName } from '../application/display-name.js';
import type { TeamsEvents } from '../application/teams-events.js';
import { parseWith } from './request.js';

export const MEETING_START_EVENT = 'application/vnd.microsoft.meetingStart';
export const MEETING_END_EVENT = 'application/vnd.microsoft.meetingEnd';
export const PARTICIPANT_JOIN_EVENT = 'application/vnd.microsoft.meetingParticipantJoin';
export const PARTICIPANT_LEAVE_EVENT = 'application/vnd.microsoft.meetingParticipantLeave';
const MEETING_EVENTS = new Set([
  MEETING_START_EVENT,
  MEETING_END_EVENT,
  PARTICIPANT_JOIN_EVENT,
  PARTICIPANT_LEAVE_EVENT,
]);

const activitySchema = z.object({
  type: z.string().min(1),
  name: z.string().optional(),
  channelId: z.string().optional(),
  serviceUrl: z.string().max(2048).optional(),
  // Where Teams puts the tenant: channelData.tenant.id (meeting events) or conversation.tenantId.
  channelData: z.object({ tenant: z.object({ id: z.string().max(64) }).optional() }).optional(),
  conversation: z.object({ tenantId: z.string().max(64).optional() }).optional(),
});

// Teams' meeting id here is the same one the tab reads from its context, so both give one key.
// The documentation says to take it from channelData, never from value (value.Id may be the chat),
// and its examples spell the end time both "EndTime" and "endTime".
const meetingEventSchema = z.object({
  // The Bot Framework activity's language tag ("en-US"), and the clientInfo entity's: the
  // older meeting-event example carries both, the 2024 one neither. Anything odd is dropped.
  locale: z.string().max(35).optional().catch(undefined),
  entities: z
    .array(z.object({ type: z.string().optional(), locale: z.string().max(35).optional() }))
    .optional()
    .catch(undefined),
  value: z.object({ EndTime: z.string().optional(), endTime: z.string().optional() }).optional(),
  channelData: z.object({
    tenant: z.object({ id: z.string().min(1).max(64) }).optional(),
    meeting: z.object({ id: z.string().min(1).max(512) }),
  }),
});

// The documented example pads ids with spaces (" user_object_Id "); a leave names no role.
const trimmed = z.string().trim().min(1).max(256);
const participantEventSchema = z.object({
  value: z.object({
    members: z
      .array(
        z.object({
          user: z.object({
            id: trimmed,
            aadObjectId: trimmed,
            name: z.string().max(256).optional(),
          }),
          meeting: z.object({
            inMeeting: z.boolean(),
            role: z.enum(['Organizer', 'Presenter', 'Attendee']).optional(),
          }),
        }),
      )
      .max(500),
  }),
  channelData: z.object({
    tenant: z.object({ id: z.string().min(1).max(64) }),
    meeting: z.object({ id: z.string().min(1).max(512) }),
  }),
});

const ROLE_OF = { Organizer: 'organizer', Presenter: 'presenter', Attendee: 'attendee' } as const;

export type ActivityOutcome = 'handled' | 'ignored';

/** Hands a meeting start or end to the use cases; says whether the activity meant anything. */
export async function dispatchActivity(
  body: unknown,
  events: TeamsEvents,
  now: number,
): Promise<ActivityOutcome> {
  const activity = parseWith(activitySchema, body);
  const tenantId = activity.channelData?.tenant?.id ?? activity.conversation?.tenantId;
  if (tenantId !== undefined && activity.serviceUrl !== undefined) {
    await events.serviceUrlSeen(tenantId, activity.serviceUrl);
  }
  const isMeetingEvent =
    activity.type === 'event' &&
    activity.channelId === 'msteams' &&
    activity.name !== undefined &&
    MEETING_EVENTS.has(activity.name);
  if (!isMeetingEvent) return 'ignored';
  if (activity.name === PARTICIPANT_JOIN_EVENT || activity.name === PARTICIPANT_LEAVE_EVENT) {
    return participantsChanged(body, events, activity.name === PARTICIPANT_JOIN_EVENT);
  }
  // An authentic event without the meeting id (the 2024 example has none) names no meeting we
  // could act on; refusing it would only make the Bot Framework send it again.
  const event = meetingEventSchema.safeParse(body);
  if (!event.success) return 'ignored';
  const { channelData, value } = event.data;
  const locale =
    event.data.locale ??
    event.data.entities?.find((entity) => entity.type === 'clientInfo')?.locale;
  const meetingId = channelData.meeting.id;
  if (activity.name === MEETING_START_EVENT) {
    await events.meetingStarted({ meetingId });
    return 'handled';
  }
  const reported = Date.parse(value?.EndTime ?? value?.endTime ?? '');
  await events.meetingEnded({
    meetingId,
    // A missing or unreadable end time counts as now: the event has just arrived.
    endedAt: Number.isFinite(reported) ? Math.min(reported, now) : now,
    ...(channelData.tenant === undefined ? {} : { tenantId: channelData.tenant.id }),
    ...(locale === undefined ? {} : { locale }),
  });
  return 'handled';
}

async function participantsChanged(
  body: unknown,
  events: TeamsEvents,
  joined: boolean,
): Promise<ActivityOutcome> {
  const event = participantEventSchema.safeParse(body);
  if (!event.success) return 'ignored';
  const { value, channelData } = event.data;
  await events.participantsChanged({
    meetingId: channelData.meeting.id,
    changes: value.members.map(({ user, meeting }) => ({
      person: {
        tenantId: channelData.tenant.id,
        userId: user.aadObjectId,
        displayName: shownName(user.name),
      },
      teamsUserId: user.id,
      // A join that says the person is not in the meeting is not a join.
      inMeeting: joined && meeting.inMeeting,
      role: meeting.role === undefined ? null : ROLE_OF[meeting.role],
    })),
  });
  return 'handled';
}
