// GET /api/meetings/{meetingId}/summary — the inclusion summary (aggregates only), for the
// organiser, presenters and co-hosts.
import type { ServicesProvider } from '../services.js';
import { authenticate, handled } from '../http/handle.js';
import { meetingIdFrom } from '../http/request.js';
import { json, problem } from '../http/responses.js';
import { NotParticipantError } from '../application/errors.js';

export function summaryGet(services: ServicesProvider) {
  return handled(async (request) => {
    const s = await services();
    const meetingId = meetingIdFrom(request);
    const caller = await authenticate(s, request);
    const role = await s.roles.roleOf(meetingId, caller);
    if (role === null) throw new NotParticipantError('You are not a participant of this meeting.');
    // Co-hosts exist only while the meeting lives; afterwards the Teams role decides.
    if (!(await s.meetings.hosts(meetingId, caller, role))) {
      return problem(
        403,
        'Not allowed',
        'Only the organiser, presenters and co-hosts can read the summary.',
        {
          code: 'not-host',
        },
      );
    }
    const stored = await s.summaries.get(s.meetings.meetingKey(meetingId));
    if (stored !== null) return json(200, stored.summary, { 'cache-control': 'private, no-cache' });
    if ((await s.meetings.phase(meetingId)) === 'live') {
      return problem(
        409,
        'Not ready yet',
        'The summary is ready a few moments after the session ends.',
        {
          code: 'summary-not-ready',
        },
      );
    }
    return problem(
      404,
      'No summary',
      'There is no summary for this meeting: it was erased, or it has expired.',
      {
        code: 'summary-not-found',
      },
    );
  });
}
