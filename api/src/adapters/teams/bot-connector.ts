// Every call Roundtable makes to the Bot Connector goes through Microsoft's typed client
// (@microsoft/teams.api), with our own bot token, a timeout, one token refresh after a 401, and the
// service URL Teams gave for the tenant. The SDK is loaded on the first call, so the rest of the API
// does not pay for it at start-up. Failures carry a status and a kind, never a token or a body.
import type { Client } from '@microsoft/teams.api';
import { property } from '../untrusted.js';
import type { ServiceUrls } from './service-urls.js';

/** Where bot tokens come from; BotTokenProvider is one. */
export interface BotTokenSource {
  token(): Promise<string>;
  /** Called with a token the service answered 401 to, so the next token() fetches a new one. */
  invalidate(rejected: string): void;
}

/** A refused or failed Bot Connector call: the HTTP status when there was one, and why. */
export class BotConnectorError extends Error {
  override readonly name = 'BotConnectorError';
  constructor(
    readonly status: number | null,
    readonly reason: string,
    /** Seconds Teams asked us to wait (429), when it said. */
    readonly retryAfter: string | null = null,
  ) {
    super(status === null ? `The Bot Connector did not answer (${reason}).` : reason);
  }
}

export interface BotConnectorOptions {
  readonly tokens: BotTokenSource;
  readonly serviceUrls: ServiceUrls;
  readonly timeoutMs?: number;
}

type TeamsApi = typeof import('@microsoft/teams.api');
let sdk: Promise<TeamsApi> | undefined;

export class BotConnector {
  private readonly timeoutMs: number;

  constructor(private readonly options: BotConnectorOptions) {
    this.timeoutMs = options.timeoutMs ?? 5_000;
  }

  /**
   * Runs one call against the tenant's Bot Connector. Path segments are encoded by the caller
   * (encodeSegment): the client puts ids into URLs as given.
   */
  async call<T>(
    tenantId: string | undefined,
    work: (client: Client, teams: TeamsApi) => Promise<T>,
  ): Promise<T> {
    const teams = await (sdk ??= import('@microsoft/teams.api'));
    const serviceUrl = await this.options.serviceUrls.serviceUrlFor(tenantId);
    const attempt = async (token: string) =>
      work(
        new teams.Client(serviceUrl.replace(/\/+$/, ''), { token, timeout: this.timeoutMs }),
        teams,
      );
    const token = await this.options.tokens.token();
    try {
      return await attempt(token);
    } catch (error) {
      const failure = connectorError(error);
      if (failure.status !== 401) throw failure;
      // A revoked or rotated token: one fresh token, one more try.
      this.options.tokens.invalidate(token);
      try {
        return await attempt(await this.options.tokens.token());
      } catch (again) {
        throw connectorError(again);
      }
    }
  }
}

/** A path segment as the Bot Connector expects it: encoded once (the client does not). */
export function encodeSegment(value: string): string {
  return encodeURIComponent(value);
}

/**
 * What is safe to keep of a client failure: its status, its kind, and Retry-After. The client's
 * error object holds the request, Authorization header included, so it goes no further.
 */
function connectorError(error: unknown): BotConnectorError {
  if (error instanceof BotConnectorError) return error;
  const response = property(error, 'response');
  const status = property(response, 'status');
  if (typeof status === 'number') {
    const retryAfter = property(property(response, 'headers'), 'retry-after');
    return new BotConnectorError(
      status,
      `The Bot Connector answered HTTP ${status}.`,
      typeof retryAfter === 'string' ? retryAfter : null,
    );
  }
  const code = property(error, 'code');
  const kind =
    code === 'ECONNABORTED' || code === 'ETIMEDOUT'
      ? 'no answer in time'
      : typeof code === 'string' && /^[A-Z_]{2,32}$/.test(code)
        ? code
        : 'network error';
  return new BotConnectorError(null, kind);
}
