// A person's Teams object id, kept only while the meeting runs so the bot can tell them privately
// that they are next. It is sealed (AES-256-GCM) under a key derived from the deployment secret and
// the meeting's salt: storage alone cannot open it, and once the salt is destroyed nobody can.
import { createCipheriv, createDecipheriv, createHmac } from 'node:crypto';
import type { Caller, ContactSealer } from '../application/ports.js';

const VERSION = 'c1.';
const IV_BYTES = 12;
const TAG_BYTES = 16;

export class AesContactSealer implements ContactSealer {
  constructor(private readonly deploymentSecret: string) {
    if (deploymentSecret.length < 32) {
      throw new Error('The contact secret must be at least 32 characters long.');
    }
  }

  seal(salt: string, caller: Caller): string {
    const key = this.keyFor(salt);
    // Deterministic (the IV is a keyed hash of the plaintext, as in SIV): the same person seals to
    // the same text, so arriving again does not rewrite the state. Different plaintexts never
    // share an IV, which is what GCM needs.
    const iv = createHmac('sha256', key)
      .update(`iv\u0000${caller.userId}`)
      .digest()
      .subarray(0, IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    const sealed = Buffer.concat([cipher.update(caller.userId, 'utf8'), cipher.final()]);
    return VERSION + Buffer.concat([iv, sealed, cipher.getAuthTag()]).toString('base64url');
  }

  open(salt: string, sealed: string): string | null {
    if (salt === '' || !sealed.startsWith(VERSION)) return null;
    const bytes = Buffer.from(sealed.slice(VERSION.length), 'base64url');
    if (bytes.length <= IV_BYTES + TAG_BYTES) return null;
    try {
      const decipher = createDecipheriv(
        'aes-256-gcm',
        this.keyFor(salt),
        bytes.subarray(0, IV_BYTES),
      );
      decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
      return Buffer.concat([
        decipher.update(bytes.subarray(IV_BYTES, bytes.length - TAG_BYTES)),
        decipher.final(),
      ]).toString('utf8');
    } catch {
      // Another meeting's salt, another deployment's secret, or tampering: not this person.
      return null;
    }
  }

  private keyFor(salt: string): Buffer {
    return createHmac('sha256', this.deploymentSecret).update(`contact\u0000${salt}`).digest();
  }
}
