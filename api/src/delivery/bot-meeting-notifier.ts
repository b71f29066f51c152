// In Teams, the bot tells one person privately, on the meeting stage, that they are next (or that
// a host invited them to speak): a targeted in-meeting notification through the Bot Connector,
// POST {serviceUrl}/v1/meetings/{meetingId}/notification (RSC OnlineMeetingNotification.Send.Chat).
// The notice opens the side panel in a small stage dialog, so it works with the panel closed.
import type { BotTokenSource } from '../adapters/bot-framework-roles.js';
import { failureKind } from '../adapters/bot-token-provider.js';
import type { InMeetingNotice, InMeetingNotifier } from '../application/ports.js';

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

export interface BotMeetingNotifierOptions {
  /** The Bot Framework service URL for Teams, e.g. https://smba.trafficmanager.net/teams/ */
  readonly serviceUrl: string;
  readonly tokens: BotTokenSource;
  /** The side panel's address; the stage dialog opens it. */
  readonly tabOrigin: string;
  readonly fetch?: typeof fetch;
  readonly timeoutMs?: number;
  /** Told about every attempt (counts and a reason only), for logs and tests. */
  readonly report?: (report: NoticeReport) => void;
}

export class BotMeetingNotifier implements InMeetingNotifier {
  private readonly serviceUrl: string;
  private readonly fetch: typeof fetch;
  private readonly timeoutMs: number;

  constructor(private readonly options: BotMeetingNotifierOptions) {
    this.serviceUrl = options.serviceUrl.replace(/\/+$/, '');
    this.fetch = options.fetch ?? fetch;
    this.timeoutMs = options.timeoutMs ?? 5_000;
  }

  async notify(
    meetingId: string,
    notice: InMeetingNotice,
    objectIds: readonly string[],
  ): Promise<void> {
    const recipients = [...new Set(objectIds)];
    for (let start = 0; start < recipients.length; start += MAX_RECIPIENTS) {
      const chunk = recipients.slice(start, start + MAX_RECIPIENTS);
      this.options.report?.(await this.send(meetingId, notice, chunk));
    }
  }

  private async send(
    meetingId: string,
    notice: InMeetingNotice,
    recipients: readonly string[],
  ): Promise<NoticeReport> {
    const url = `${this.serviceUrl}/v1/meetings/${encodeURIComponent(meetingId)}/notification`;
    const body = JSON.stringify(this.payload(notice, recipients));
    const failed = (reason: string): NoticeReport => ({
      notice,
      sent: 0,
      failed: recipients.length,
      reason,
    });
    // One deadline for the whole attempt, token refresh included: a late notice is worthless.
    const signal = AbortSignal.timeout(this.timeoutMs);
    try {
      const token = await this.options.tokens.token();
      let response = await this.post(url, token, body, signal);
      if (response.status === 401) {
        // A revoked or rotated token: one fresh token, one more try.
        this.options.tokens.invalidate(token);
        await response.body?.cancel().catch(() => undefined);
        response = await this.post(url, await this.options.tokens.token(), body, signal);
      }
      if (response.status === 207) {
        // Some recipients could not be told (left the meeting, no app installed for them...).
        const misses = await failuresIn(response);
        return {
          notice,
          sent: recipients.length - misses,
          failed: misses,
          reason: 'partly delivered',
        };
      }
      await response.body?.cancel().catch(() => undefined);
      if (response.ok) return { notice, sent: recipients.length, failed: 0 };
      return failed(`the Bot Connector answered ${response.status}`);
    } catch (error) {
      return failed(signal.aborted ? `no answer within ${this.timeoutMs} ms` : failureKind(error));
    }
  }

  private payload(notice: InMeetingNotice, recipients: readonly string[]) {
    const page = new URL('/index.html', this.options.tabOrigin);
    page.searchParams.set('notice', notice);
    return {
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
    };
  }

  private post(url: string, token: string, body: string, signal: AbortSignal): Promise<Response> {
    return this.fetch(url, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body,
      signal,
    });
  }
}

/** How many recipients a 207 answer lists as failed (recipientsFailureInfo). */
async function failuresIn(response: Response): Promise<number> {
  try {
    const parsed: unknown = await response.json();
    const list =
      typeof parsed === 'object' && parsed !== null
        ? (parsed as { recipientsFailureInfo?: unknown }).recipientsFailureInfo
        : undefined;
    return Array.isArray(list) ? list.length : 0;
  } catch {
    return 0;
  }
}
