// POST /api/messages — the bot endpoint. Teams' meeting start opens a session; its meeting end
// queues the ending job; every other activity is acknowledged and ignored, because the Bot
// Framework retries unanswered ones.
import { handled } from '../http/handle.js';
import { dispatchActivity } from '../http/bot-activity.js';
import { readJsonBody } from '../http/request.js';
import { noContent, problem } from '../http/responses.js';
import type { ServicesProvider } from '../services.js';

export function messagesPost(services: ServicesProvider) {
  return handled(async (request) => {
    const s = await services();
    if (s.botAuth === null) {
      return problem(
        404,
        'No bot in local mode',
        'The bot endpoint answers only when Roundtable runs with a bot registration; locally, send activities to /api/dev/activities.',
        { code: 'no-bot' },
      );
    }
    // The token first, before a byte of the body is read: strangers cost nothing and learn nothing.
    const claims = await s.botAuth.verifyToken(request.headers.get('authorization'));
    const body = await readJsonBody(request);
    s.botAuth.checkActivity(claims, body);
    const outcome = await dispatchActivity(body, s.teamsEvents, s.clock());
    return noContent(outcome === 'handled' ? 202 : 200);
  });
}
