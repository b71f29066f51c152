// GET /api/dev/outbox?meetingId=… — local mode only: what would have been sent to the organiser.
import type { ServicesProvider } from '../services.js';
import { authenticate, handled } from '../http/handle.js';
import { HttpProblem, json } from '../http/responses.js';

export function devOutboxGet(services: ServicesProvider) {
  return handled(async (request) => {
    const s = await services();
    if (s.local === null)
      throw new HttpProblem(404, 'Not found', 'The outbox exists only in local mode.');
    await authenticate(s, request);
    const meetingId = request.query.get('meetingId') ?? '';
    if (meetingId === '')
      throw new HttpProblem(
        400,
        'Invalid request',
        'meetingId: name the meeting whose outbox to show.',
      );
    const entries = await s.local.outbox.list(s.meetings.meetingKey(meetingId));
    return json(200, { entries }, { 'cache-control': 'no-store' });
  });
}
