// Sealed Teams ids: readable only with the deployment secret and the session's salt, and only for
// the pseudonym they were sealed for.
import { describe, expect, it } from '@jest/globals';
import { AesContactSealer } from '../../api/src/adapters/contact-sealer.js';
import { SECRET } from './support.js';

// The pairwise id Teams gives a person for this bot, as the participant API answers it
// (msteams-docs apps-in-teams-meetings/meeting-apps-apis.md, "Get participant API").
const teamsId = '29:1JKiJGPAX9TTxtGxhVo0wLx_zwzo-gG8Z-X03306vBwi9p-xMTEbDXsT6KH7-0kkTS8cD';
const ana = 'pAnaPseudonym0000000000';

describe('AesContactSealer', () => {
  const sealer = new AesContactSealer(SECRET);

  it('opens what it sealed, with the same salt and the same person', () => {
    const sealed = sealer.seal('salt-a', ana, teamsId);
    expect(sealed).not.toContain(teamsId);
    expect(Buffer.from(sealed.slice(3), 'base64url').toString('latin1')).not.toContain('1JKiJ');
    expect(sealer.open('salt-a', ana, sealed)).toBe(teamsId);
  });

  it('seals the same person to the same text within a session, and differently across sessions', () => {
    expect(sealer.seal('salt-a', ana, teamsId)).toBe(sealer.seal('salt-a', ana, teamsId));
    expect(sealer.seal('salt-a', ana, teamsId)).not.toBe(sealer.seal('salt-b', ana, teamsId));
    expect(sealer.seal('salt-a', ana, teamsId)).not.toBe(sealer.seal('salt-a', ana, '29:other'));
  });

  it('does not open for another person: a sealed id moved to someone else is useless', () => {
    const sealed = sealer.seal('salt-a', ana, teamsId);
    expect(sealer.open('salt-a', 'pBenPseudonym0000000000', sealed)).toBeNull();
  });

  it('opens nothing once the salt is gone, under another salt or secret, or after tampering', () => {
    const sealed = sealer.seal('salt-a', ana, teamsId);
    expect(sealer.open('', ana, sealed)).toBeNull();
    expect(sealer.open('salt-b', ana, sealed)).toBeNull();
    expect(new AesContactSealer(`${SECRET}-other`).open('salt-a', ana, sealed)).toBeNull();
    const bytes = Buffer.from(sealed.slice(3), 'base64url');
    bytes[bytes.length - 20] = (bytes[bytes.length - 20] ?? 0) ^ 1;
    expect(sealer.open('salt-a', ana, `c2.${bytes.toString('base64url')}`)).toBeNull();
    expect(sealer.open('salt-a', ana, 'not sealed')).toBeNull();
    expect(sealer.open('salt-a', ana, 'c2.AAAA')).toBeNull();
  });

  it('refuses a short secret', () => {
    expect(() => new AesContactSealer('short')).toThrow(/at least 32/);
  });
});
