// Routes whose checks exist now and whose work arrives with the end-of-meeting summaries (issue 5).
import { domainError } from '@roundtable/core';
import type { ServicesProvider } from '../services.js';
import { authenticate, handled, refused } from '../http/handle.js';
import { meetingIdFrom } from '../http/request.js';
import { problem } from '../http/responses.js';

const NOT_YET =
  'Inclusion summaries are not available in this version of Roundtable yet. The live queue and check-ins work.';

/** GET /api/meetings/{meetingId}/summary — organiser and hosts only. */
export function summaryGet(services: ServicesProvider) {
  return handled(async (request) => {
    const s = await services();
    const meetingId = meetingIdFrom(request);
    const caller = await authenticate(s, request);
    const { view } = await s.meetings.view(meetingId, caller);
    if (view !== null && !view.you.isHost) return refused(domainError('not-host'));
    return problem(501, 'Not available yet', NOT_YET, { code: 'not-implemented' });
  });
}

/** GET /api/series/{seriesId}/summaries — organisers of the series. */
export function seriesSummariesGet(services: ServicesProvider) {
  return handled(async (request) => {
    await authenticate(await services(), request);
    return problem(501, 'Not available yet', NOT_YET, { code: 'not-implemented' });
  });
}

/** DELETE /api/meetings/{meetingId} — the organiser only. */
export function meetingsDelete(services: ServicesProvider) {
  return handled(async (request) => {
    const s = await services();
    const meetingId = meetingIdFrom(request);
    const caller = await authenticate(s, request);
    const role = await s.roles.roleOf(meetingId, caller);
    if (role !== 'organizer') {
      return problem(
        403,
        'Not allowed',
        'Only the meeting organiser can erase what Roundtable stored.',
        {
          code: 'not-organizer',
        },
      );
    }
    return problem(501, 'Not available yet', 'Erasing a meeting arrives with the summary work.', {
      code: 'not-implemented',
    });
  });
}
