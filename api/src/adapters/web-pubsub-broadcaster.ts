// Live updates through Azure Web PubSub: one group per meeting; clients may only join their own.
import { createHash } from 'node:crypto';
import type { TokenCredential } from '@azure/identity';
import { WebPubSubServiceClient } from '@azure/web-pubsub';
import type { PublicView } from '@roundtable/core';
import { DependencyUnavailableError } from '../application/errors.js';
import type { LiveAccess } from '@roundtable/core';
import type { Broadcaster, Clock } from '../application/ports.js';

/**
 * How long a client access URL admits a new connection. Short: the URL travels to the browser and
 * may linger there; a panel whose connection drops asks /live again and is checked again. An open
 * connection is ended when its session ends (disconnectAll).
 */
const TOKEN_MINUTES = 10;

export type WebPubSubConnection =
  | { readonly hub: string; readonly connectionString: string }
  | { readonly hub: string; readonly endpoint: string; readonly credential: TokenCredential };

/**
 * A service client for a connection string (tests, local emulation) or an endpoint with a
 * managed identity (Azure). One quick retry only: a publish is best effort and the clients'
 * polling heals a missed message, so long back-off would only delay the command's answer.
 */
export function createWebPubSubClient(connection: WebPubSubConnection): WebPubSubServiceClient {
  const endpoint =
    'endpoint' in connection
      ? connection.endpoint
      : (/(?:^|;)\s*endpoint=([^;]*)/i.exec(connection.connectionString)?.[1] ?? '');
  const options = {
    retryOptions: { maxRetries: 1, retryDelayInMs: 200, maxRetryDelayInMs: 1000 },
    // Plain http is allowed for an emulator on the same computer only; anything remote needs https.
    allowInsecureConnection: isLoopback(endpoint),
  };
  return 'connectionString' in connection
    ? new WebPubSubServiceClient(connection.connectionString, connection.hub, options)
    : new WebPubSubServiceClient(
        connection.endpoint,
        connection.credential,
        connection.hub,
        options,
      );
}

function isLoopback(endpoint: string): boolean {
  const host = URL.parse(endpoint.trim())?.hostname;
  return host === '127.0.0.1' || host === 'localhost' || host === '[::1]';
}

/**
 * The meeting key is already a keyed hash; it is used as is when it keeps to a safe alphabet,
 * otherwise hashed again so the group name never carries spaces or exceeds 1024 characters.
 */
export function meetingGroup(meetingKey: string): string {
  return /^[A-Za-z0-9_-]{1,200}$/.test(meetingKey)
    ? `meeting-${meetingKey}`
    : `meeting-${createHash('sha256').update(meetingKey).digest('base64url')}`;
}

export interface WebPubSubBroadcasterOptions {
  readonly client: WebPubSubServiceClient;
  readonly groupOf?: (meetingKey: string) => string;
  /** Lifetime of a client URL; the client fetches a new one from /live when it expires. */
  readonly tokenMinutes?: number;
  readonly timeoutMs?: number;
  readonly now?: Clock;
}

export class WebPubSubBroadcaster implements Broadcaster {
  /** Publishes that failed; exposed for tests and health reporting. */
  failures = 0;
  private readonly client: WebPubSubServiceClient;
  private readonly groupOf: (meetingKey: string) => string;
  private readonly tokenMinutes: number;
  private readonly timeoutMs: number;
  private readonly now: Clock;

  constructor(options: WebPubSubBroadcasterOptions) {
    this.client = options.client;
    this.groupOf = options.groupOf ?? meetingGroup;
    this.tokenMinutes = options.tokenMinutes ?? TOKEN_MINUTES;
    if (!Number.isInteger(this.tokenMinutes) || this.tokenMinutes < 1) {
      throw new RangeError('tokenMinutes must be a whole number of at least 1.');
    }
    this.timeoutMs = options.timeoutMs ?? 5000;
    this.now = options.now ?? Date.now;
  }

  async publish(meetingKey: string, view: PublicView): Promise<void> {
    try {
      // An object is sent as application/json by the SDK.
      await this.client
        .group(this.groupOf(meetingKey))
        .sendToAll(view, { abortSignal: AbortSignal.timeout(this.timeoutMs) });
    } catch {
      // Best effort by contract: the command is already committed, and polling heals the gap.
      this.failures += 1;
    }
  }

  /** Private, content-free: each person's connection carries their pseudonym as its user id. */
  async nudge(_meetingKey: string, participantIds: readonly string[]): Promise<void> {
    await Promise.all(
      participantIds.map(async (participantId) => {
        try {
          await this.client.sendToUser(
            participantId,
            { kind: 'nudge' },
            {
              abortSignal: AbortSignal.timeout(this.timeoutMs),
            },
          );
        } catch {
          this.failures += 1;
        }
      }),
    );
  }

  /** Closes every connection in the meeting's group; a closed client reconnects through /live. */
  async disconnectAll(meetingKey: string): Promise<void> {
    try {
      await this.client.group(this.groupOf(meetingKey)).closeAllConnections({
        reason: 'The session ended.',
        abortSignal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch {
      this.failures += 1;
    }
  }

  async access(meetingKey: string, _meetingId: string, participantId: string): Promise<LiveAccess> {
    const group = this.groupOf(meetingKey);
    // Taken before the token is issued, so the reported expiry is never later than the real one.
    const expiresAt = this.now() + this.tokenMinutes * 60_000;
    try {
      // Joins the meeting's group on connect; may rejoin it after a reconnect; may send nothing.
      const { url } = await this.client.getClientAccessToken({
        userId: participantId,
        groups: [group],
        roles: [`webpubsub.joinLeaveGroup.${group}`],
        expirationTimeInMinutes: this.tokenMinutes,
        abortSignal: AbortSignal.timeout(this.timeoutMs),
      });
      return { transport: 'webpubsub', url, expiresAt };
    } catch (error) {
      // Only the status travels on: the SDK's error holds the request, headers included.
      const status = error instanceof Error && 'statusCode' in error ? error.statusCode : null;
      const detail = typeof status === 'number' ? `HTTP ${status}` : 'no answer';
      throw new DependencyUnavailableError(
        'live',
        `Web PubSub client access was not issued (${detail}).`,
      );
    }
  }
}
