import { Injectable } from '@nestjs/common';
import { unauthenticated, type MfaVerifyCommand, type TokenPair } from '@sakip/contracts';
import { MfaChallengesRepository } from '../../mfa/mfa-challenges.repository';
import { MfaStateRepository } from '../../mfa/mfa-state.repository';
import { Totp } from '../../mfa/totp.service';
import { LoginThrottle } from '../../throttle/login-throttle.service';
import { UsersRepository } from '../../users/users.repository';
import { SessionsRepository } from '../sessions.repository';
import { IssueTokens } from './issue-tokens';
import { INVALID_CREDENTIALS } from './login.use-case';

/** Second step of sign-in: a TOTP code against the challenge from the password step. */
@Injectable()
export class VerifyMfa {
  constructor(
    private readonly challenges: MfaChallengesRepository,
    private readonly mfa: MfaStateRepository,
    private readonly totp: Totp,
    private readonly users: UsersRepository,
    private readonly sessions: SessionsRepository,
    private readonly throttle: LoginThrottle,
    private readonly tokens: IssueTokens,
  ) {}

  async execute(cmd: MfaVerifyCommand): Promise<TokenPair> {
    const challenge = await this.challenges.find(cmd.mfaToken, 'verify');
    const user = challenge ? await this.users.findById(challenge.userId) : null;
    if (!challenge || !user?.isActive || !user.mfaEnabled || !user.mfaSecretEnc) throw unauthenticated(INVALID_CREDENTIALS);
    await this.throttle.assertAllowed(user.email, cmd.ip);
    const step = this.totp.matchingStep(cmd.code, this.totp.open(user.mfaSecretEnc, user.id));
    if (step === null || !(await this.mfa.claimStep(user.id, step))) {
      await this.throttle.failed(user.email, cmd.ip);
      await this.sessions.auditFailedLogin(user.email, cmd.ip);
      throw unauthenticated(INVALID_CREDENTIALS);
    }
    if (!(await this.challenges.consume(challenge.id))) throw unauthenticated(INVALID_CREDENTIALS);
    await this.throttle.succeeded(user.email);
    return this.tokens.startSession(user, cmd);
  }
}
