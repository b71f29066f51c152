// The Teams activities the bot acts on, read from a Bot Framework activity as Teams sends it to the
// bot endpoint (msteams-docs apps-in-teams-meetings/meeting-apps-apis.md, "Get meeting start or end
// events"). Everything else is acknowledged and ignored.
import { z } from 'zod';
import type { TeamsEvents } from '../application/teams-events.js';
import { parseWith } from './request.js';

export const MEETING_START_EVENT = 'application/vnd.microsoft.meetingStart';
export const MEETING_END_EVENT = 'application/vnd.microsoft.meetingEnd';

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
  value: z.object({ EndTime: z.string().optional(), endTime: z.string().optional() }).optional(),
  channelData: z.object({
    tenant: z.object({ id: z.string().min(1).max(64) }).optional(),
    meeting: z.object({ id: z.string().min(1).max(512) }),
  }),
});

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
    (activity.name === MEETING_START_EVENT || activity.name === MEETING_END_EVENT);
  if (!isMeetingEvent) return 'ignored';
  // An authentic event without the meeting id (the 2024 example has none) names no meeting we
  // could act on; refusing it would only make the Bot Framework send it again.
  const event = meetingEventSchema.safeParse(body);
  if (!event.success) return 'ignored';
  const { channelData, value } = event.data;
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
  });
  return 'handled';
}
