// Sealed object ids: readable only with the deployment secret and the meeting's salt.
import { describe, expect, it } from '@jest/globals';
import { AesContactSealer } from '../../api/src/adapters/contact-sealer.js';
import type { Caller } from '../../api/src/application/ports.js';
import { SECRET } from './support.js';

const caller: Caller = {
  tenantId: 'tenant-1',
  userId: '3f2a8c1e-5b7d-4e9f-a1c3-0d2e4f6a8b9c',
  displayName: 'Ana',
};

describe('AesContactSealer', () => {
  const sealer = new AesContactSealer(SECRET);

  it('opens what it sealed, with the same salt', () => {
    const sealed = sealer.seal('salt-a', caller);
    expect(sealed).not.toContain(caller.userId);
    expect(Buffer.from(sealed.slice(3), 'base64url').toString('latin1')).not.toContain('3f2a8c1e');
    expect(sealer.open('salt-a', sealed)).toBe(caller.userId);
  });

  it('seals the same person to the same text within a meeting, and differently across meetings', () => {
    expect(sealer.seal('salt-a', caller)).toBe(sealer.seal('salt-a', caller));
    expect(sealer.seal('salt-a', caller)).not.toBe(sealer.seal('salt-b', caller));
    expect(sealer.seal('salt-a', caller)).not.toBe(
      sealer.seal('salt-a', { ...caller, userId: 'another-object-id' }),
    );
  });

  it('opens nothing once the salt is gone, under another salt or secret, or after tampering', () => {
    const sealed = sealer.seal('salt-a', caller);
    expect(sealer.open('', sealed)).toBeNull();
    expect(sealer.open('salt-b', sealed)).toBeNull();
    expect(new AesContactSealer(`${SECRET}-other`).open('salt-a', sealed)).toBeNull();
    const bytes = Buffer.from(sealed.slice(3), 'base64url');
    bytes[bytes.length - 20] = (bytes[bytes.length - 20] ?? 0) ^ 1;
    expect(sealer.open('salt-a', `c1.${bytes.toString('base64url')}`)).toBeNull();
    expect(sealer.open('salt-a', 'not sealed')).toBeNull();
    expect(sealer.open('salt-a', 'c1.AAAA')).toBeNull();
  });

  it('refuses a short secret', () => {
    expect(() => new AesContactSealer('short')).toThrow(/at least 32/);
  });
});
