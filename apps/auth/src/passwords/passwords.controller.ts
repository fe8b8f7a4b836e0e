import { MessagePattern, Payload } from '@nestjs/microservices';
import { AUTH_SUBJECTS, ChangePasswordRequest, type CallerIdentity } from '@sakip/contracts';
import { Caller, RpcController } from '@sakip/messaging';
import { ChangePassword } from './change-password.use-case';

@RpcController()
export class PasswordsController {
  constructor(private readonly change: ChangePassword) {}

  @MessagePattern(AUTH_SUBJECTS.passwordChange)
  async changePassword(@Payload() req: ChangePasswordRequest, @Caller() caller: CallerIdentity | null) {
    await this.change.execute(caller, req);
    return null;
  }
}
