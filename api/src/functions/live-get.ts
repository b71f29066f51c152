// GET /api/meetings/{meetingId}/live — how to receive live updates: SSE locally, Web PubSub in Azure.
import type { ServicesProvider } from '../services.js';
import { authenticate, handled } from '../http/handle.js';
import { meetingIdFrom } from '../http/request.js';
import { json } from '../http/responses.js';

export function liveGet(services: ServicesProvider) {
  return handled(async (request) => {
    const s = await services();
    const meetingId = meetingIdFrom(request);
    const caller = await authenticate(s, request);
    const access = await s.meetings.liveAccess(meetingId, caller);
    // The local stream URL is relative to this API; Web PubSub URLs are already absolute.
    const url = new URL(access.url, request.url).toString();
    return json(200, { ...access, url }, { 'cache-control': 'no-store' });
  });
}
