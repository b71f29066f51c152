// POST /api/meetings/{meetingId}/commands — one command; its client id makes retries safe.
import { commandBodySchema } from '@roundtable/core';
import type { ServicesProvider } from '../services.js';
import { authenticate, handled, refused } from '../http/handle.js';
import { meetingIdFrom, parseWith, readJsonBody } from '../http/request.js';
import { viewResponse } from '../http/responses.js';
import { VIEW_CACHE_HEADERS } from './meetings-get.js';

export function commandsPost(services: ServicesProvider) {
  return handled(async (request) => {
    const s = await services();
    const meetingId = meetingIdFrom(request);
    const caller = await authenticate(s, request);
    const command = parseWith(commandBodySchema, await readJsonBody(request));
    const { view, serialised, refusal } = await s.meetings.execute(meetingId, caller, command);
    if (refusal !== null) return refused(refusal, { view });
    return viewResponse(serialised, VIEW_CACHE_HEADERS);
  });
}
