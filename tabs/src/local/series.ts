// Teams encodes meeting.id as base64 of "0#<chat thread id>#<n>"; the chat is the series. Locally
// the simulator can use ids of that form to show a recurring meeting's trend.
export function seriesIdFromMeetingId(meetingId: string): string | null {
  if (meetingId.startsWith('19:')) return meetingId;
  try {
    return /^0#(19:[!-"$-~]+)#\d+$/.exec(atob(meetingId))?.[1] ?? null;
  } catch {
    return null;
  }
}
