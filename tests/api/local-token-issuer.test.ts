// Local mode's issuer gives each simulated name a stable identity that the shared verifier accepts.
import { describe, expect, it } from '@jest/globals';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import type { Role } from '@roundtable/core';
import { AuthenticationError } from '../../api/src/application/errors.js';
import { JwtTokenVerifier } from '../../api/src/adapters/jwt-token-verifier.js';
import { LOCAL_TENANT, LocalTokenIssuer } from '../../api/src/adapters/local/local-token-issuer.js';

const uuidShape = /^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const issuer = await LocalTokenIssuer.create('local-secret');
const verifier = new JwtTokenVerifier(issuer.verifierOptions());

async function oidOf(token: Promise<string>): Promise<unknown> {
  return decodeJwt(await token).oid;
}

const SECRET_FOR_RESTART = 'restart-secret-0123456789-abcdefghijklmnop';

describe('LocalTokenIssuer', () => {
  it('gives the same name the same UUID-shaped object id, ignoring case and spaces', async () => {
    const first = await oidOf(issuer.issue({ name: 'Grace Hopper', role: 'attendee' }));
    const again = await oidOf(issuer.issue({ name: '  grace hopper ', role: 'organizer' }));
    expect(first).toMatch(uuidShape);
    expect(again).toBe(first);
  });

  it('gives different names different object ids', async () => {
    const grace = await oidOf(issuer.issue({ name: 'Grace', role: 'attendee' }));
    const alan = await oidOf(issuer.issue({ name: 'Alan', role: 'attendee' }));
    expect(grace).not.toBe(alan);
  });

  it('issues tokens the shared verifier accepts, with the role the issuer chose', async () => {
    const token = await issuer.issue({ name: 'Grace Hopper', role: 'presenter' });
    await expect(verifier.verify(token)).resolves.toEqual({
      tenantId: LOCAL_TENANT,
      userId: decodeJwt(token).oid,
      displayName: 'Grace Hopper',
      localRole: 'presenter',
    });
  });

  it('signs a 12-hour ES256 token whose kid is in the published key set', async () => {
    const token = await issuer.issue({ name: 'Grace', role: 'attendee' });
    const { exp = 0, iat = 0 } = decodeJwt(token);
    expect(exp - iat).toBe(12 * 60 * 60);
    const header = decodeProtectedHeader(token);
    expect(header.alg).toBe('ES256');
    expect(issuer.jwks().keys.map((key) => key.kid)).toEqual([header.kid]);
    expect(issuer.jwks().keys[0]).not.toHaveProperty('d');
  });

  it('rejects a role claim Roundtable does not know', async () => {
    const token = await issuer.issue({ name: 'Grace', role: 'superuser' as Role });
    await expect(verifier.verify(token)).rejects.toBeInstanceOf(AuthenticationError);
  });

  it('accepts tokens from before a restart: the same secret gives the same key', async () => {
    const restarted = await LocalTokenIssuer.create(SECRET_FOR_RESTART);
    const before = await (
      await LocalTokenIssuer.create(SECRET_FOR_RESTART)
    ).issue({ name: 'Ada', role: 'attendee' });
    await expect(
      new JwtTokenVerifier(restarted.verifierOptions()).verify(before),
    ).resolves.toMatchObject({ displayName: 'Ada' });
  });

  it('rejects a token issued by a LocalTokenIssuer with another secret', async () => {
    const other = await LocalTokenIssuer.create('another-local-secret');
    const token = await other.issue({ name: 'Grace Hopper', role: 'organizer' });
    await expect(verifier.verify(token)).rejects.toBeInstanceOf(AuthenticationError);
  });
});
