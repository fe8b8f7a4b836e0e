import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  CORE_SUBJECTS,
  CreateStrategicPlanRequest,
  DeleteStrategicPlanCommand,
  IdRequest,
  StrategicPlanListQuery,
  UpdateStrategicPlanCommand,
  type CallerIdentity,
} from '@sakip/contracts';
import { Caller, RpcController } from '@sakip/messaging';
import { GetPlanTree } from './use-cases/get-plan-tree.use-case';
import { ManageStrategicPlans } from './use-cases/manage-strategic-plans.use-case';

@RpcController()
export class StrategicPlansController {
  constructor(
    private readonly manage: ManageStrategicPlans,
    private readonly tree: GetPlanTree,
  ) {}

  @MessagePattern(CORE_SUBJECTS.strategicPlanCreate)
  create(@Payload() req: CreateStrategicPlanRequest, @Caller() caller: CallerIdentity | null) {
    return this.manage.create(caller, req);
  }

  @MessagePattern(CORE_SUBJECTS.strategicPlanQuery)
  query(@Payload() q: StrategicPlanListQuery, @Caller() caller: CallerIdentity | null) {
    return this.manage.list(caller, q);
  }

  @MessagePattern(CORE_SUBJECTS.strategicPlanGet)
  get(@Payload() req: IdRequest, @Caller() caller: CallerIdentity | null) {
    return this.manage.get(caller, req.id);
  }

  @MessagePattern(CORE_SUBJECTS.strategicPlanUpdate)
  update(@Payload() cmd: UpdateStrategicPlanCommand, @Caller() caller: CallerIdentity | null) {
    return this.manage.update(caller, cmd);
  }

  @MessagePattern(CORE_SUBJECTS.strategicPlanDelete)
  async delete(@Payload() cmd: DeleteStrategicPlanCommand, @Caller() caller: CallerIdentity | null) {
    await this.manage.delete(caller, cmd.id, cmd.expectedVersion);
    return null;
  }

  @MessagePattern(CORE_SUBJECTS.strategicPlanTree)
  getTree(@Payload() req: IdRequest, @Caller() caller: CallerIdentity | null) {
    return this.tree.execute(caller, req.id);
  }
}
