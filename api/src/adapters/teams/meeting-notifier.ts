// In Teams, the bot tells one person privately, on the meeting stage, that they are next (or that a
// host invited them to speak): a targeted in-meeting notification, sent to Teams ids ("29:…", never
// Entra object ids), at most 50 a call, in scheduled meetings, Meet now and calls, not channel
// meetings (msteams-docs apps-in-teams-meetings/in-meeting-notification-for-meeting.md,
// meeting-apps-apis.md "Targeted meeting notification"; sample meetings-notification/nodejs).
import type { InMeetingNotice, InMeetingNotifier, NoticeTarget } from '../../application/ports.js';
import { BotConnectorError, encodeSegment, type BotConnector } from './bot-connector.js';

/** Teams accepts at most this many recipients in one targeted notification. */
export const MAX_RECIPIENTS = 50;

const TITLES: Record<InMeetingNotice, string> = {
  next: "You're next to speak",
  invited: "You're invited to speak",
};

export interface NoticeReport {
  readonly notice: InMeetingNotice;
  /** Recipients Teams accepted. */
  readonly sent: number;
  /** Recipients that could not be told, and why (no ids: this goes to logs). */
  readonly failed: number;
  readonly reason?: string;
}

export interface TeamsMeetingNotifierOptions {
  readonly connector: BotConnector;
  /** The side panel's address; the stage dialog opens it. */
  readonly tabOrigin: string;
  /** Told about every attempt (counts and a reason only), for logs and tests. */
  readonly report?: (report: NoticeReport) => void;
}

export class TeamsMeetingNotifier implements InMeetingNotifier {
  constructor(private readonly options: TeamsMeetingNotifierOptions) {}

  async notify(
    target: NoticeTarget,
    notice: InMeetingNotice,
    recipients: readonly string[],
  ): Promise<void> {
    const teamsIds = [...new Set(recipients)].filter((id) => id.startsWith('29:'));
    for (let start = 0; start < teamsIds.length; start += MAX_RECIPIENTS) {
      const chunk = teamsIds.slice(start, start + MAX_RECIPIENTS);
      this.options.report?.(await this.send(target, notice, chunk));
    }
  }

  private async send(
    { meetingId, tenantId }: NoticeTarget,
    notice: InMeetingNotice,
    recipients: string[],
  ): Promise<NoticeReport> {
    const page = new URL('/index.html', this.options.tabOrigin);
    page.searchParams.set('notice', notice);
    try {
      const answer = await this.options.connector.call(tenantId, (client) =>
        client.meetings.sendNotification(encodeSegment(meetingId), {
          type: 'targetedMeetingNotification',
          value: {
            recipients,
            surfaces: [
              {
                surface: 'meetingStage',
                contentType: 'task',
                content: {
                  value: { height: '320', width: '360', title: TITLES[notice], url: page.href },
                },
              },
            ],
          },
        }),
      );
      // 207: some recipients could not be told (left the meeting, no app installed for them…).
      const misses = answer?.recipientsFailureInfo?.length ?? 0;
      return misses === 0
        ? { notice, sent: recipients.length, failed: 0 }
        : { notice, sent: recipients.length - misses, failed: misses, reason: 'partly delivered' };
    } catch (error) {
      const reason =
        error instanceof BotConnectorError
          ? error.status === null
            ? error.reason
            : `the Bot Connector answered ${error.status}`
          : 'unexpected failure';
      return { notice, sent: 0, failed: recipients.length, reason };
    }
  }
}
