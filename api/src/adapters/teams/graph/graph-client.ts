// A small Microsoft Graph client for the ending's follow-up: app-only tokens for the meeting's
// tenant, a timeout, waits on 429/503/504 as Retry-After says, one fresh token after a 401, and
// failures that carry a status and Graph's error code — never a URL, token or body.
import { BotTokenProvider } from '../bot-token-provider.js';
import { failureKind, property } from '../../untrusted.js';
import { retryAfterSeconds } from '../retry-after.js';

/** A refused or failed Graph call. `code` is `innerError.code` when Graph gives one, else `error.code`. */
export class GraphError extends Error {
  override readonly name = 'GraphError';
  constructor(
    readonly status: number | null,
    readonly code: string | null,
  ) {
    super(
      status === null
        ? `Graph did not answer (${code ?? 'unknown'}).`
        : `Graph answered HTTP ${status}${code === null ? '' : ` (${code})`}.`,
    );
  }
}

export interface GraphClientOptions {
  /** `https://graph.microsoft.com` in the public cloud (no version, no trailing slash). */
  readonly graphHost: string;
  readonly loginHost: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly fetch?: typeof fetch;
  readonly timeoutMs?: number;
  /** Attempts per request when Graph is busy (429, 503, 504) or does not answer. */
  readonly attempts?: number;
  /** Longest wait between attempts; a job waits, a caller never does. */
  readonly maxWaitSeconds?: number;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly now?: () => number;
}

const BUSY = new Set([429, 503, 504]);

export class GraphClient {
  private readonly fetch: typeof fetch;
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  /** One token provider per tenant: RSC grants are evaluated in the meeting's tenant. */
  private readonly tokens = new Map<string, BotTokenProvider>();

  constructor(private readonly options: GraphClientOptions) {
    this.fetch = options.fetch ?? fetch;
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  }

  /** JSON from `GET {graphHost}/v1.0{path}`. */
  async json(tenantId: string, path: string): Promise<unknown> {
    const response = await this.get(tenantId, path, 'application/json');
    return response.json().catch(() => {
      throw new GraphError(response.status, 'not-json');
    });
  }

  /** Text content in the format `accept` names (transcripts: `text/vtt`). */
  async text(tenantId: string, path: string, accept: string): Promise<string> {
    return (await this.get(tenantId, path, accept)).text();
  }

  private async get(tenantId: string, path: string, accept: string): Promise<Response> {
    const tokens = this.tokensFor(tenantId);
    const attempts = this.options.attempts ?? 3;
    let refreshed = false;
    for (let attempt = 1; ; attempt += 1) {
      let token: string;
      try {
        token = await tokens.token();
      } catch {
        // Entra out of reach and a refused secret look alike here (the provider keeps neither
        // detail): both are the operator's to fix or wait out, so the look is tried again.
        throw new GraphError(null, 'no-token');
      }
      let response: Response;
      try {
        response = await this.fetch(`${this.options.graphHost}/v1.0${path}`, {
          headers: { authorization: `Bearer ${token}`, accept },
          signal: AbortSignal.timeout(this.options.timeoutMs ?? 10_000),
        });
      } catch (error) {
        if (attempt < attempts) {
          await this.sleep(1000 * attempt);
          continue;
        }
        throw new GraphError(null, failureKind(error));
      }
      if (response.ok) return response;
      if (response.status === 401 && !refreshed) {
        // A rotated or revoked token: one fresh token, one more try.
        tokens.invalidate(token);
        refreshed = true;
        continue;
      }
      if (BUSY.has(response.status) && attempt < attempts) {
        const wait = retryAfterSeconds(response.headers.get('retry-after'), this.now());
        await this.sleep(Math.min(wait, this.options.maxWaitSeconds ?? 60) * 1000);
        continue;
      }
      throw new GraphError(response.status, await errorCode(response));
    }
  }

  private tokensFor(tenantId: string): BotTokenProvider {
    let tokens = this.tokens.get(tenantId);
    if (tokens === undefined) {
      // graph-api/auth-v2-service.md: client credentials against the tenant, scope `.default`.
      tokens = new BotTokenProvider({
        clientId: this.options.clientId,
        clientSecret: this.options.clientSecret,
        tokenUrl: `${this.options.loginHost}/${encodeURIComponent(tenantId)}/oauth2/v2.0/token`,
        scope: `${this.options.graphHost}/.default`,
        fetch: this.fetch,
        now: this.now,
      });
      this.tokens.set(tenantId, tokens);
    }
    return tokens;
  }
}

/** Graph's `innerError.code` (what its pages say to branch on), else `error.code`; never the message. */
async function errorCode(response: Response): Promise<string | null> {
  const body: unknown = await response.json().catch(() => null);
  const error = property(body, 'error');
  const code = property(property(error, 'innerError'), 'code') ?? property(error, 'code');
  return typeof code === 'string' && /^[A-Za-z0-9_.-]{1,80}$/.test(code) ? code : null;
}
