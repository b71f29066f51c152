// POST /api/dev/activities — local mode only: a Bot Framework activity exactly as Teams sends it to
// /api/messages (a meeting starting or ending), run through the same handling without the Bot
// Framework's token, which only Teams can sign. The simulator starts and ends sessions with it.
import { authenticate, handled } from '../http/handle.js';
import { dispatchActivity } from '../http/bot-activity.js';
import { readJsonBody } from '../http/request.js';
import { noContent, HttpProblem } from '../http/responses.js';
import type { ServicesProvider } from '../services.js';

export function devActivitiesPost(services: ServicesProvider) {
  return handled(async (request) => {
    const s = await services();
    if (s.local === null)
      throw new HttpProblem(
        404,
        'Not found',
        'Simulated Teams activities exist only in local mode.',
      );
    // A simulated person must be signed in, as the local simulator always is.
    await authenticate(s, request);
    const outcome = await dispatchActivity(await readJsonBody(request), s.teamsEvents, s.clock());
    return noContent(outcome === 'handled' ? 202 : 200);
  });
}
