import { MessagePattern, Payload } from '@nestjs/microservices';
import { AUTH_SUBJECTS, ChangePasswordRequest, ForgotPasswordCommand, ResetPasswordCommand, type CallerIdentity } from '@sakip/contracts';
import { Caller, RpcController } from '@sakip/messaging';
import { ChangePassword } from './change-password.use-case';
import { RequestPasswordReset } from './request-password-reset.use-case';
import { ResetPassword } from './reset-password.use-case';

@RpcController()
export class PasswordsController {
  constructor(
    private readonly change: ChangePassword,
    private readonly forgot: RequestPasswordReset,
    private readonly reset: ResetPassword,
  ) {}

  @MessagePattern(AUTH_SUBJECTS.passwordChange)
  async changePassword(@Payload() req: ChangePasswordRequest, @Caller() caller: CallerIdentity | null) {
    await this.change.execute(caller, req);
    return null;
  }

  /** Answers before the mail is handed over (see RequestPasswordReset). */
  @MessagePattern(AUTH_SUBJECTS.passwordForgot)
  async forgotPassword(@Payload() cmd: ForgotPasswordCommand) {
    await this.forgot.execute(cmd);
    return null;
  }

  @MessagePattern(AUTH_SUBJECTS.passwordReset)
  async resetPassword(@Payload() cmd: ResetPasswordCommand) {
    await this.reset.execute(cmd);
    return null;
  }
}
