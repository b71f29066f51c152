// Reading Teams' meeting ids. `meeting.id` is base64 of "0#<chat thread id>#<n>"; the chat thread
// ("19:meeting_…@thread.v2") is the meeting's chat, shared by every occurrence of a recurring
// meeting, so it is also what identifies the series.

// Chat thread ids are printable ASCII; '#' separates the parts of the encoded form.
const CHAT_ID = /^19:[!-"$-~]+$/;
const ENCODED_MEETING_ID = /^0#(19:[!-"$-~]+)#\d+$/;

/** The meeting chat's thread id, or null when the meeting id does not carry one. */
export function chatIdFromMeetingId(meetingId: string): string | null {
  if (CHAT_ID.test(meetingId)) return meetingId;
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(meetingId)) return null;
  const decoded = Buffer.from(meetingId, 'base64').toString('utf8');
  return ENCODED_MEETING_ID.exec(decoded)?.[1] ?? null;
}
