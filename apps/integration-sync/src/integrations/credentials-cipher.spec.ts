import { randomBytes } from 'node:crypto';
import { CredentialsCipher, keyIdOf } from './credentials-cipher';

describe('CredentialsCipher', () => {
  const creds = { apiKey: 'rahasia-sekali' };

  it('seals with AES-256-GCM so the blob neither shows the secret nor opens for another integration', () => {
    const cipher = new CredentialsCipher(randomBytes(32));
    const sealed = cipher.seal('id-1', creds);
    expect(sealed.blob.toString('latin1')).not.toContain('rahasia');
    expect(cipher.open('id-1', sealed)).toEqual(creds);
    expect(() => cipher.open('id-2', sealed)).toThrow();
    const tampered = Buffer.from(sealed.blob);
    tampered[tampered.length - 1]! ^= 1;
    expect(() => cipher.open('id-1', { ...sealed, blob: tampered })).toThrow();
  });

  it('after a rotation opens what the old key sealed and says it needs re-sealing', () => {
    const oldKey = randomBytes(32);
    const newKey = randomBytes(32);
    const sealed = new CredentialsCipher(oldKey).seal('id-1', creds);
    const rotated = new CredentialsCipher(newKey, [oldKey]);
    expect(rotated.needsReseal(sealed.keyId)).toBe(true);
    expect(rotated.open('id-1', sealed)).toEqual(creds);
    expect(rotated.seal('id-1', creds).keyId).toBe(keyIdOf(newKey));
    expect(() => new CredentialsCipher(newKey).open('id-1', sealed)).toThrow(/INTEGRATION_SECRET_KEYS_OLD/);
  });

  it('reads its keys from the config strings', () => {
    const a = randomBytes(32).toString('base64');
    const b = randomBytes(32).toString('base64');
    const cipher = CredentialsCipher.fromConfig(a, ` ${b} ,`);
    expect(cipher.currentKeyId).toBe(keyIdOf(Buffer.from(a, 'base64')));
    expect(cipher.open('x', CredentialsCipher.fromConfig(b, '').seal('x', creds))).toEqual(creds);
  });
});
