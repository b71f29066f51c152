// Every payload Roundtable sends to or receives from Teams, shaped exactly as Microsoft documents
// it, with the page (or official sample) each one comes from. Field names, nesting and casing are
// the documents'; only placeholder values ("meeting_id", "tenant_id", …) are filled in with
// realistic ones, so the fakes can check them. "msteams-docs" is MicrosoftDocs/msteams-docs,
// msteams-platform/; "bot-docs" is MicrosoftDocs/bot-docs; "samples" is OfficeDev/Microsoft-Teams-Samples.
import { teamsMeetingId } from '@roundtable/core';

export const TENANT_ID = '2fe477ab-0efc-4dfd-bde2-484374e2c373';
export const BOT_ID = '65f50003-e15d-434a-9e14-0fcfeb3d7817';
/** A regional service URL, as Teams sends it in activities (trailing slash included). */
export const SERVICE_URL_PATH = '/amer/';

/** A scheduled private meeting: its chat thread, and the id the tab and the bot both see. */
export const SCHEDULED_CHAT =
  '19:meeting_NTM3ZDJjOTUtZGRhOS00MzYxLTk5NDAtMzY4M2IzZWFjZGE1@thread.v2';
export const SCHEDULED_MEETING = teamsMeetingId(SCHEDULED_CHAT);
/**
 * A channel meeting: the thread is the whole channel, the message id the meeting's post
 * (msteams-docs apps-in-teams-meetings/meeting-apps-apis.md, "Get meeting details API", channel
 * meeting answer: details.id and conversation.id).
 */
export const CHANNEL = '19:kDmBJDXVlaitAhGqPvK0mDLYluSZrnoMV_S1xSdN4141@thread.tacv2';
export const CHANNEL_POST = '1660758607740';
export const CHANNEL_MEETING = teamsMeetingId(CHANNEL, CHANNEL_POST);
export const CHANNEL_MEETING_CONVERSATION = `${CHANNEL};messageid=${CHANNEL_POST}`;

export interface Person {
  readonly name: string;
  /** Entra object id: what the tab's SSO token carries (oid). */
  readonly aadObjectId: string;
  /** The pairwise id Teams gives this person for this bot. */
  readonly teamsId: string;
  readonly role: 'Organizer' | 'Presenter' | 'Attendee';
}

export const person = (n: number, name: string, role: Person['role']): Person => ({
  name,
  aadObjectId: `e236c4bf-88b1-4f3a-b1d7-${String(n).padStart(12, '0')}`,
  teamsId: `29:1JKiJGPAX9TTxtGxhVo0wLx_zwzo-gG8Z-X03306vBwi9p-xMTEbDXsT6KH7-${n}`,
  role,
});

/**
 * Meeting start and end events. msteams-docs apps-in-teams-meetings/meeting-apps-apis.md, "Receive
 * real-time Teams meeting events": the older example (PascalCase `value`, `channelData.meeting.id`,
 * as the property table, botbuilder-js and samples/meetings-events/nodejs read it) and the 2024
 * example (camelCase `value` but `EndTime`, no `channelData.meeting.id`). The meeting id is taken
 * from channelData only ("Do not use meeting ID from meeting events payload turncontext.activity.value").
 */
export function meetingEvent(
  kind: 'Start' | 'End',
  options: { serviceUrl: string; meetingId: string; at: string; form?: 'documented' | '2024' },
): Record<string, unknown> {
  const common = {
    name: `application/vnd.microsoft.meeting${kind}`,
    type: 'event',
    timestamp: options.at,
    channelId: 'msteams',
    serviceUrl: options.serviceUrl,
    recipient: { id: `28:${BOT_ID}` },
  };
  if (options.form === '2024') {
    return {
      ...common,
      localTimestamp: options.at,
      from: { id: 'user_id' },
      conversation: { isGroup: true, conversationType: 'groupchat', id: SCHEDULED_CHAT },
      value: {
        id: options.meetingId,
        joinUrl: 'https://teams.microsoft.com/l/meetup-join/x',
        title: 'Example meeting',
        meetingType: 'Scheduled',
        ...(kind === 'Start' ? { startTime: options.at } : { EndTime: options.at }),
      },
      channelData: { tenant: { id: TENANT_ID } },
    };
  }
  return {
    ...common,
    id: '123',
    from: { id: 'userID', aadObjectId: 'aadOnjectId' },
    conversation: { isGroup: true, tenantId: TENANT_ID, id: SCHEDULED_CHAT },
    entities: [{ locale: 'en-US', country: 'US', type: 'clientInfo' }],
    channelData: { tenant: { id: TENANT_ID }, source: null, meeting: { id: options.meetingId } },
    value: {
      MeetingType: 'Scheduled',
      Title: 'Meeting Start/End Event',
      Id: SCHEDULED_CHAT,
      JoinUrl: 'url',
      ...(kind === 'Start' ? { StartTime: options.at } : { EndTime: options.at }),
    },
    locale: 'en-US',
  };
}

/**
 * Participant join and leave events. msteams-docs apps-in-teams-meetings/meeting-apps-apis.md,
 * "Receive meeting participant events" (the page's example keeps stray spaces in `user.id` and
 * `aadObjectId`, and omits `role` on leave; both kept). Delivered only for scheduled meetings, with
 * OnlineMeetingParticipant.Read.Chat and the bot's "Meeting event subscriptions" in Developer Portal.
 */
export function participantEvent(
  kind: 'Join' | 'Leave',
  options: { serviceUrl: string; meetingId: string; at: string; people: readonly Person[] },
): Record<string, unknown> {
  return {
    type: 'event',
    name: `application/vnd.microsoft.meetingParticipant${kind}`,
    timestamp: options.at,
    channelId: 'msteams',
    serviceUrl: options.serviceUrl,
    from: { id: options.people[0]?.teamsId ?? '29:id_xyz' },
    conversation: { isGroup: true, conversationType: 'groupchat', id: SCHEDULED_CHAT },
    recipient: { id: `28:${BOT_ID}` },
    value: {
      members: options.people.map((who) => ({
        user: {
          tenantId: TENANT_ID,
          objectId: who.aadObjectId,
          id: `${who.teamsId} `,
          name: who.name,
          aadObjectId: ` ${who.aadObjectId} `,
        },
        meeting: kind === 'Join' ? { inMeeting: true, role: who.role } : { inMeeting: false },
      })),
    },
    channelData: { tenant: { id: TENANT_ID }, meeting: { id: options.meetingId } },
  };
}

/**
 * The answer of "Get participant" (GET {serviceUrl}/v1/meetings/{meetingId}/participants/
 * {participantId}?tenantId={tenantId}), msteams-docs meeting-apps-apis.md, JSON tab. (The page's
 * example writes "role " with a stray space; its property table and the SDKs use "role".)
 */
export function participantAnswer(who: Person, inMeeting = true, conversationId = SCHEDULED_CHAT) {
  return {
    user: {
      id: who.teamsId,
      aadObjectId: who.aadObjectId,
      name: who.name,
      givenName: who.name,
      surname: 'Young',
      email: `${who.name.toLowerCase()}@contoso.example`,
      userPrincipalName: `${who.name.toLowerCase()}@contoso.example`,
      tenantId: TENANT_ID,
      userRole: 'user',
    },
    meeting: { role: who.role, inMeeting },
    conversation: { id: conversationId, conversationType: 'groupChat', isGroup: true },
  };
}

/**
 * The answer of "Get meeting details" (GET {serviceUrl}/v1/meetings/{meetingId}), msteams-docs
 * meeting-apps-apis.md, JSON tab: the scheduled meeting and the scheduled channel meeting answers.
 */
export function meetingDetailsAnswer(meetingId: string, organizer: Person) {
  const channel = meetingId === CHANNEL_MEETING;
  return {
    details: {
      id: meetingId,
      msGraphResourceId:
        'MSowYmQ0M2I4OS1lN2QxLTQxNzAtOGZhYi00OWJjYjkwOTk1YWYqMCoqMTk6bWVldGluZ19OVEkyT0RjM01qUXROV1UyW',
      scheduledStartTime: '2026-12-07T09:00:00Z',
      scheduledEndTime: '2026-12-07T10:00:00Z',
      joinUrl: 'https://teams.microsoft.com/l/xx',
      title: 'All Hands',
      type: channel ? 'ChannelScheduled' : 'Scheduled',
    },
    conversation: channel
      ? { isGroup: true, conversationType: 'channel', id: CHANNEL_MEETING_CONVERSATION }
      : { isGroup: true, conversationType: 'groupChat', id: SCHEDULED_CHAT },
    organizer: {
      id: organizer.teamsId,
      aadObjectId: organizer.aadObjectId,
      objectId: organizer.aadObjectId,
      tenantId: TENANT_ID,
    },
  };
}

/**
 * A 207 answer to a targeted notification: the shape is botbuilder-js'
 * MeetingNotificationResponse (botframework-schema teams/index.ts); the page lists 207 without a
 * body (msteams-docs includes/meeting-response-code.md).
 */
export function partialNotificationAnswer(failed: readonly string[]) {
  return {
    recipientsFailureInfo: failed.map((recipientMri) => ({
      recipientMri,
      failureReason: 'The participant is not in the meeting',
      errorCode: 'MemberNotFoundInMeeting',
    })),
  };
}

/** The Bot Framework's OpenID metadata (bot-docs rest-api/bot-framework-rest-connector-authentication.md). */
export function openIdMetadata(jwksUri: string) {
  return {
    issuer: 'https://api.botframework.com',
    authorization_endpoint: 'https://invalid.botframework.com',
    jwks_uri: jwksUri,
    id_token_signing_alg_values_supported: ['RS256'],
    token_endpoint_auth_methods_supported: ['private_key_jwt'],
  };
}

/** A chat message in a meeting chat: acknowledged and ignored by Roundtable. */
export function chatMessage(serviceUrl: string) {
  return {
    type: 'message',
    id: '1481567603816',
    channelId: 'msteams',
    serviceUrl,
    text: 'Hello',
    from: { id: '29:someone', aadObjectId: 'aad' },
    conversation: {
      isGroup: true,
      conversationType: 'groupChat',
      id: SCHEDULED_CHAT,
      tenantId: TENANT_ID,
    },
    recipient: { id: `28:${BOT_ID}` },
    channelData: { tenant: { id: TENANT_ID } },
  };
}
