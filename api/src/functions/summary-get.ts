// GET /api/meetings/{meetingId}/summary?session=n — one session's inclusion summary (aggregates
// only), for its organisers: the latest they organised unless a session is named.
import type { ServicesProvider } from '../services.js';
import { authenticate, handled } from '../http/handle.js';
import { meetingIdFrom, sessionFrom } from '../http/request.js';
import { json } from '../http/responses.js';

export function summaryGet(services: ServicesProvider) {
  return handled(async (request) => {
    const s = await services();
    const meetingId = meetingIdFrom(request);
    const caller = await authenticate(s, request);
    const { session, summary } = await s.summaries.summary(meetingId, caller, sessionFrom(request));
    return json(200, { session, summary }, { 'cache-control': 'private, no-cache' });
  });
}
