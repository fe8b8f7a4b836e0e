import { Injectable } from '@nestjs/common';
import { unauthenticated, type ResetPasswordCommand } from '@sakip/contracts';
import { Revocations } from '../redis/revocations';
import { PasswordHasher } from '../users/password-hasher';
import { assertPasswordPolicy } from './password-policy';
import { PasswordResetsRepository } from './password-resets.repository';
import { hashResetToken } from './reset-token';

/** One message for every bad token (unknown, tampered, used, expired): nothing to tell them apart. */
const BAD_TOKEN = 'The reset link is invalid or has expired';

/**
 * POST /auth/password/reset: the one-time token sets a new password (policy applies), is spent,
 * clears mustChangePassword and ends every session — the same replacement as change-password.
 */
@Injectable()
export class ResetPassword {
  constructor(
    private readonly resets: PasswordResetsRepository,
    private readonly hasher: PasswordHasher,
    private readonly revocations: Revocations,
  ) {}

  async execute(cmd: ResetPasswordCommand): Promise<void> {
    const tokenHash = hashResetToken(cmd.token);
    const open = await this.resets.findOpen(tokenHash);
    if (!open) throw unauthenticated(BAD_TOKEN);
    assertPasswordPolicy(cmd.newPassword, 'newPassword', open.email);
    const ended = await this.resets.redeem(tokenHash, open.userId, await this.hasher.hash(cmd.newPassword), cmd.ip ?? null);
    if (!ended) throw unauthenticated(BAD_TOKEN);
    await this.revocations.revokeSessions(ended);
  }
}
