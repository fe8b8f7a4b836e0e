import { createHash, randomBytes } from 'node:crypto';

/** Opaque, 256 bits of randomness; only its SHA-256 is stored (high entropy needs no slow hash). */
export function newRefreshToken(): { token: string; hash: Buffer } {
  const token = `rt_${randomBytes(32).toString('base64url')}`;
  return { token, hash: hashRefreshToken(token) };
}

export function hashRefreshToken(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}
