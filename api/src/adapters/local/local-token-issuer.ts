// Local mode: signs tokens for simulated people with a key derived from the local secret, checked
// by JwtTokenVerifier. The same secret gives the same key, so restarting the API signs nobody out.
import { createECDH, createHmac } from 'node:crypto';
import { SignJWT, calculateJwkThumbprint, createLocalJWKSet, importJWK } from 'jose';
import type { CryptoKey, JSONWebKeySet, JWK, JWTVerifyGetKey } from 'jose';
import type { Role } from '@roundtable/core';
import type { TokenVerifierOptions } from '../jwt-token-verifier.js';

export const LOCAL_TENANT = '00000000-0000-0000-0000-00000000c0de';
export const LOCAL_ISSUER = 'https://roundtable.local/issuer';
export const LOCAL_AUDIENCE = 'api://roundtable-local';
/** The client app local tokens name, as Teams' tokens name the Teams client. */
export const LOCAL_CLIENT = 'roundtable-local-simulator';
const SCOPE = 'access_as_user';
const ALGORITHM = 'ES256';
const LIFETIME_SECONDS = 12 * 60 * 60;

export class LocalTokenIssuer {
  private readonly keys: JWTVerifyGetKey;

  private constructor(
    private readonly secret: string,
    private readonly privateKey: CryptoKey,
    private readonly publicKey: JWK & { readonly kid: string },
  ) {
    this.keys = createLocalJWKSet(this.jwks());
  }

  static async create(secret: string): Promise<LocalTokenIssuer> {
    if (secret === '') throw new Error('The local token issuer needs a non-empty secret.');
    const { privateJwk, publicJwk } = p256KeyFrom(secret);
    // Imported non-extractable: only the public half is ever exported.
    const privateKey = (await importJWK(privateJwk, ALGORITHM)) as CryptoKey;
    const kid = await calculateJwkThumbprint(publicJwk);
    return new LocalTokenIssuer(secret, privateKey, {
      ...publicJwk,
      kid,
      alg: ALGORITHM,
      use: 'sig',
    });
  }

  jwks(): JSONWebKeySet {
    return { keys: [{ ...this.publicKey }] };
  }

  verifierOptions(): TokenVerifierOptions {
    return {
      keys: this.keys,
      issuers: () => [LOCAL_ISSUER],
      audiences: [LOCAL_AUDIENCE],
      tenants: [LOCAL_TENANT],
      requiredScope: SCOPE,
      clientApps: [LOCAL_CLIENT],
      algorithms: [ALGORITHM],
      trustRoleClaim: true,
    };
  }

  async issue(person: { readonly name: string; readonly role: Role }): Promise<string> {
    const name = person.name.trim();
    if (name === '') throw new Error('A simulated participant needs a name.');
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({
      tid: LOCAL_TENANT,
      oid: this.userIdFor(name),
      name,
      scp: SCOPE,
      azp: LOCAL_CLIENT,
      roundtable_role: person.role,
    })
      .setProtectedHeader({ alg: ALGORITHM, typ: 'JWT', kid: this.publicKey.kid })
      .setIssuer(LOCAL_ISSUER)
      .setAudience(LOCAL_AUDIENCE)
      .setIssuedAt(now)
      .setNotBefore(now)
      .setExpirationTime(now + LIFETIME_SECONDS)
      .sign(this.privateKey);
  }

  // The same name always maps to the same person, so a reloaded browser tab keeps its place.
  private userIdFor(name: string): string {
    // Labelled, as every use of the secret is: an unlabelled name could be another use's input
    // (the signing key's, say) and hand out 16 bytes of its output as somebody's id.
    const digest = createHmac('sha256', this.secret)
      .update(`local-user\u0000${name.toLowerCase()}`)
      .digest();
    // Shape it as an RFC 9562 version-8 (custom) UUID, like the object ids Entra issues.
    digest[6] = ((digest[6] ?? 0) & 0x0f) | 0x80;
    digest[8] = ((digest[8] ?? 0) & 0x3f) | 0x80;
    const hex = digest.subarray(0, 16).toString('hex');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  }
}

/** A P-256 key pair whose private scalar is a keyed hash of the secret. */
function p256KeyFrom(secret: string): { privateJwk: JWK; publicJwk: JWK } {
  const scalar = createHmac('sha256', secret).update('local-signing-key\u0000').digest();
  const ecdh = createECDH('prime256v1');
  ecdh.setPrivateKey(scalar);
  const point = ecdh.getPublicKey();
  const publicJwk: JWK = {
    kty: 'EC',
    crv: 'P-256',
    x: point.subarray(1, 33).toString('base64url'),
    y: point.subarray(33, 65).toString('base64url'),
  };
  return { privateJwk: { ...publicJwk, d: scalar.toString('base64url') }, publicJwk };
}
