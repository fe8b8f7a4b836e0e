import { Inject, Injectable } from '@nestjs/common';
import { authenticator } from 'otplib';
import { AUTH_CONFIG, type AuthConfig } from '../auth.config';
import { decryptSecret, encryptSecret } from '../keys/key-encryption';

const STEP_SEC = 30;

/** RFC 6238 TOTP (otplib): 6 digits, 30 s steps, one step of clock drift either way. */
@Injectable()
export class Totp {
  private readonly otp = authenticator.clone({ window: 1, step: STEP_SEC, digits: 6 });

  constructor(@Inject(AUTH_CONFIG) private readonly config: AuthConfig) {}

  newSecret(): string {
    return this.otp.generateSecret(20);
  }

  otpauthUrl(email: string, secret: string): string {
    return this.otp.keyuri(email, this.config.AUTH_MFA_ISSUER, secret);
  }

  /** The time step the code belongs to, or null when it matches none in the window. */
  matchingStep(code: string, secret: string, now = Date.now()): number | null {
    const delta = this.otp.checkDelta(code, secret);
    return delta === null ? null : Math.floor(now / 1000 / STEP_SEC) + delta;
  }

  seal(secret: string, userId: string): string {
    return encryptSecret(secret, this.config.keyEncryptionKey, `mfa:${userId}`);
  }

  open(sealed: string, userId: string): string {
    return decryptSecret(sealed, this.config.keyEncryptionKey, `mfa:${userId}`);
  }
}
