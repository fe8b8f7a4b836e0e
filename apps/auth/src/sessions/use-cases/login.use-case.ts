import { Injectable } from '@nestjs/common';
import { Role, unauthenticated, type LoginCommand, type LoginResult } from '@sakip/contracts';
import { MfaChallengesRepository } from '../../mfa/mfa-challenges.repository';
import { LoginThrottle } from '../../throttle/login-throttle.service';
import { PasswordHasher } from '../../users/password-hasher';
import { UsersRepository } from '../../users/users.repository';
import { SessionsRepository } from '../sessions.repository';
import { IssueTokens } from './issue-tokens';

/** One message for every credential failure, so the answer never tells which part was wrong. */
export const INVALID_CREDENTIALS = 'Invalid e-mail or password';

/**
 * Password step of sign-in. Locked accounts/IPs are refused before any hashing; a correct password
 * ends in tokens, or in an MFA challenge (enrolled users), or an enrolment challenge (super_admin
 * without MFA: it is mandatory for them).
 */
@Injectable()
export class Login {
  constructor(
    private readonly users: UsersRepository,
    private readonly sessions: SessionsRepository,
    private readonly hasher: PasswordHasher,
    private readonly tokens: IssueTokens,
    private readonly throttle: LoginThrottle,
    private readonly challenges: MfaChallengesRepository,
  ) {}

  async execute(cmd: LoginCommand): Promise<LoginResult> {
    await this.throttle.assertAllowed(cmd.email, cmd.ip);
    const user = await this.users.findByEmail(cmd.email);
    const ok = user ? await this.hasher.verify(user.passwordHash, cmd.password) : (await this.hasher.burn(cmd.password), false);
    if (!user || !ok || !user.isActive) {
      await this.throttle.failed(cmd.email, cmd.ip);
      await this.sessions.auditFailedLogin(cmd.email, cmd.ip);
      throw unauthenticated(INVALID_CREDENTIALS);
    }
    if (user.mfaEnabled) return { mfaRequired: true, mfaToken: await this.challenges.create(user.id, 'verify') };
    if (user.role === Role.SuperAdmin) return { mfaSetupRequired: true, mfaToken: await this.challenges.create(user.id, 'setup') };
    await this.throttle.succeeded(cmd.email);
    return this.tokens.startSession(user, cmd);
  }
}
