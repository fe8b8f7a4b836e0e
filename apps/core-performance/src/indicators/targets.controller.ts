import { MessagePattern, Payload } from '@nestjs/microservices';
import { CORE_SUBJECTS, GetTargetsCommand, IdRequest, PutPlanTargetsCommand, PutTargetsCommand, type CallerIdentity } from '@sakip/contracts';
import { Caller, RpcController } from '@sakip/messaging';
import { ManageTargets } from './use-cases/manage-targets.use-case';

@RpcController()
export class TargetsController {
  constructor(private readonly manage: ManageTargets) {}

  @MessagePattern(CORE_SUBJECTS.targetGet)
  get(@Payload() cmd: GetTargetsCommand, @Caller() caller: CallerIdentity | null) {
    return this.manage.getYear(caller, cmd);
  }

  @MessagePattern(CORE_SUBJECTS.targetPut)
  put(@Payload() cmd: PutTargetsCommand, @Caller() caller: CallerIdentity | null) {
    return this.manage.putYear(caller, cmd);
  }

  @MessagePattern(CORE_SUBJECTS.planTargetGet)
  getPlan(@Payload() req: IdRequest, @Caller() caller: CallerIdentity | null) {
    return this.manage.getPlan(caller, req.id);
  }

  @MessagePattern(CORE_SUBJECTS.planTargetPut)
  putPlan(@Payload() cmd: PutPlanTargetsCommand, @Caller() caller: CallerIdentity | null) {
    return this.manage.putPlan(caller, cmd);
  }
}
