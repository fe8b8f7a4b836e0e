import { Inject, Injectable } from '@nestjs/common';
import type { TokenPair } from '@sakip/contracts';
import { AUTH_CONFIG, type AuthConfig } from '../../auth.config';
import { TokenSigner } from '../../keys/token-signer.service';
import { toMeView, type UserEntity } from '../../users/user.entity';
import { newRefreshToken } from '../refresh-token';
import { SessionsRepository } from '../sessions.repository';

export interface ClientContext {
  ip?: string;
  userAgent?: string;
}

/** Starts a session (refresh family) and answers with the token pair; the one way a sign-in completes. */
@Injectable()
export class IssueTokens {
  constructor(
    private readonly signer: TokenSigner,
    private readonly sessions: SessionsRepository,
    @Inject(AUTH_CONFIG) private readonly config: AuthConfig,
  ) {}

  refreshExpiry(now = Date.now()): Date {
    return new Date(now + this.config.AUTH_REFRESH_TOKEN_TTL_DAYS * 86_400_000);
  }

  async startSession(user: UserEntity, ctx: ClientContext): Promise<TokenPair> {
    const { token, hash } = newRefreshToken();
    const familyId = await this.sessions.start({ userId: user.id, tokenHash: hash, expiresAt: this.refreshExpiry(), ip: ctx.ip, userAgent: ctx.userAgent });
    return this.pair(user, token, familyId);
  }

  async pair(user: UserEntity, refreshToken: string, sessionId: string): Promise<TokenPair> {
    return {
      accessToken: await this.signer.accessToken(user, sessionId),
      refreshToken,
      tokenType: 'Bearer',
      expiresIn: this.signer.accessTokenTtlSec,
      user: toMeView(user),
    };
  }
}
