// DELETE /api/meetings/{meetingId} — the organiser erases everything stored for the meeting.
import type { ServicesProvider } from '../services.js';
import { authenticate, handled } from '../http/handle.js';
import { meetingIdFrom } from '../http/request.js';
import { json, problem } from '../http/responses.js';

export function meetingsDelete(services: ServicesProvider) {
  return handled(async (request) => {
    const s = await services();
    const meetingId = meetingIdFrom(request);
    const caller = await authenticate(s, request);
    if ((await s.roles.roleOf(meetingId, caller)) !== 'organizer') {
      return problem(
        403,
        'Not allowed',
        'Only the meeting organiser can erase what Roundtable stored.',
        {
          code: 'not-organizer',
        },
      );
    }
    const meetingKey = s.meetings.meetingKey(meetingId);
    const [meetingRows, summaries, outboxEntries] = await Promise.all([
      s.store.erase(meetingKey),
      s.summaries.erase(meetingKey),
      s.local?.outbox.erase(meetingKey) ?? Promise.resolve(0),
    ]);
    s.meetings.committer.forget(meetingKey);
    return json(200, { erased: { meetingRows, summaries, outboxEntries } });
  });
}
