import { createHash, randomBytes } from 'node:crypto';

/** A 256-bit random token, base64url (43 characters): what the mail carries. */
export const newResetToken = (): string => randomBytes(32).toString('base64url');

/** What the database keeps instead of the token. */
export const hashResetToken = (token: string): Buffer => createHash('sha256').update(token, 'utf8').digest();
