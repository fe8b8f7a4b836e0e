import { createHash, randomBytes } from 'node:crypto';

/** `sakip_<8 hex prefix>_<256-bit secret>`: the prefix is shown in lists, only the SHA-256 is stored. */
export function newApiKey(): { key: string; prefix: string; hash: Buffer } {
  const prefix = `sakip_${randomBytes(4).toString('hex')}`;
  const key = `${prefix}_${randomBytes(32).toString('base64url')}`;
  return { key, prefix, hash: hashApiKey(key) };
}

export function hashApiKey(key: string): Buffer {
  return createHash('sha256').update(key).digest();
}
