// POST /api/messages — the bot endpoint. Teams' meeting-end event queues the ending job; every
// other activity is acknowledged and ignored, because the Bot Framework retries unanswered ones.
import { z } from 'zod';
import type { BotFrameworkAuth } from '../adapters/bot-framework-auth.js';
import { property } from '../adapters/bot-token-provider.js';
import type { EndQueue } from '../application/ending-ports.js';
import { handled } from '../http/handle.js';
import { parseWith, readJsonBody } from '../http/request.js';
import { noContent, problem } from '../http/responses.js';

export interface MessagesDependencies {
  /** Null in local mode, where no Bot Framework can call in. */
  readonly botAuth: Pick<BotFrameworkAuth, 'verify'> | null;
  readonly endQueue: EndQueue;
  readonly meetingKey: (meetingId: string) => string;
}

const MEETING_END_EVENT = 'application/vnd.microsoft.meetingEnd';

const activitySchema = z.object({
  type: z.string().min(1),
  name: z.string().optional(),
  channelId: z.string().optional(),
  serviceUrl: z.string().optional(),
});

// Teams' meeting id here is the same one the tab reads from its context, so both give one key.
const meetingEndSchema = z.object({
  channelData: z.object({ meeting: z.object({ id: z.string().min(1).max(512) }) }),
});

export function messagesPost(dependencies: () => Promise<MessagesDependencies>) {
  return handled(async (request) => {
    const { botAuth, endQueue, meetingKey } = await dependencies();
    if (botAuth === null) {
      return problem(
        404,
        'No bot in local mode',
        'The bot endpoint answers only when Roundtable runs with a bot registration; locally, end a meeting from the simulator.',
        { code: 'no-bot' },
      );
    }
    const body = await readJsonBody(request);
    // The token is checked before the activity's shape, so strangers learn nothing from a 400.
    const serviceUrl = serviceUrlOf(body);
    await botAuth.verify(
      request.headers.get('authorization'),
      serviceUrl === undefined ? {} : { serviceUrl },
    );
    const activity = parseWith(activitySchema, body);
    if (
      activity.type !== 'event' ||
      activity.name !== MEETING_END_EVENT ||
      activity.channelId !== 'msteams'
    ) {
      return noContent(200);
    }
    const meetingId = parseWith(meetingEndSchema, body).channelData.meeting.id;
    await endQueue.enqueue({ meetingKey: meetingKey(meetingId), meetingId, reason: 'teams' });
    return noContent(202);
  });
}

/** The serviceUrl the token must match; a non-string one is left to the schema to refuse. */
function serviceUrlOf(body: unknown): string | undefined {
  const value = property(body, 'serviceUrl');
  return typeof value === 'string' ? value : undefined;
}
