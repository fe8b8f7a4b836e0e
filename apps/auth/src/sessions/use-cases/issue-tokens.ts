import { Inject, Injectable } from '@nestjs/common';
import type { TokenPair } from '@sakip/contracts';
import { AUTH_CONFIG, type AuthConfig } from '../../auth.config';
import { TokenSigner } from '../../keys/token-signer.service';
import { toMeView, type UserEntity } from '../../users/user.entity';

@Injectable()
export class IssueTokens {
  constructor(
    private readonly signer: TokenSigner,
    @Inject(AUTH_CONFIG) private readonly config: AuthConfig,
  ) {}

  refreshExpiry(now = Date.now()): Date {
    return new Date(now + this.config.AUTH_REFRESH_TOKEN_TTL_DAYS * 86_400_000);
  }

  async pair(user: UserEntity, refreshToken: string): Promise<TokenPair> {
    return {
      accessToken: await this.signer.accessToken(user),
      refreshToken,
      tokenType: 'Bearer',
      expiresIn: this.signer.accessTokenTtlSec,
      user: toMeView(user),
    };
  }
}
