// GET /api/meetings/{meetingId}/live/events?ticket=… — local mode's server-sent events stream.
import type { ServicesProvider } from '../services.js';
import { handled } from '../http/handle.js';
import { meetingIdFrom } from '../http/request.js';
import { HttpProblem } from '../http/responses.js';

export function liveEventsGet(services: ServicesProvider) {
  return handled(async (request) => {
    const s = await services();
    if (s.local === null)
      throw new HttpProblem(404, 'Not found', 'Live events are served by Web PubSub here.');
    const meetingId = meetingIdFrom(request);
    const ticket = s.local.tickets.verify(request.query.get('ticket') ?? '', s.clock());
    const meetingKey = s.meetings.meetingKey(meetingId);
    if (ticket?.meetingKey !== meetingKey) {
      throw new HttpProblem(
        401,
        'Live ticket expired',
        'This live link has expired or is for another meeting; ask /live for a new one.',
        { code: 'live-ticket' },
      );
    }
    const first = await s.meetings.currentPublicView(meetingKey, meetingId);
    const body = s.local.hub.subscribe(meetingKey, ticket.participantId, first, ticket.expiresAt);
    return {
      status: 200,
      headers: {
        'content-type': 'text/event-stream',
        'cache-control': 'no-store',
        'x-accel-buffering': 'no',
      },
      body,
    };
  });
}
