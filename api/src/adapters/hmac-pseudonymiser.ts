// Keyed hashes: meeting ids become storage keys, people become per-session pseudonyms. Once a
// session's salt is destroyed, its pseudonyms cannot be linked to anyone again. Every use of the
// deployment secret hashes under its own label, so no two uses can be confused.
import { createHmac, randomBytes } from 'node:crypto';
import type { Caller, Pseudonymiser } from '../application/ports.js';

export class HmacPseudonymiser implements Pseudonymiser {
  constructor(private readonly deploymentSecret: string) {
    if (deploymentSecret.length < 32) {
      throw new Error('The pseudonym secret must be at least 32 characters long.');
    }
  }

  meetingKey(meetingId: string): string {
    return `m${hmac(this.deploymentSecret, `meeting\u0000${meetingId}`).slice(0, 43)}`;
  }

  organiserKey({ tenantId, userId }: { tenantId: string; userId: string }): string {
    return `o${hmac(this.deploymentSecret, `organiser\u0000${tenantId}\u0000${userId}`).slice(0, 43)}`;
  }

  listenerId(meetingKey: string, caller: Caller): string {
    const label = `listener\u0000${meetingKey}\u0000${caller.tenantId}\u0000${caller.userId}`;
    return `l${hmac(this.deploymentSecret, label).slice(0, 22)}`;
  }

  carryKey(meetingKey: string, { tenantId, userId }: { tenantId: string; userId: string }): string {
    const label = `carry\u0000${meetingKey}\u0000${tenantId}\u0000${userId}`;
    return `c${hmac(this.deploymentSecret, label).slice(0, 43)}`;
  }

  newSalt(): string {
    return randomBytes(32).toString('base64url');
  }

  participantId(salt: string, caller: Caller): string {
    requireSalt(salt);
    return `p${hmac(salt, `${caller.tenantId}\u0000${caller.userId}`).slice(0, 22)}`;
  }

  recordId(salt: string, participantId: string): string {
    requireSalt(salt);
    return `r${hmac(salt, `record\u0000${participantId}`).slice(0, 22)}`;
  }
}

/** Without a salt a pseudonym would be an unkeyed hash, the same in every session: never. */
function requireSalt(salt: string): void {
  if (salt === '') throw new Error('A pseudonym needs the session salt; this session has none.');
}

function hmac(key: string, value: string): string {
  return createHmac('sha256', key).update(value).digest('base64url');
}
