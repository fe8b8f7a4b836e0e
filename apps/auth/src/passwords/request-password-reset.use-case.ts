import { Inject, Injectable } from '@nestjs/common';
import { NOTIFICATION_SUBJECTS, type ForgotPasswordCommand, type MailSendRequest } from '@sakip/contracts';
import { RpcClient } from '@sakip/messaging';
import { LOGGER, type Logger } from '@sakip/observability';
import { AUTH_CONFIG, type AuthConfig } from '../auth.config';
import { UsersRepository } from '../users/users.repository';
import { PasswordResetsRepository } from './password-resets.repository';
import { hashResetToken, newResetToken } from './reset-token';

/**
 * POST /auth/password/forgot: always answers the same (no account probing). For an active user a
 * one-time token is stored hashed and mailed by direct RPC to notification — never an event, so
 * the token never sits in a stream (ARCHITECTURE.md). The mail is handed over after the answer
 * is decided, so known and unknown e-mails take the same time and a notification outage cannot
 * fail the request; the token is never logged or audited.
 */
@Injectable()
export class RequestPasswordReset {
  constructor(
    private readonly users: UsersRepository,
    private readonly resets: PasswordResetsRepository,
    private readonly rpc: RpcClient,
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject(AUTH_CONFIG) private readonly config: AuthConfig,
  ) {}

  async execute(cmd: ForgotPasswordCommand): Promise<{ mailed: Promise<void> }> {
    // Same work shape for every e-mail: a token is made and hashed either way.
    const token = newResetToken();
    const tokenHash = hashResetToken(token);
    const user = await this.users.findByEmail(cmd.email);
    if (!user?.isActive) {
      await this.resets.issueNothing(tokenHash);
      return { mailed: Promise.resolve() };
    }
    const reset = await this.resets.issue(user.id, tokenHash, cmd.ip ?? null);
    const mail: MailSendRequest = {
      to: user.email,
      template: 'password_reset',
      variables: { name: user.name, token, expiresAt: reset.expiresAt.toISOString(), ...this.resetLink(token) },
      idempotencyKey: reset.id,
      userId: user.id,
    };
    const mailed = this.rpc.request(NOTIFICATION_SUBJECTS.mailSend, mail, { identity: null }).then(
      () => undefined,
      (err: unknown) => this.logger.warn({ resetId: reset.id, userId: user.id, err: err instanceof Error ? err.message : String(err) }, 'password-reset mail not handed to notification'),
    );
    return { mailed };
  }

  private resetLink(token: string): { resetUrl?: string } {
    return this.config.AUTH_RESET_PAGE_URL ? { resetUrl: `${this.config.AUTH_RESET_PAGE_URL}#token=${encodeURIComponent(token)}` } : {};
  }
}
