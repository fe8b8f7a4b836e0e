import { Injectable } from '@nestjs/common';
import { unauthenticated, type LoginCommand, type TokenPair } from '@sakip/contracts';
import { PasswordHasher } from '../../users/password-hasher';
import { UsersRepository } from '../../users/users.repository';
import { newRefreshToken } from '../refresh-token';
import { SessionsRepository } from '../sessions.repository';
import { IssueTokens } from './issue-tokens';

/** One message for every credential failure, so the answer never tells which part was wrong. */
export const INVALID_CREDENTIALS = 'Invalid e-mail or password';

@Injectable()
export class Login {
  constructor(
    private readonly users: UsersRepository,
    private readonly sessions: SessionsRepository,
    private readonly hasher: PasswordHasher,
    private readonly tokens: IssueTokens,
  ) {}

  async execute(cmd: LoginCommand): Promise<TokenPair> {
    const user = await this.users.findByEmail(cmd.email);
    const ok = user ? await this.hasher.verify(user.passwordHash, cmd.password) : (await this.hasher.burn(cmd.password), false);
    if (!user || !ok || !user.isActive) {
      await this.sessions.auditFailedLogin(cmd.email, cmd.ip);
      throw unauthenticated(INVALID_CREDENTIALS);
    }
    const { token, hash } = newRefreshToken();
    await this.sessions.start({ userId: user.id, tokenHash: hash, expiresAt: this.tokens.refreshExpiry(), ip: cmd.ip, userAgent: cmd.userAgent });
    return this.tokens.pair(user, token);
  }
}
