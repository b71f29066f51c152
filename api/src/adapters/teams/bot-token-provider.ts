// Bot Framework access tokens by the OAuth2 client-credentials flow, cached and shared between
// callers. The Teams client library takes the token as given; it has no token client of its own.
import { DependencyUnavailableError } from '../../application/errors.js';
import { failureKind, property } from '../untrusted.js';

const REFRESH_MARGIN_MS = 5 * 60_000;

/**
 * The Entra ID token endpoint of the tenant the bot (a single-tenant app registration) lives in
 * (bot-framework-rest-connector-authentication.md, "Step 1", single-tenant).
 */
export function botTokenUrl(loginHost: string, botTenantId: string): string {
  return `${loginHost}/${encodeURIComponent(botTenantId)}/oauth2/v2.0/token`;
}

export interface BotTokenProviderOptions {
  readonly clientId: string;
  readonly clientSecret: string;
  readonly tokenUrl: string;
  /** The Bot Framework's scope in the bot's cloud (`https://api.botframework.com/.default`). */
  readonly scope: string;
  readonly fetch?: typeof fetch;
  readonly now?: () => number;
  readonly timeoutMs?: number;
}

interface CachedToken {
  readonly value: string;
  readonly refreshAt: number;
}

export class BotTokenProvider {
  private readonly options: BotTokenProviderOptions;
  private readonly fetch: typeof fetch;
  private readonly now: () => number;
  private cached: CachedToken | null = null;
  private pending: Promise<string> | null = null;

  constructor(options: BotTokenProviderOptions) {
    this.options = options;
    this.fetch = options.fetch ?? fetch;
    this.now = options.now ?? Date.now;
  }

  /** A valid token; callers arriving while one is being fetched wait for that same request. */
  token(): Promise<string> {
    if (this.cached !== null && this.now() < this.cached.refreshAt) {
      return Promise.resolve(this.cached.value);
    }
    this.pending ??= this.request().finally(() => {
      this.pending = null;
    });
    return this.pending;
  }

  /**
   * Forgets a token the Bot Framework rejected. Only that exact token is dropped, so several
   * requests failing with the same token lead to one refresh, not one each.
   */
  invalidate(rejected: string): void {
    if (this.cached?.value === rejected) this.cached = null;
  }

  private async request(): Promise<string> {
    const requestedAt = this.now();
    const form = new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: this.options.clientId,
      client_secret: this.options.clientSecret,
      scope: this.options.scope,
    });
    let response: Response;
    try {
      response = await this.fetch(this.options.tokenUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: form,
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 5000),
      });
    } catch (error) {
      // The cause is left out on purpose: nothing that saw the request body travels further.
      throw new DependencyUnavailableError(
        'teams',
        `Bot token request failed (${failureKind(error)}).`,
      );
    }
    const body = await readJson(response);
    if (!response.ok) {
      throw new DependencyUnavailableError(
        'teams',
        `Bot token request was refused (HTTP ${response.status}${oauthErrorCode(body)}).`,
      );
    }
    const accessToken = property(body, 'access_token');
    const lifetimeMs = Number(property(body, 'expires_in')) * 1000;
    if (typeof accessToken !== 'string' || accessToken === '' || !(lifetimeMs > 0)) {
      throw new DependencyUnavailableError('teams', 'Bot token response had no usable token.');
    }
    // Short-lived tokens are refreshed half-way instead of never being cached.
    const margin = Math.min(REFRESH_MARGIN_MS, lifetimeMs / 2);
    this.cached = { value: accessToken, refreshAt: requestedAt + lifetimeMs - margin };
    return accessToken;
  }
}

async function readJson(response: Response): Promise<unknown> {
  try {
    return await response.json();
  } catch {
    return null;
  }
}

/** The OAuth error code (e.g. invalid_client) helps an operator; the free-text description is dropped. */
function oauthErrorCode(body: unknown): string {
  const code = property(body, 'error');
  return typeof code === 'string' && /^[a-z_]{1,64}$/.test(code) ? `, ${code}` : '';
}
