// How the bot reaches a person (their Teams id, "29:…"), kept only while the session runs so the
// bot can tell them privately that they are next. It is sealed (AES-256-GCM) under a key derived
// from the deployment secret and the session's salt, bound to the person's pseudonym as associated
// data: storage alone cannot open it, a sealed id moved to another person does not open, and once
// the salt is destroyed nobody can open it.
import { createCipheriv, createDecipheriv, createHmac } from 'node:crypto';
import type { ContactSealer } from '../application/ports.js';

const VERSION = 'c2.';
const IV_BYTES = 12;
const TAG_BYTES = 16;

export class AesContactSealer implements ContactSealer {
  constructor(private readonly deploymentSecret: string) {
    if (deploymentSecret.length < 32) {
      throw new Error('The contact secret must be at least 32 characters long.');
    }
  }

  seal(salt: string, participantId: string, teamsUserId: string): string {
    const key = this.keyFor(salt);
    // Deterministic (the IV is a keyed hash of the plaintext and its owner, as in SIV): the same
    // person seals to the same text, so arriving again does not rewrite the state. Different
    // plaintexts never share an IV, which is what GCM needs.
    const iv = createHmac('sha256', key)
      .update(`iv\u0000${participantId}\u0000${teamsUserId}`)
      .digest()
      .subarray(0, IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    cipher.setAAD(Buffer.from(participantId, 'utf8'));
    const sealed = Buffer.concat([cipher.update(teamsUserId, 'utf8'), cipher.final()]);
    return VERSION + Buffer.concat([iv, sealed, cipher.getAuthTag()]).toString('base64url');
  }

  open(salt: string, participantId: string, sealed: string): string | null {
    if (salt === '' || !sealed.startsWith(VERSION)) return null;
    const bytes = Buffer.from(sealed.slice(VERSION.length), 'base64url');
    if (bytes.length <= IV_BYTES + TAG_BYTES) return null;
    try {
      const decipher = createDecipheriv(
        'aes-256-gcm',
        this.keyFor(salt),
        bytes.subarray(0, IV_BYTES),
      );
      decipher.setAAD(Buffer.from(participantId, 'utf8'));
      decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
      return Buffer.concat([
        decipher.update(bytes.subarray(IV_BYTES, bytes.length - TAG_BYTES)),
        decipher.final(),
      ]).toString('utf8');
    } catch {
      // Another session's salt, another person, another deployment's secret, or tampering.
      return null;
    }
  }

  private keyFor(salt: string): Buffer {
    return createHmac('sha256', this.deploymentSecret).update(`contact\u0000${salt}`).digest();
  }
}
