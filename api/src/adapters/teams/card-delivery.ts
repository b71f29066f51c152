// Delivery in Teams: the bot posts the summary card to the meeting's own conversation through the
// Bot Connector (POST {serviceUrl}/v3/conversations/{conversationId}/activities): the meeting chat,
// or for a channel meeting its thread ("19:…@thread.tacv2;messageid=…", the conversation id the
// meeting details give), so a channel meeting's card is a reply there, never a new channel post.
import { parseTeamsMeetingId } from '@roundtable/core';
import type { Delivery, SummaryNotice } from '../../application/ending-ports.js';
import { DependencyUnavailableError } from '../../application/errors.js';
import { SUMMARY_CARD_TITLE, summaryCard } from '../summary-card.js';
import { BotConnectorError, encodeSegment, type BotConnector } from './bot-connector.js';
import { DEFAULT_RETRY_AFTER_SECONDS, retryAfterSeconds } from './retry-after.js';

export class TeamsCardDelivery implements Delivery {
  constructor(
    private readonly connector: BotConnector,
    private readonly now: () => number = Date.now,
  ) {}

  async deliverSummary(notice: SummaryNotice): Promise<void> {
    const meeting = parseTeamsMeetingId(notice.meetingId);
    // Not a DependencyUnavailableError: retrying cannot fix a meeting id with no conversation in it.
    if (meeting === null) throw new Error('The meeting id does not name a Teams meeting.');
    try {
      await this.connector.call(notice.tenantId, (client, teams) =>
        client.conversations.createActivity(
          encodeSegment(meeting.conversationId),
          new teams.MessageActivityInput(undefined, {
            // Shown in notifications and by clients that cannot render the card.
            summary: SUMMARY_CARD_TITLE,
            attachments: [
              {
                contentType: 'application/vnd.microsoft.card.adaptive',
                content: summaryCard(notice),
              },
            ],
          }),
        ),
      );
    } catch (error) {
      if (!(error instanceof BotConnectorError)) throw error;
      // Every refusal is retried by the ending job (an operator can install the bot or fix its
      // credentials meanwhile), and the queue's poison limit bounds the attempts.
      const retryAfter =
        error.status === 429
          ? retryAfterSeconds(error.retryAfter, this.now())
          : DEFAULT_RETRY_AFTER_SECONDS;
      const what = error.status === null ? error.reason : `HTTP ${error.status}`;
      throw new DependencyUnavailableError(
        'teams',
        `The Bot Connector did not take the summary card (${what}).`,
        retryAfter,
      );
    }
  }
}
