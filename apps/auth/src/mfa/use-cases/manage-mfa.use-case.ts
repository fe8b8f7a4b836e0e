import { Injectable } from '@nestjs/common';
import {
  DomainError,
  ErrorCode,
  Role,
  unauthenticated,
  type CallerIdentity,
  type MeView,
  type MfaEnableCommand,
  type MfaSetupResponse,
  type TokenPair,
} from '@sakip/contracts';
import { IssueTokens } from '../../sessions/use-cases/issue-tokens';
import { INVALID_CREDENTIALS } from '../../sessions/use-cases/login.use-case';
import { LoginThrottle } from '../../throttle/login-throttle.service';
import { toMeView, type UserEntity } from '../../users/user.entity';
import { UsersRepository } from '../../users/users.repository';
import { MfaChallengesRepository } from '../mfa-challenges.repository';
import { MfaStateRepository } from '../mfa-state.repository';
import { Totp } from '../totp.service';

/**
 * Enrolment and removal of the second factor. Enrolment works signed in (Bearer) or, for a
 * super_admin who must enrol before the first sign-in completes, with the login's setup mfaToken;
 * in that case `enable` completes the sign-in and returns the token pair.
 */
@Injectable()
export class ManageMfa {
  constructor(
    private readonly users: UsersRepository,
    private readonly challenges: MfaChallengesRepository,
    private readonly state: MfaStateRepository,
    private readonly totp: Totp,
    private readonly throttle: LoginThrottle,
    private readonly tokens: IssueTokens,
  ) {}

  async setup(caller: CallerIdentity | null, mfaToken?: string): Promise<MfaSetupResponse> {
    const user = await this.subject(caller, mfaToken);
    if (user.mfaEnabled) throw new DomainError(ErrorCode.InvalidState, 'MFA is already enabled; disable it first');
    const secret = this.totp.newSecret();
    await this.state.setPending(user.id, this.totp.seal(secret, user.id), `user:${user.id}`);
    return { secret, otpauthUrl: this.totp.otpauthUrl(user.email, secret) };
  }

  async enable(caller: CallerIdentity | null, cmd: MfaEnableCommand): Promise<TokenPair | MeView> {
    const user = await this.subject(caller, cmd.mfaToken);
    if (user.mfaEnabled) throw new DomainError(ErrorCode.InvalidState, 'MFA is already enabled');
    if (!user.mfaPendingSecretEnc) throw new DomainError(ErrorCode.InvalidState, 'Call mfa/setup first');
    await this.throttle.assertAllowed(user.email, cmd.ip);
    const step = this.totp.matchingStep(cmd.code, this.totp.open(user.mfaPendingSecretEnc, user.id));
    if (step === null || !(await this.state.enable(user.id, user.mfaPendingSecretEnc, step, `user:${user.id}`))) {
      await this.throttle.failed(user.email, cmd.ip);
      throw unauthenticated('Invalid code');
    }
    const enabled: UserEntity = { ...user, mfaEnabled: true };
    if (caller) return toMeView(enabled);
    const challenge = await this.challenges.find(cmd.mfaToken ?? '', 'setup');
    if (!challenge || !(await this.challenges.consume(challenge.id))) throw unauthenticated(INVALID_CREDENTIALS);
    await this.throttle.succeeded(user.email);
    return this.tokens.startSession(enabled, cmd);
  }

  async disable(caller: CallerIdentity | null, code: string): Promise<MeView> {
    if (!caller) throw unauthenticated('Authentication required');
    const user = await this.users.findById(caller.sub);
    if (!user?.isActive) throw unauthenticated('Authentication required');
    if (user.role === Role.SuperAdmin) throw new DomainError(ErrorCode.InvalidState, 'MFA is mandatory for super_admin');
    if (!user.mfaEnabled || !user.mfaSecretEnc) throw new DomainError(ErrorCode.InvalidState, 'MFA is not enabled');
    // Guessing codes to switch MFA off counts toward the same lockout as guessing passwords.
    await this.throttle.assertAllowed(user.email, caller.ip);
    const step = this.totp.matchingStep(code, this.totp.open(user.mfaSecretEnc, user.id));
    if (step === null || !(await this.state.claimStep(user.id, step))) {
      await this.throttle.failed(user.email, caller.ip);
      throw unauthenticated('Invalid code');
    }
    await this.state.disable(user.id, caller.actor);
    return toMeView({ ...user, mfaEnabled: false });
  }

  /** Signed-in caller, or the holder of a live setup challenge. */
  private async subject(caller: CallerIdentity | null, mfaToken?: string): Promise<UserEntity> {
    let userId = caller?.sub;
    if (!userId && mfaToken) userId = (await this.challenges.find(mfaToken, 'setup'))?.userId;
    const user = userId ? await this.users.findById(userId) : null;
    if (!user?.isActive) throw unauthenticated(caller || mfaToken ? INVALID_CREDENTIALS : 'Authentication required');
    return user;
  }
}
