// Checks that a request to the bot endpoint comes from Teams through the Bot Framework, as
// MicrosoftDocs/bot-docs rest-api/bot-framework-rest-connector-authentication.md says: a bearer
// token signed with a key from the Bot Framework's OpenID metadata, that key endorsed for the
// activity's channel ("msteams"), issuer https://api.botframework.com, audience our bot's app id,
// five minutes of clock skew, and a serviceUrl claim equal to the activity's. The token is checked
// before the body is read; the activity is matched against it after.
import { errors, importJWK, jwtVerify, type JWK, type JWTPayload } from 'jose';
import type { Cloud } from '../../cloud.js';
import {
  AuthenticationError,
  DependencyUnavailableError,
  NotFromTeamsError,
} from '../../application/errors.js';
import { bearerToken } from '../jwt-token-verifier.js';
import { failureKind, property } from '../untrusted.js';

/** The only channel this bot serves: its keys must be endorsed for it. */
export const TEAMS_CHANNEL = 'msteams';
// The documentation asks for a refresh at least every 24 hours.
const KEYS_TTL_MS = 24 * 60 * 60_000;
// An unknown key id fetches the keys again, but at most this often (a forged kid costs nothing).
const UNKNOWN_KEY_REFRESH_MS = 5 * 60_000;
const FETCH_TIMEOUT_MS = 3_000;

export interface BotFrameworkAuthOptions {
  /** The bot's Microsoft app id: the audience the Bot Framework signs its tokens for. */
  readonly appId: string;
  readonly cloud: Pick<Cloud, 'botOpenIdMetadata' | 'botIssuer'>;
  readonly fetch?: typeof fetch;
  readonly now?: () => number;
}

/** What a verified token says about the activity it came with. */
export interface BotClaims {
  readonly serviceUrl: string | null;
}

const messages = {
  invalid: 'The Bot Framework token could not be verified.',
  expired: 'The Bot Framework token has expired or is not valid yet.',
  audience: 'The Bot Framework token was issued for another bot.',
  issuer: 'The token was not issued by the Bot Framework.',
  noKeyId: 'The Bot Framework token does not name its signing key.',
  endorsement: 'The key that signed this token is not endorsed for Microsoft Teams.',
  serviceUrl: "The Bot Framework token does not match the activity's serviceUrl.",
  channel: 'This bot answers Microsoft Teams only.',
  unavailable: 'The Bot Framework signing keys cannot be fetched now; try again in a moment.',
};

interface SigningKey {
  readonly jwk: JWK;
  readonly endorsements: readonly string[];
}

interface KeySet {
  readonly keys: ReadonlyMap<string, SigningKey>;
  readonly fetchedAt: number;
}

export class BotFrameworkAuth {
  private readonly fetch: typeof fetch;
  private readonly now: () => number;
  private keySet: KeySet | null = null;
  private pending: Promise<KeySet> | null = null;

  constructor(private readonly options: BotFrameworkAuthOptions) {
    this.fetch = options.fetch ?? fetch;
    this.now = options.now ?? Date.now;
  }

  /** Verifies the token alone (no body read yet); rejects with 401- or 403-mapped errors. */
  async verifyToken(authorizationHeader: string | null): Promise<BotClaims> {
    const token = bearerToken(authorizationHeader);
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, (header) => this.keyFor(header.kid), {
        algorithms: ['RS256'],
        issuer: this.options.cloud.botIssuer,
        audience: this.options.appId,
        clockTolerance: 300,
        requiredClaims: ['exp'],
      }));
    } catch (error) {
      throw asApplicationError(error);
    }
    // The SDKs read the claim as "serviceurl"; the REST documentation spells it "serviceUrl".
    const serviceUrl = payload.serviceurl ?? payload.serviceUrl;
    return { serviceUrl: typeof serviceUrl === 'string' ? serviceUrl : null };
  }

  /**
   * The activity must come from Teams and name the serviceUrl its token was minted for: a token for
   * one serviceUrl must not steer replies to another, and one without the claim steers nothing.
   */
  checkActivity(claims: BotClaims, activity: unknown): void {
    if (property(activity, 'channelId') !== TEAMS_CHANNEL) {
      throw new NotFromTeamsError(messages.channel);
    }
    const serviceUrl = property(activity, 'serviceUrl');
    if (claims.serviceUrl === null || serviceUrl !== claims.serviceUrl) {
      throw new NotFromTeamsError(messages.serviceUrl);
    }
  }

  private async keyFor(kid: string | undefined): ReturnType<typeof importJWK> {
    if (kid === undefined || kid === '') throw new AuthenticationError(messages.noKeyId);
    let keySet = await this.keys();
    if (!keySet.keys.has(kid) && this.now() - keySet.fetchedAt > UNKNOWN_KEY_REFRESH_MS) {
      keySet = await this.keys(true);
    }
    const key = keySet.keys.get(kid);
    if (key === undefined) throw new AuthenticationError(messages.invalid);
    if (!key.endorsements.includes(TEAMS_CHANNEL))
      throw new NotFromTeamsError(messages.endorsement);
    return importJWK(key.jwk, 'RS256');
  }

  private keys(refresh = false): Promise<KeySet> {
    const current = this.keySet;
    if (!refresh && current !== null && this.now() - current.fetchedAt < KEYS_TTL_MS) {
      return Promise.resolve(current);
    }
    this.pending ??= this.fetchKeys()
      .then((keySet) => (this.keySet = keySet))
      .finally(() => {
        this.pending = null;
      });
    return this.pending;
  }

  /** The OpenID metadata names the key document; each key there lists the channels it endorses. */
  private async fetchKeys(): Promise<KeySet> {
    const jwksUri = property(await this.json(this.options.cloud.botOpenIdMetadata), 'jwks_uri');
    if (typeof jwksUri !== 'string' || !URL.canParse(jwksUri)) {
      throw new DependencyUnavailableError('teams', messages.unavailable);
    }
    const listed = property(await this.json(jwksUri), 'keys');
    const keys = new Map<string, SigningKey>();
    for (const entry of Array.isArray(listed) ? (listed as unknown[]) : []) {
      const kid = property(entry, 'kid');
      const endorsements = property(entry, 'endorsements');
      if (typeof kid !== 'string' || typeof entry !== 'object' || entry === null) continue;
      keys.set(kid, {
        jwk: entry,
        endorsements: Array.isArray(endorsements)
          ? endorsements.filter((e): e is string => typeof e === 'string')
          : [],
      });
    }
    return { keys, fetchedAt: this.now() };
  }

  private async json(url: string): Promise<unknown> {
    let response: Response;
    try {
      response = await this.fetch(url, {
        headers: { accept: 'application/json' },
        signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
      });
    } catch (error) {
      throw keysUnavailable(failureKind(error));
    }
    if (!response.ok) {
      await response.body?.cancel().catch(() => undefined);
      throw keysUnavailable(`HTTP ${response.status}`);
    }
    try {
      return await response.json();
    } catch {
      throw keysUnavailable('not JSON');
    }
  }
}

function keysUnavailable(why: string): DependencyUnavailableError {
  return new DependencyUnavailableError(
    'teams',
    `The Bot Framework signing keys could not be read (${why}); try again in a moment.`,
  );
}

// jose's messages may quote claim values, so only our own fixed messages are passed on.
function asApplicationError(error: unknown): Error {
  if (
    error instanceof DependencyUnavailableError ||
    error instanceof AuthenticationError ||
    error instanceof NotFromTeamsError
  ) {
    return error;
  }
  if (error instanceof errors.JWTExpired) return new AuthenticationError(messages.expired);
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'aud') return new AuthenticationError(messages.audience);
    if (error.claim === 'iss') return new AuthenticationError(messages.issuer);
    if (error.claim === 'nbf') return new AuthenticationError(messages.expired);
  }
  return new AuthenticationError(messages.invalid);
}
