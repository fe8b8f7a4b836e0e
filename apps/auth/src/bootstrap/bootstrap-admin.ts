import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { Role } from '@sakip/contracts';
import { LOGGER, type Logger } from '@sakip/observability';
import { uuidv7 } from '@sakip/persistence';
import { AUTH_CONFIG, type AuthConfig } from '../auth.config';
import { PasswordHasher } from '../users/password-hasher';
import { UsersRepository } from '../users/users.repository';

/**
 * Creates the first super_admin from BOOTSTRAP_ADMIN_EMAIL/PASSWORD when no account has that
 * e-mail. Never overwrites an existing account, so changing the env later changes nothing.
 */
@Injectable()
export class BootstrapAdmin implements OnApplicationBootstrap {
  constructor(
    private readonly users: UsersRepository,
    private readonly hasher: PasswordHasher,
    @Inject(AUTH_CONFIG) private readonly config: AuthConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const email = this.config.BOOTSTRAP_ADMIN_EMAIL?.trim().toLowerCase();
    const password = this.config.BOOTSTRAP_ADMIN_PASSWORD;
    if (!email || !password) return;
    if (await this.users.findByEmail(email)) return;
    const now = new Date();
    try {
      await this.users.create(
        {
          id: uuidv7(),
          email,
          name: 'Super Admin',
          passwordHash: await this.hasher.hash(password),
          role: Role.SuperAdmin,
          opdId: null,
          isActive: true,
          mustChangePassword: false,
          mfaEnabled: false,
          passwordChangedAt: now,
          deactivatedAt: null,
          createdAt: now,
          updatedAt: now,
          version: 1,
        },
        { actor: 'system:bootstrap' },
      );
      this.logger.info({ email }, 'bootstrap super_admin created');
    } catch (err) {
      // Another replica won the race: the account exists, which is all we wanted.
      if ((err as { code?: string }).code !== 'CONFLICT') throw err;
    }
  }
}
