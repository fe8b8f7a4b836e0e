import { MessagePattern, Payload } from '@nestjs/microservices';
import { CORE_SUBJECTS, CreateIndicatorRequest, DeleteIndicatorCommand, IdRequest, IndicatorListQuery, UpdateIndicatorCommand, type CallerIdentity } from '@sakip/contracts';
import { Caller, RpcController } from '@sakip/messaging';
import { ManageIndicators } from './use-cases/manage-indicators.use-case';

@RpcController()
export class IndicatorsController {
  constructor(private readonly manage: ManageIndicators) {}

  @MessagePattern(CORE_SUBJECTS.indicatorCreate)
  create(@Payload() req: CreateIndicatorRequest, @Caller() caller: CallerIdentity | null) {
    return this.manage.create(caller, req);
  }

  @MessagePattern(CORE_SUBJECTS.indicatorQuery)
  query(@Payload() q: IndicatorListQuery, @Caller() caller: CallerIdentity | null) {
    return this.manage.list(caller, q);
  }

  @MessagePattern(CORE_SUBJECTS.indicatorGet)
  get(@Payload() req: IdRequest, @Caller() caller: CallerIdentity | null) {
    return this.manage.get(caller, req.id);
  }

  @MessagePattern(CORE_SUBJECTS.indicatorUpdate)
  update(@Payload() cmd: UpdateIndicatorCommand, @Caller() caller: CallerIdentity | null) {
    return this.manage.update(caller, cmd);
  }

  @MessagePattern(CORE_SUBJECTS.indicatorDelete)
  async delete(@Payload() cmd: DeleteIndicatorCommand, @Caller() caller: CallerIdentity | null) {
    await this.manage.delete(caller, cmd.id, cmd.expectedVersion);
    return null;
  }
}
