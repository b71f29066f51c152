// Delivery in Teams: the bot posts the summary card to the meeting's chat through the Bot
// Connector (POST /v3/conversations/{chatId}/activities, a proactive message).
import type { Delivery, SummaryNotice } from '../application/ending-ports.js';
import { DependencyUnavailableError } from '../application/errors.js';
import type { BotTokenSource } from '../adapters/bot-framework-roles.js';
import { failureKind } from '../adapters/bot-token-provider.js';
import { chatIdFromMeetingId } from '../application/teams-ids.js';
import { SUMMARY_CARD_TITLE, summaryCard } from './summary-card.js';
import { DEFAULT_RETRY_AFTER_SECONDS, retryAfterSeconds } from '../adapters/retry-after.js';

export { chatIdFromMeetingId };

export interface BotCardDeliveryOptions {
  /** The Bot Framework service URL for Teams, e.g. https://smba.trafficmanager.net/teams/ */
  readonly serviceUrl: string;
  readonly tokens: BotTokenSource;
  readonly fetch?: typeof fetch;
  readonly timeoutMs?: number;
}

export class BotCardDelivery implements Delivery {
  private readonly serviceUrl: string;
  private readonly tokens: BotTokenSource;
  private readonly fetch: typeof fetch;
  private readonly timeoutMs: number;

  constructor(options: BotCardDeliveryOptions) {
    this.serviceUrl = options.serviceUrl.replace(/\/+$/, '');
    this.tokens = options.tokens;
    this.fetch = options.fetch ?? fetch;
    this.timeoutMs = options.timeoutMs ?? 10_000;
  }

  async deliverSummary(notice: SummaryNotice): Promise<void> {
    const chatId = chatIdFromMeetingId(notice.meetingId);
    // Not a DependencyUnavailableError: retrying cannot fix a meeting id with no chat in it.
    if (chatId === null) throw new Error('The meeting id does not name a Teams meeting chat.');
    const url = `${this.serviceUrl}/v3/conversations/${encodeURIComponent(chatId)}/activities`;
    const activity = JSON.stringify({
      type: 'message',
      // Shown in notifications and by clients that cannot render the card.
      summary: SUMMARY_CARD_TITLE,
      attachments: [
        { contentType: 'application/vnd.microsoft.card.adaptive', content: summaryCard(notice) },
      ],
    });
    const token = await this.tokens.token();
    const response = await this.post(url, token, activity);
    if (response.status !== 401) return interpret(response);
    // The token may have been revoked or rotated before its expiry: one fresh token, one retry.
    this.tokens.invalidate(token);
    return interpret(await this.post(url, await this.tokens.token(), activity));
  }

  private async post(url: string, token: string, activity: string): Promise<Response> {
    const signal = AbortSignal.timeout(this.timeoutMs);
    try {
      return await this.fetch(url, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: activity,
        signal,
      });
    } catch (error) {
      // The cause is left out on purpose: it may carry the URL, and so the chat id.
      const why = signal.aborted ? `no answer within ${this.timeoutMs} ms` : failureKind(error);
      throw new DependencyUnavailableError(`Posting the summary card failed (${why}).`);
    }
  }
}

async function interpret(response: Response): Promise<void> {
  // Nothing in the answer is needed; cancelling frees the connection.
  await response.body?.cancel().catch(() => undefined);
  if (response.ok) return;
  if (response.status === 429 || response.status >= 500) {
    const retryAfter =
      response.status === 429
        ? retryAfterSeconds(response.headers.get('retry-after'), Date.now())
        : DEFAULT_RETRY_AFTER_SECONDS;
    throw new DependencyUnavailableError(
      `The Bot Connector could not take the summary card now (HTTP ${response.status}).`,
      retryAfter,
    );
  }
  // Other refusals (403: the bot is not in the chat, 404: no such chat, a second 401) are retried
  // too: the port has one failure the ending job retries, an operator can fix the cause (install
  // the bot, correct its credentials) meanwhile, and the queue's poison limit bounds the attempts.
  throw new DependencyUnavailableError(
    `The Bot Connector refused the summary card (HTTP ${response.status}).`,
  );
}

/** Retry-After is either delay-seconds or an HTTP date; kept within sensible bounds either way. */
