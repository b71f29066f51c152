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

/** The entity id the configuration page gives the Roundtable tab (tabs/src/pages/ConfigPage.tsx). */
export const TAB_ENTITY_ID = 'roundtable';

/**
 * Where the summary card sends the organiser: in Teams, a deep link that opens the Roundtable tab
 * in the meeting chat (where the summary page reads the meeting from the Teams context), falling
 * back to the page itself; without an app id or a chat, the page's plain address.
 */
export function summaryLink(meetingId: string, webUrl: string, teamsAppId: string | null): string {
  const chatId = chatIdFromMeetingId(meetingId);
  if (teamsAppId === null || chatId === null) return webUrl;
  const link = new URL(
    `https://teams.microsoft.com/l/entity/${encodeURIComponent(teamsAppId)}/${TAB_ENTITY_ID}`,
  );
  link.searchParams.set('webUrl', webUrl);
  link.searchParams.set('label', 'Roundtable summary');
  link.searchParams.set('context', JSON.stringify({ chatId, contextType: 'chat' }));
  return link.href;
}
