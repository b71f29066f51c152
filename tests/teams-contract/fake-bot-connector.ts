// A local server playing the Bot Connector for the meeting APIs and proactive messages. It checks
// every request against the shape Microsoft documents (fixtures.ts names the pages) and refuses
// the rest with 400, recording why in `violations`, so a test fails when Roundtable sends anything
// Teams would not take: an Entra object id as a notification recipient, a notice to a channel
// meeting, a card posted to a channel instead of the meeting's thread, an id encoded twice.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseTeamsMeetingId } from '@roundtable/core';
import { z } from 'zod';
import {
  CHANNEL,
  meetingDetailsAnswer,
  participantAnswer,
  partialNotificationAnswer,
  SERVICE_URL_PATH,
  type Person,
} from './fixtures.js';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A meeting as the fake knows it: who is in it, and how Teams answers for it. */
export interface FakeMeeting {
  readonly organizer: Person;
  readonly people: Person[];
  /** People who left: Teams still knows them, with inMeeting false. */
  readonly left?: Set<string>;
  /** 403 on every meeting API: Roundtable is not added to the meeting (or is blocked). */
  readonly notInstalled?: boolean;
  /** 404 on every meeting API: the meeting has expired. */
  readonly expired?: boolean;
  /** 404 on "Get participant" only: a meeting of 350 people or more has no roster for apps. */
  readonly noRoster?: boolean;
}

/** "Targeted meeting notification": meeting-apps-apis.md request table and the official sample. */
const notificationSchema = z.strictObject({
  type: z.literal('targetedMeetingNotification'),
  value: z.strictObject({
    // "The user ID formats aadObjectid and UPN aren't supported"; at most 50 per call.
    recipients: z.array(z.string().startsWith('29:')).min(1).max(50),
    surfaces: z
      .array(
        z.strictObject({
          surface: z.literal('meetingStage'),
          contentType: z.literal('task'),
          content: z.strictObject({
            value: z.strictObject({
              height: z.string().regex(/^\d+$/),
              width: z.string().regex(/^\d+$/),
              title: z.string().min(1),
              url: z.url(),
            }),
          }),
        }),
      )
      .length(1),
  }),
  channelData: z.unknown().optional(),
});

/** A message with one Adaptive Card (bots/how-to/conversations/send-proactive-messages.md). */
const cardMessageSchema = z.object({
  type: z.literal('message'),
  summary: z.string().optional(),
  attachments: z
    .array(
      z.strictObject({
        contentType: z.literal('application/vnd.microsoft.card.adaptive'),
        content: z.object({ type: z.literal('AdaptiveCard'), version: z.string() }).loose(),
      }),
    )
    .length(1),
});

export interface Sent {
  readonly kind: 'participant' | 'details' | 'member' | 'notification' | 'activity';
  readonly meetingId?: string;
  readonly conversationId?: string;
  readonly body?: unknown;
  readonly authorization: string | undefined;
}

export interface FakeBotConnector {
  /** With a trailing slash, as Teams sends it: clients must not double it. */
  readonly serviceUrl: string;
  readonly meetings: Map<string, FakeMeeting>;
  /** Every request that matched a documented route and shape. */
  readonly sent: Sent[];
  /** Every request Teams would have refused, and why. */
  readonly violations: string[];
  /** Tokens the fake accepts; any other gets 401. */
  readonly acceptedTokens: Set<string>;
  /** Answers to force on the next requests (status, optional Retry-After), in order. */
  readonly failNext: { status: number; retryAfter?: string; hang?: boolean }[];
  close(): Promise<void>;
}

export async function startFakeBotConnector(): Promise<FakeBotConnector> {
  const fake = {
    serviceUrl: '',
    meetings: new Map<string, FakeMeeting>(),
    sent: [] as Sent[],
    violations: [] as string[],
    acceptedTokens: new Set(['token-1']),
    failNext: [] as { status: number; retryAfter?: string; hang?: boolean }[],
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      answer(fake, request, text, response);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  fake.serviceUrl = `http://127.0.0.1:${port}${SERVICE_URL_PATH}`;
  return fake;
}

function answer(
  fake: FakeBotConnector,
  request: IncomingMessage,
  text: string,
  response: ServerResponse,
): true {
  // Each answer returns `true`, so every branch can end with `return reply(…)`.
  const reply = (status: number, body?: unknown, headers: Record<string, string> = {}): true => {
    response
      .writeHead(status, { 'content-type': 'application/json', ...headers })
      .end(body === undefined ? '' : JSON.stringify(body));
    return true;
  };
  const refuse = (why: string): true => {
    fake.violations.push(`${request.method ?? ''} ${request.url ?? ''}: ${why}`);
    return reply(400, { error: { code: 'BadArgument', message: why } });
  };
  const forced = fake.failNext.shift();
  if (forced?.hang === true) return true;
  const token = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
  if (token === undefined || !fake.acceptedTokens.has(token)) {
    return reply(401, { error: { code: 'Unauthorized', message: 'Bot token is invalid.' } });
  }
  if (forced !== undefined) {
    const retryAfter = forced.retryAfter === undefined ? {} : { 'retry-after': forced.retryAfter };
    return reply(forced.status, { error: { code: 'Forced' } }, retryAfter);
  }
  const url = new URL(request.url ?? '/', 'http://fake');
  if (!url.pathname.startsWith(SERVICE_URL_PATH)) return refuse('not under the service URL');
  // Each segment must decode to the id itself: encoded exactly once, never twice, never raw '/'.
  const segments = url.pathname.slice(SERVICE_URL_PATH.length).split('/').map(decodeURIComponent);
  const authorization = request.headers.authorization;
  const [version, collection, id, sub, subId] = segments;
  if (version === 'v1' && collection === 'meetings' && id !== undefined) {
    const meeting = fake.meetings.get(id);
    if (parseTeamsMeetingId(id) === null) return refuse(`not a Teams meeting id: ${id}`);
    if (meeting === undefined) return reply(404, { error: { code: 'NotFound' } });
    if (meeting.notInstalled === true)
      return reply(403, { error: { code: 'BotNotInConversationRoster' } });
    if (meeting.expired === true) return reply(404, { error: { code: 'MeetingNotFound' } });
    if (request.method === 'GET' && sub === undefined) {
      fake.sent.push({ kind: 'details', meetingId: id, authorization });
      return reply(200, meetingDetailsAnswer(id, meeting.organizer));
    }
    if (request.method === 'GET' && sub === 'participants' && subId !== undefined) {
      const tenantId = url.searchParams.get('tenantId') ?? '';
      if (!GUID.test(subId)) return refuse(`participant id is not an Entra object id: ${subId}`);
      if (!GUID.test(tenantId)) return refuse('tenantId is missing or not a tenant id');
      fake.sent.push({ kind: 'participant', meetingId: id, authorization });
      if (meeting.noRoster === true) return reply(404, { error: { code: 'NotFound' } });
      const who = meeting.people.find((p) => p.aadObjectId === subId);
      if (who === undefined) return reply(404, { error: { code: 'NotFound' } });
      return reply(200, participantAnswer(who, !(meeting.left?.has(who.aadObjectId) ?? false)));
    }
    if (request.method === 'POST' && sub === 'notification') {
      // in-meeting-notification-for-meeting.md: scheduled meetings, Meet now and calls only.
      if (parseTeamsMeetingId(id)?.kind === 'channel') {
        return refuse('targeted notifications are not offered in channel meetings');
      }
      const body = parse(text);
      const parsed = notificationSchema.safeParse(body);
      if (!parsed.success)
        return refuse(`notification shape: ${parsed.error.issues[0]?.message ?? ''}`);
      fake.sent.push({ kind: 'notification', meetingId: id, body, authorization });
      const known = new Set(meeting.people.map((p) => p.teamsId));
      const missing = parsed.data.value.recipients.filter((r) => !known.has(r));
      return missing.length === 0 ? reply(202) : reply(207, partialNotificationAnswer(missing));
    }
    return refuse('no such meeting API');
  }
  if (version === 'v3' && collection === 'conversations' && id !== undefined) {
    if (request.method === 'GET' && sub === 'members' && subId !== undefined) {
      fake.sent.push({ kind: 'member', conversationId: id, authorization });
      const member = [...fake.meetings.values()]
        .flatMap((m) => m.people)
        .find((p) => p.aadObjectId === subId);
      return member === undefined
        ? reply(404, { error: { code: 'MemberNotFoundInConversation' } })
        : reply(200, { id: member.teamsId, aadObjectId: member.aadObjectId, name: member.name });
    }
    if (request.method === 'POST' && sub === 'activities' && subId === undefined) {
      // A channel meeting's card belongs in its thread ("<channel>;messageid=<post>"), never in
      // the channel as a new post.
      if (id === CHANNEL || (id.endsWith('@thread.tacv2') && !id.includes(';messageid='))) {
        return refuse('a new top-level channel post');
      }
      const body = parse(text);
      const parsed = cardMessageSchema.safeParse(body);
      if (!parsed.success) return refuse(`message shape: ${parsed.error.issues[0]?.message ?? ''}`);
      fake.sent.push({ kind: 'activity', conversationId: id, body, authorization });
      return reply(201, { id: '1481567603816' });
    }
  }
  return refuse('no such route');
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
