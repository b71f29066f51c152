// GET /api/meetings/{meetingId}/summaries — every session of the meeting the caller organised,
// oldest first: the trend of a recurring meeting (its occurrences share one Teams meeting id).
import type { ServicesProvider } from '../services.js';
import { authenticate, handled } from '../http/handle.js';
import { meetingIdFrom } from '../http/request.js';
import { json } from '../http/responses.js';

export function summariesGet(services: ServicesProvider) {
  return handled(async (request) => {
    const s = await services();
    const meetingId = meetingIdFrom(request);
    const caller = await authenticate(s, request);
    const sessions = await s.summaries.series(meetingId, caller);
    return json(200, { sessions }, { 'cache-control': 'private, no-cache' });
  });
}
