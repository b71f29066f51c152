// Verifies access tokens for Entra ID and for local mode along one path; only the options differ.
import { createRemoteJWKSet, decodeJwt, errors, jwtVerify } from 'jose';
import type { JWTPayload, JWTVerifyGetKey } from 'jose';
import { ROLES } from '@roundtable/core';
import type { Role } from '@roundtable/core';
import {
  AuthenticationError,
  DependencyUnavailableError,
  TenantNotAllowedError,
} from '../application/errors.js';
import { shownName } from '../application/display-name.js';
import { asApplicationError, messages } from './token-errors.js';
import type { Caller, TokenVerifier } from '../application/ports.js';

export interface TokenVerifierOptions {
  readonly keys: JWTVerifyGetKey;
  /** Allowed issuers for the tenant the token names; a token's issuer must match its own tenant. */
  readonly issuers: (tenantId: string) => readonly string[];
  readonly audiences: readonly string[];
  readonly tenants: readonly string[] | 'any';
  /** Must appear in the space-separated `scp` claim. */
  readonly requiredScope: string;
  /** The client apps a token may have been issued to (`azp`, or `appid` in v1 tokens). */
  readonly clientApps: readonly string[];
  readonly algorithms: readonly string[];
  readonly clockToleranceSeconds?: number;
  /** Local mode only: take the `roundtable_role` claim as the caller's role. */
  readonly trustRoleClaim?: boolean;
}

const MICROSOFT_KEYS = 'https://login.microsoftonline.com/common/discovery/v2.0/keys';

/**
 * The Teams clients that ask Entra for the tab's SSO token: desktop and mobile, and web — the two
 * clients aad.manifest.json pre-authorises (msteams-docs
 * tabs/how-to/authentication/tab-sso-register-aad.md; Teams SDK docs, "SSO Architecture").
 */
export const TEAMS_CLIENT_APPS = [
  '1fec8e78-bce4-4aaf-ab1b-5451cc387264',
  '5e3ce6c0-2b1f-4285-8d4b-75ee78787346',
] as const;
// Short, so a slow key server turns into a quick 503 instead of a hung request.
const KEY_FETCH_TIMEOUT_MS = 3000;

export function entraVerifierOptions(settings: {
  readonly clientId: string;
  readonly applicationIdUri: string;
  readonly allowedTenants: readonly string[] | 'any';
  readonly jwksUri?: string | undefined;
}): TokenVerifierOptions {
  return {
    keys: createRemoteJWKSet(new URL(settings.jwksUri ?? MICROSOFT_KEYS), {
      timeoutDuration: KEY_FETCH_TIMEOUT_MS,
    }),
    // Teams SSO tokens are v2 (audience = client id); v1 tokens use the application id URI.
    issuers: (tenantId) => [
      `https://login.microsoftonline.com/${tenantId}/v2.0`,
      `https://sts.windows.net/${tenantId}/`,
    ],
    audiences: [settings.applicationIdUri, settings.clientId],
    tenants: settings.allowedTenants,
    requiredScope: 'access_as_user',
    clientApps: TEAMS_CLIENT_APPS,
    algorithms: ['RS256'],
  };
}

export function bearerToken(authorizationHeader: string | null): string {
  const token = /^Bearer\s+(\S+)\s*$/i.exec(authorizationHeader ?? '')?.[1];
  if (token === undefined) throw new AuthenticationError(messages.noBearer);
  return token;
}

export class JwtTokenVerifier implements TokenVerifier {
  private readonly allowedTenants: ReadonlySet<string> | 'any';

  constructor(private readonly options: TokenVerifierOptions) {
    this.allowedTenants =
      options.tenants === 'any'
        ? 'any'
        : new Set(options.tenants.map((tenant) => tenant.toLowerCase()));
  }

  async verify(token: string): Promise<Caller> {
    try {
      return await this.verifyOrThrow(token);
    } catch (error) {
      throw asApplicationError(error);
    }
  }

  private async verifyOrThrow(token: string): Promise<Caller> {
    // Read unverified only to choose the issuers; the signature check below covers `tid` too.
    const tenantId = decodeJwt(token).tid;
    if (typeof tenantId !== 'string' || tenantId === '') {
      throw new AuthenticationError(messages.noTenant);
    }
    const { payload } = await jwtVerify(token, this.keysOrDependencyFailure, {
      algorithms: [...this.options.algorithms],
      audience: [...this.options.audiences],
      issuer: [...this.options.issuers(tenantId)],
      clockTolerance: this.options.clockToleranceSeconds ?? 60,
      requiredClaims: ['exp'],
    });
    if (this.allowedTenants !== 'any' && !this.allowedTenants.has(tenantId.toLowerCase())) {
      throw new TenantNotAllowedError();
    }
    const userId = payload.oid;
    if (typeof userId !== 'string' || userId === '') throw new AuthenticationError(messages.user);
    const scopes = typeof payload.scp === 'string' ? payload.scp.split(' ') : [];
    if (!scopes.includes(this.options.requiredScope)) {
      throw new AuthenticationError(messages.scope);
    }
    // A token for our API obtained by some other app the user consented to is not the tab's.
    const client = payload.azp ?? payload.appid;
    if (typeof client !== 'string' || !this.options.clientApps.includes(client)) {
      throw new AuthenticationError(messages.client);
    }
    const caller: Caller = { tenantId, userId, displayName: displayNameOf(payload) };
    const localRole = this.options.trustRoleClaim === true ? roleOf(payload) : undefined;
    return localRole === undefined ? caller : { ...caller, localRole };
  }

  // Anything the key source throws, other than "no key for this token", means it is unreachable.
  private readonly keysOrDependencyFailure: JWTVerifyGetKey = async (header, token) => {
    try {
      return await this.options.keys(header, token);
    } catch (error) {
      if (
        error instanceof errors.JWKSNoMatchingKey ||
        error instanceof errors.JWKSMultipleMatchingKeys ||
        error instanceof errors.JOSENotSupported
      ) {
        throw error;
      }
      throw new DependencyUnavailableError('sign-in', messages.keysUnavailable, 2, {
        cause: error,
      });
    }
  };
}

function displayNameOf(payload: JWTPayload): string {
  return shownName(payload.name);
}

function roleOf(payload: JWTPayload): Role | undefined {
  const claim = payload.roundtable_role;
  if (claim === undefined) return undefined;
  const role = ROLES.find((known) => known === claim);
  if (role === undefined) throw new AuthenticationError(messages.role);
  return role;
}
