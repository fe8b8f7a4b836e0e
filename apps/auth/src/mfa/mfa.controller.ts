import { MessagePattern, Payload } from '@nestjs/microservices';
import { AUTH_SUBJECTS, MfaCodeRequest, MfaEnableCommand, MfaSetupRequest, type CallerIdentity } from '@sakip/contracts';
import { Caller, RpcController } from '@sakip/messaging';
import { ManageMfa } from './use-cases/manage-mfa.use-case';

@RpcController()
export class MfaController {
  constructor(private readonly mfa: ManageMfa) {}

  @MessagePattern(AUTH_SUBJECTS.mfaSetup)
  setup(@Payload() req: MfaSetupRequest, @Caller() caller: CallerIdentity | null) {
    return this.mfa.setup(caller, req.mfaToken);
  }

  @MessagePattern(AUTH_SUBJECTS.mfaEnable)
  enable(@Payload() cmd: MfaEnableCommand, @Caller() caller: CallerIdentity | null) {
    return this.mfa.enable(caller, cmd);
  }

  @MessagePattern(AUTH_SUBJECTS.mfaDisable)
  disable(@Payload() req: MfaCodeRequest, @Caller() caller: CallerIdentity | null) {
    return this.mfa.disable(caller, req.code);
  }
}
