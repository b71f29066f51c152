// DELETE /api/meetings/{meetingId} — an organiser erases what Roundtable keeps of the sessions
// they organised (and the running one, when they organise it now).
import type { ServicesProvider } from '../services.js';
import { authenticate, handled } from '../http/handle.js';
import { meetingIdFrom } from '../http/request.js';
import { json } from '../http/responses.js';

export function meetingsDelete(services: ServicesProvider) {
  return handled(async (request) => {
    const s = await services();
    const meetingId = meetingIdFrom(request);
    const caller = await authenticate(s, request);
    const erased = await s.summaries.erase(meetingId, caller);
    return json(200, { erased });
  });
}
