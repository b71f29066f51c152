// Deep links into Teams, built only where a message is sent (never stored: they carry the meeting's
// conversation id).
import { parseTeamsMeetingId, TAB_ENTITY_ID } from '@roundtable/core';

export interface SummaryLinkTarget {
  /** The id Teams knows the app by in the organisation's catalogue; null links to webUrl. */
  readonly teamsAppId: string | null;
  readonly tenantId?: string;
}

/**
 * Where the summary card sends the organiser: a deep link that opens the Roundtable tab in the
 * meeting's chat (or, for a channel meeting, in its channel), where the summary page reads the
 * meeting from the Teams context; without an app id or a Teams meeting id, the page's plain address.
 * Format: msteams-docs concepts/build-and-test/deep-link-application.md, "Configure deep link to
 * browse within your app manually": /l/entity/<appId>/<entityId>?tenantId&webUrl&label&context
 * &openInMeeting=false, with the org catalogue's app id for apps published to the organisation.
 */
export function summaryLink(meetingId: string, webUrl: string, target: SummaryLinkTarget): string {
  const meeting = parseTeamsMeetingId(meetingId);
  if (target.teamsAppId === null || meeting === null) return webUrl;
  const link = new URL(
    `https://teams.microsoft.com/l/entity/${encodeURIComponent(target.teamsAppId)}/${TAB_ENTITY_ID}`,
  );
  link.searchParams.set('webUrl', webUrl);
  link.searchParams.set('label', 'Roundtable summary');
  // The channel form names the channel; the meeting form names its chat (contextType "chat").
  const context =
    meeting.kind === 'channel'
      ? { channelId: meeting.threadId }
      : { chatId: meeting.threadId, contextType: 'chat' };
  link.searchParams.set('context', JSON.stringify(context));
  if (target.tenantId !== undefined) link.searchParams.set('tenantId', target.tenantId);
  link.searchParams.set('openInMeeting', 'false');
  return link.href;
}
