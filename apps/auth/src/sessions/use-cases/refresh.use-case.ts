import { Injectable } from '@nestjs/common';
import { Role, unauthenticated, type RefreshCommand, type TokenPair } from '@sakip/contracts';
import { Revocations } from '../../redis/revocations';
import { UsersRepository } from '../../users/users.repository';
import { hashRefreshToken, newRefreshToken } from '../refresh-token';
import { SessionsRepository } from '../sessions.repository';
import { IssueTokens } from './issue-tokens';

export const INVALID_REFRESH = 'Invalid or expired refresh token';

@Injectable()
export class Refresh {
  constructor(
    private readonly users: UsersRepository,
    private readonly sessions: SessionsRepository,
    private readonly tokens: IssueTokens,
    private readonly revocations: Revocations,
  ) {}

  async execute(cmd: RefreshCommand): Promise<TokenPair> {
    const next = newRefreshToken();
    const outcome = await this.sessions.rotate(hashRefreshToken(cmd.refreshToken), next.hash, cmd.ip);
    if (outcome.kind === 'reused') await this.revocations.revokeSessions([outcome.familyId]);
    if (outcome.kind !== 'rotated') throw unauthenticated(INVALID_REFRESH);
    const user = await this.users.findById(outcome.userId);
    // MFA is mandatory for super_admin: a session that predates enrolment (e.g. a promotion) cannot be extended.
    if (!user?.isActive || (user.role === Role.SuperAdmin && !user.mfaEnabled)) {
      await this.sessions.revokeByToken(next.hash, 'user_inactive');
      throw unauthenticated(INVALID_REFRESH);
    }
    return this.tokens.pair(user, next.token, outcome.familyId);
  }
}
