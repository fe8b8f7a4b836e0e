import { MessagePattern, Payload } from '@nestjs/microservices';
import { CORE_SUBJECTS, CreatePlanNodeCommand, DeletePlanNodeCommand, PlanNodeIdRequest, PlanNodeListCommand, UpdatePlanNodeCommand, type CallerIdentity } from '@sakip/contracts';
import { Caller, RpcController } from '@sakip/messaging';
import { ManagePlanNodes } from './use-cases/manage-plan-nodes.use-case';

/** All five levels (goal … sub_activity) share these subjects; `level` rides in the payload. */
@RpcController()
export class PlanNodesController {
  constructor(private readonly manage: ManagePlanNodes) {}

  @MessagePattern(CORE_SUBJECTS.planNodeCreate)
  create(@Payload() cmd: CreatePlanNodeCommand, @Caller() caller: CallerIdentity | null) {
    return this.manage.create(caller, cmd);
  }

  @MessagePattern(CORE_SUBJECTS.planNodeQuery)
  query(@Payload() q: PlanNodeListCommand, @Caller() caller: CallerIdentity | null) {
    return this.manage.list(caller, q);
  }

  @MessagePattern(CORE_SUBJECTS.planNodeGet)
  get(@Payload() req: PlanNodeIdRequest, @Caller() caller: CallerIdentity | null) {
    return this.manage.get(caller, req.level, req.id);
  }

  @MessagePattern(CORE_SUBJECTS.planNodeUpdate)
  update(@Payload() cmd: UpdatePlanNodeCommand, @Caller() caller: CallerIdentity | null) {
    return this.manage.update(caller, cmd);
  }

  @MessagePattern(CORE_SUBJECTS.planNodeDelete)
  async delete(@Payload() cmd: DeletePlanNodeCommand, @Caller() caller: CallerIdentity | null) {
    await this.manage.delete(caller, cmd.level, cmd.id, cmd.expectedVersion);
    return null;
  }
}
