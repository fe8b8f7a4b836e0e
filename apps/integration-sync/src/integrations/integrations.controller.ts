import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  CreateIntegrationRequest,
  INTEGRATION_SUBJECTS,
  IntegrationIdRequest,
  IntegrationListQuery,
  QuarantineListCommand,
  SyncLogListCommand,
  UpdateIntegrationCommand,
  type CallerIdentity,
} from '@sakip/contracts';
import { Caller, RpcController } from '@sakip/messaging';
import { ReadRunsUseCase } from '../runs/use-cases/read-runs.use-case';
import { TriggerSyncUseCase } from '../runs/use-cases/trigger-sync.use-case';
import { CreateIntegrationUseCase } from './use-cases/create-integration.use-case';
import { DeleteIntegrationUseCase } from './use-cases/delete-integration.use-case';
import { ReadIntegrationsUseCase } from './use-cases/read-integrations.use-case';
import { UpdateIntegrationUseCase } from './use-cases/update-integration.use-case';

@RpcController()
export class IntegrationsController {
  constructor(
    private readonly create: CreateIntegrationUseCase,
    private readonly update: UpdateIntegrationUseCase,
    private readonly remove: DeleteIntegrationUseCase,
    private readonly read: ReadIntegrationsUseCase,
    private readonly trigger: TriggerSyncUseCase,
    private readonly runs: ReadRunsUseCase,
  ) {}

  @MessagePattern(INTEGRATION_SUBJECTS.list)
  list(@Payload() q: IntegrationListQuery, @Caller() caller: CallerIdentity | null) {
    return this.read.list(q, caller);
  }

  @MessagePattern(INTEGRATION_SUBJECTS.get)
  get(@Payload() dto: IntegrationIdRequest, @Caller() caller: CallerIdentity | null) {
    return this.read.get(dto, caller);
  }

  @MessagePattern(INTEGRATION_SUBJECTS.create)
  createOne(@Payload() dto: CreateIntegrationRequest, @Caller() caller: CallerIdentity | null) {
    return this.create.execute(dto, caller);
  }

  @MessagePattern(INTEGRATION_SUBJECTS.update)
  updateOne(@Payload() dto: UpdateIntegrationCommand, @Caller() caller: CallerIdentity | null) {
    return this.update.execute(dto, caller);
  }

  @MessagePattern(INTEGRATION_SUBJECTS.delete)
  async deleteOne(@Payload() dto: IntegrationIdRequest, @Caller() caller: CallerIdentity | null) {
    await this.remove.execute(dto, caller);
    return {};
  }

  @MessagePattern(INTEGRATION_SUBJECTS.sync)
  sync(@Payload() dto: IntegrationIdRequest, @Caller() caller: CallerIdentity | null) {
    return this.trigger.execute(dto, caller);
  }

  @MessagePattern(INTEGRATION_SUBJECTS.logs)
  logs(@Payload() q: SyncLogListCommand, @Caller() caller: CallerIdentity | null) {
    return this.runs.logs(q, caller);
  }

  @MessagePattern(INTEGRATION_SUBJECTS.health)
  health(@Payload() dto: IntegrationIdRequest, @Caller() caller: CallerIdentity | null) {
    return this.runs.health(dto, caller);
  }

  @MessagePattern(INTEGRATION_SUBJECTS.quarantine)
  quarantine(@Payload() q: QuarantineListCommand, @Caller() caller: CallerIdentity | null) {
    return this.runs.quarantined(q, caller);
  }
}
