import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { Role } from '@sakip/contracts';
import { LOGGER, type Logger } from '@sakip/observability';
import { AUTH_CONFIG, type AuthConfig } from '../auth.config';
import { MfaStateRepository } from '../mfa/mfa-state.repository';
import { Totp } from '../mfa/totp.service';
import { PasswordHasher } from '../users/password-hasher';
import { newUser } from '../users/user.entity';
import { UsersRepository } from '../users/users.repository';

/**
 * Creates the first super_admin from BOOTSTRAP_ADMIN_EMAIL/PASSWORD when no account has that
 * e-mail. Never overwrites an existing account's password or role.
 */
@Injectable()
export class BootstrapAdmin implements OnApplicationBootstrap {
  constructor(
    private readonly users: UsersRepository,
    private readonly hasher: PasswordHasher,
    private readonly totp: Totp,
    private readonly mfa: MfaStateRepository,
    @Inject(AUTH_CONFIG) private readonly config: AuthConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const email = this.config.BOOTSTRAP_ADMIN_EMAIL?.trim().toLowerCase();
    const password = this.config.BOOTSTRAP_ADMIN_PASSWORD;
    if (!email || !password) return;
    if (!(await this.users.findByEmail(email))) await this.create(email, password);
    await this.enrolTotp(email);
  }

  /**
   * With BOOTSTRAP_ADMIN_TOTP_SECRET the bootstrap admin is enrolled with that secret (automation
   * can then compute codes). An admin who already has MFA keeps theirs.
   */
  private async enrolTotp(email: string): Promise<void> {
    const secret = this.config.BOOTSTRAP_ADMIN_TOTP_SECRET;
    const admin = secret ? await this.users.findByEmail(email) : null;
    if (!secret || !admin || admin.mfaEnabled || admin.role !== Role.SuperAdmin) return;
    await this.mfa.enrolDirectly(admin.id, this.totp.seal(secret, admin.id), 'system:bootstrap');
    this.logger.info({ email }, 'bootstrap super_admin enrolled in MFA');
  }

  private async create(email: string, password: string): Promise<void> {
    try {
      await this.users.create(
        newUser({ email, name: 'Super Admin', passwordHash: await this.hasher.hash(password), role: Role.SuperAdmin, opdId: null, mustChangePassword: false }),
        { actor: 'system:bootstrap' },
      );
      this.logger.info({ email }, 'bootstrap super_admin created');
    } catch (err) {
      // Another replica won the race: the account exists, which is all we wanted.
      if ((err as { code?: string }).code !== 'CONFLICT') throw err;
    }
  }
}
