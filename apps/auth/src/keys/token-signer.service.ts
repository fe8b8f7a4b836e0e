import { Inject, Injectable } from '@nestjs/common';
import { ACCESS_TOKEN_ALG, ACCESS_TOKEN_TYP, type AccessTokenClaims } from '@sakip/security';
import { sign } from 'jsonwebtoken';
import { randomUUID } from 'node:crypto';
import { AUTH_CONFIG, type AuthConfig } from '../auth.config';
import type { UserEntity } from '../users/user.entity';
import { KeyStore } from './key-store.service';

@Injectable()
export class TokenSigner {
  constructor(
    private readonly keys: KeyStore,
    @Inject(AUTH_CONFIG) private readonly config: AuthConfig,
  ) {}

  get accessTokenTtlSec(): number {
    return this.config.AUTH_ACCESS_TOKEN_TTL_SEC;
  }

  /** ES256 access token with `kid` and `typ: at+jwt`, claims as API.md "Access tokens". */
  async accessToken(user: Pick<UserEntity, 'id' | 'role' | 'opdId' | 'mustChangePassword'>, sessionId: string): Promise<string> {
    const { kid, privateKey } = await this.keys.signingKey();
    const now = Math.floor(Date.now() / 1000);
    const claims: AccessTokenClaims = {
      iss: this.config.JWT_ISSUER,
      aud: this.config.JWT_AUDIENCE,
      sub: user.id,
      iat: now,
      exp: now + this.config.AUTH_ACCESS_TOKEN_TTL_SEC,
      jti: randomUUID(),
      role: user.role,
      opdId: user.opdId,
      sid: sessionId,
      // A refresh after the change issues a token without it (the claim follows the stored flag).
      ...(user.mustChangePassword ? { pwc: true as const } : {}),
    };
    return sign(claims, privateKey, { algorithm: ACCESS_TOKEN_ALG, keyid: kid, header: { alg: ACCESS_TOKEN_ALG, typ: ACCESS_TOKEN_TYP } });
  }
}
