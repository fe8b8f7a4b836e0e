import { Injectable } from '@nestjs/common';
import { unauthenticated, validationFailed, type CallerIdentity, type ChangePasswordRequest } from '@sakip/contracts';
import { Revocations } from '../redis/revocations';
import { LoginThrottle } from '../throttle/login-throttle.service';
import { PasswordHasher } from '../users/password-hasher';
import { UsersRepository } from '../users/users.repository';
import { assertPasswordPolicy } from './password-policy';
import { PasswordsRepository } from './passwords.repository';

@Injectable()
export class ChangePassword {
  constructor(
    private readonly users: UsersRepository,
    private readonly passwords: PasswordsRepository,
    private readonly hasher: PasswordHasher,
    private readonly throttle: LoginThrottle,
    private readonly revocations: Revocations,
  ) {}

  /** Checks the current password (throttled like a login), then replaces it and ends every other session. */
  async execute(caller: CallerIdentity | null, req: ChangePasswordRequest): Promise<void> {
    if (!caller) throw unauthenticated('Authentication required');
    const user = await this.users.findById(caller.sub);
    if (!user?.isActive) throw unauthenticated('Authentication required');
    await this.throttle.assertAllowed(user.email, caller.ip);
    if (!(await this.hasher.verify(user.passwordHash, req.currentPassword))) {
      await this.throttle.failed(user.email, caller.ip);
      throw validationFailed('Current password is wrong', [{ field: 'currentPassword', message: 'does not match' }]);
    }
    assertPasswordPolicy(req.newPassword, 'newPassword', user.email);
    if (await this.hasher.verify(user.passwordHash, req.newPassword)) {
      throw validationFailed('The new password must differ from the current one', [{ field: 'newPassword', message: 'same as current' }]);
    }
    const ended = await this.passwords.replace(user.id, await this.hasher.hash(req.newPassword), caller.sessionId ?? null, caller.actor);
    await this.revocations.revokeSessions(ended);
  }
}
