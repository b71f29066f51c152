// Checks that a request to the bot endpoint comes from the Bot Framework (the "connector to bot"
// rules): keys from its OpenID metadata, its issuer, our app id as audience, the activity's serviceUrl.
import { createRemoteJWKSet, customFetch, errors, jwtVerify } from 'jose';
import type { JWTVerifyGetKey } from 'jose';
import { AuthenticationError, DependencyUnavailableError } from '../application/errors.js';
import { failureKind, property } from './bot-token-provider.js';
import { bearerToken } from './jwt-token-verifier.js';

export const BOT_FRAMEWORK_OPENID_METADATA =
  'https://login.botframework.com/v1/.well-known/openidconfiguration';
const BOT_FRAMEWORK_ISSUER = 'https://api.botframework.com';
// Microsoft documents the keys as stable; a day bounds how long a rotated jwks_uri goes unnoticed.
const METADATA_TTL_MS = 24 * 60 * 60_000;
const FETCH_TIMEOUT_MS = 3000;

export interface BotFrameworkAuthOptions {
  /** The bot's Microsoft app id: the audience the Bot Framework signs its tokens for. */
  readonly appId: string;
  readonly openIdMetadataUrl?: string;
  readonly fetch?: typeof fetch;
  /** The Bot Framework documents five minutes of clock skew. */
  readonly clockToleranceSeconds?: number;
  readonly now?: () => number;
}

const messages = {
  invalid: 'The Bot Framework token could not be verified.',
  expired: 'The Bot Framework token has expired or is not valid yet.',
  audience: 'The Bot Framework token was issued for another bot.',
  issuer: 'The token was not issued by the Bot Framework.',
  serviceUrl: "The Bot Framework token does not match the activity's serviceUrl.",
  unavailable: 'The Bot Framework signing keys cannot be fetched now; try again in a moment.',
};

interface CachedKeys {
  readonly keys: JWTVerifyGetKey;
  readonly expiresAt: number;
}

export class BotFrameworkAuth {
  private readonly metadataUrl: string;
  private readonly fetch: typeof fetch;
  private readonly now: () => number;
  private cached: CachedKeys | null = null;
  private pending: Promise<JWTVerifyGetKey> | null = null;

  constructor(private readonly options: BotFrameworkAuthOptions) {
    this.metadataUrl = options.openIdMetadataUrl ?? BOT_FRAMEWORK_OPENID_METADATA;
    this.fetch = options.fetch ?? fetch;
    this.now = options.now ?? Date.now;
  }

  /** Resolves when the request is the Bot Framework's; rejects with an application error otherwise. */
  async verify(
    authorizationHeader: string | null,
    activity: { readonly serviceUrl?: string },
  ): Promise<void> {
    const token = bearerToken(authorizationHeader);
    const keys = await this.keys();
    let serviceUrl: unknown;
    try {
      const { payload } = await jwtVerify(token, keys, {
        algorithms: ['RS256'],
        issuer: BOT_FRAMEWORK_ISSUER,
        audience: this.options.appId,
        clockTolerance: this.options.clockToleranceSeconds ?? 300,
        requiredClaims: ['exp'],
      });
      // The SDKs read the claim as "serviceurl"; the REST documentation spells it "serviceUrl".
      serviceUrl = payload.serviceurl ?? payload.serviceUrl;
    } catch (error) {
      throw asApplicationError(error);
    }
    // A token minted for one channel's serviceUrl must not steer replies to another.
    if (activity.serviceUrl !== undefined && serviceUrl !== activity.serviceUrl) {
      throw new AuthenticationError(messages.serviceUrl);
    }
  }

  private keys(): Promise<JWTVerifyGetKey> {
    if (this.cached !== null && this.now() < this.cached.expiresAt) {
      return Promise.resolve(this.cached.keys);
    }
    this.pending ??= this.discoverKeys().finally(() => {
      this.pending = null;
    });
    return this.pending;
  }

  private async discoverKeys(): Promise<JWTVerifyGetKey> {
    const jwksUri = property(await this.metadata(), 'jwks_uri');
    if (typeof jwksUri !== 'string' || !URL.canParse(jwksUri)) {
      throw new DependencyUnavailableError(messages.unavailable);
    }
    const remote = createRemoteJWKSet(new URL(jwksUri), {
      timeoutDuration: FETCH_TIMEOUT_MS,
      [customFetch]: this.fetch,
    });
    // Anything but "no key for this token" means the key server could not be read.
    const keys: JWTVerifyGetKey = async (header, token) => {
      try {
        return await remote(header, token);
      } catch (error) {
        if (error instanceof errors.JWKSNoMatchingKey || error instanceof errors.JOSENotSupported) {
          throw error;
        }
        throw new DependencyUnavailableError(messages.unavailable);
      }
    };
    this.cached = { keys, expiresAt: this.now() + METADATA_TTL_MS };
    return keys;
  }

  private async metadata(): Promise<unknown> {
    let response: Response;
    try {
      response = await this.fetch(this.metadataUrl, {
        headers: { accept: 'application/json' },
        signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
      });
    } catch (error) {
      throw metadataUnavailable(failureKind(error));
    }
    if (!response.ok) {
      await response.body?.cancel().catch(() => undefined);
      throw metadataUnavailable(`HTTP ${response.status}`);
    }
    try {
      return await response.json();
    } catch {
      throw metadataUnavailable('not JSON');
    }
  }
}

function metadataUnavailable(why: string): DependencyUnavailableError {
  return new DependencyUnavailableError(
    `The Bot Framework OpenID metadata could not be read (${why}); try again in a moment.`,
  );
}

// jose's messages may quote claim values, so only our own fixed messages are passed on.
function asApplicationError(error: unknown): Error {
  if (error instanceof DependencyUnavailableError) return error;
  if (error instanceof errors.JWTExpired) return new AuthenticationError(messages.expired);
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'aud') return new AuthenticationError(messages.audience);
    if (error.claim === 'iss') return new AuthenticationError(messages.issuer);
    if (error.claim === 'nbf') return new AuthenticationError(messages.expired);
  }
  return new AuthenticationError(messages.invalid);
}
