// GET /api/series/{seriesId}/summaries?meetingId=… — the trend across a recurring series, for its
// organiser. The series is the meetings' shared chat thread; the caller names one meeting of the
// series, and must organise it.
import type { ServicesProvider } from '../services.js';
import { authenticate, handled } from '../http/handle.js';
import { HttpProblem, json, problem } from '../http/responses.js';
import { chatIdFromMeetingId } from '../application/teams-ids.js';

export function seriesSummariesGet(services: ServicesProvider) {
  return handled(async (request) => {
    const s = await services();
    const caller = await authenticate(s, request);
    const seriesId = request.params.seriesId ?? '';
    const meetingId = request.query.get('meetingId') ?? '';
    if (meetingId === '') {
      throw new HttpProblem(
        400,
        'Invalid request',
        'meetingId: name one meeting of this series that you organise.',
      );
    }
    if (chatIdFromMeetingId(meetingId) !== seriesId) {
      throw new HttpProblem(
        400,
        'Invalid request',
        'meetingId: that meeting is not part of this series.',
      );
    }
    if ((await s.roles.roleOf(meetingId, caller)) !== 'organizer') {
      return problem(403, 'Not allowed', 'Only the organiser of the series can read its trend.', {
        code: 'not-organizer',
      });
    }
    const stored = await s.summaries.series(s.meetings.seriesKey(seriesId));
    return json(
      200,
      { meetings: stored.map((entry) => entry.summary) },
      { 'cache-control': 'private, no-cache' },
    );
  });
}
