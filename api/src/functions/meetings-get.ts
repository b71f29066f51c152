// GET /api/meetings/{meetingId} — the caller's view; ETag + If-None-Match answer 304 when unchanged.
import type { ServicesProvider } from '../services.js';
import { authenticate, handled } from '../http/handle.js';
import { meetingIdFrom } from '../http/request.js';
import { noContent, viewResponse } from '../http/responses.js';

/** Views differ per person, so caches must key on the token too and always revalidate. */
export const VIEW_CACHE_HEADERS = { 'cache-control': 'private, no-cache', vary: 'Authorization' };

export function meetingsGet(services: ServicesProvider) {
  return handled(async (request) => {
    const s = await services();
    const meetingId = meetingIdFrom(request);
    const caller = await authenticate(s, request);
    const { serialised } = await s.meetings.view(meetingId, caller);
    if (request.headers.get('if-none-match') === serialised.etag) {
      return noContent(304, { etag: serialised.etag, ...VIEW_CACHE_HEADERS });
    }
    return viewResponse(serialised, VIEW_CACHE_HEADERS);
  });
}
