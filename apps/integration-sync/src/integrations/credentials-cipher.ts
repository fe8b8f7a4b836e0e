import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

const IV_BYTES = 12;
const TAG_BYTES = 16;

export interface SealedCredentials {
  blob: Buffer;
  keyId: string;
}

/** A key's id: the first 16 hex digits of its SHA-256 (names it without revealing it). */
export function keyIdOf(key: Buffer): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 16);
}

/**
 * AES-256-GCM for integration credentials at rest. The integration id is the additional
 * authenticated data, so a sealed blob copied onto another row does not open. Older keys (after a
 * rotation) still open what they sealed; `needsReseal` tells which rows to re-seal with the current one.
 */
export class CredentialsCipher {
  private readonly keys = new Map<string, Buffer>();
  readonly currentKeyId: string;

  constructor(
    private readonly current: Buffer,
    old: Buffer[] = [],
  ) {
    if (current.length !== 32) throw new Error('the credentials key must be 32 bytes');
    this.currentKeyId = keyIdOf(current);
    this.keys.set(this.currentKeyId, current);
    for (const k of old) this.keys.set(keyIdOf(k), k);
  }

  static fromConfig(currentB64: string, oldB64: string): CredentialsCipher {
    const old = oldB64.split(',').map((s) => s.trim()).filter(Boolean).map((s) => Buffer.from(s, 'base64'));
    return new CredentialsCipher(Buffer.from(currentB64, 'base64'), old);
  }

  seal(integrationId: string, credentials: Record<string, string>): SealedCredentials {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.current, iv);
    cipher.setAAD(Buffer.from(integrationId));
    const body = Buffer.concat([cipher.update(JSON.stringify(credentials), 'utf8'), cipher.final()]);
    return { blob: Buffer.concat([iv, cipher.getAuthTag(), body]), keyId: this.currentKeyId };
  }

  open(integrationId: string, sealed: SealedCredentials): Record<string, string> {
    const key = this.keys.get(sealed.keyId);
    if (!key) throw new Error(`credentials sealed with unknown key ${sealed.keyId}: add it to INTEGRATION_SECRET_KEYS_OLD`);
    const decipher = createDecipheriv('aes-256-gcm', key, sealed.blob.subarray(0, IV_BYTES));
    decipher.setAAD(Buffer.from(integrationId));
    decipher.setAuthTag(sealed.blob.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    const text = Buffer.concat([decipher.update(sealed.blob.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
    return JSON.parse(text) as Record<string, string>;
  }

  needsReseal(keyId: string): boolean {
    return keyId !== this.currentKeyId;
  }
}
