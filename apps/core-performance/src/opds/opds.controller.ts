import { MessagePattern, Payload } from '@nestjs/microservices';
import { CORE_SUBJECTS, CreateOpdRequest, DeleteOpdCommand, IdRequest, OpdListQuery, UpdateOpdCommand, type CallerIdentity } from '@sakip/contracts';
import { Caller, RpcController } from '@sakip/messaging';
import { ManageOpds } from './use-cases/manage-opds.use-case';

/** The public `/opds` routes, forwarded by the gateway with the caller identity. */
@RpcController()
export class OpdsController {
  constructor(private readonly manage: ManageOpds) {}

  @MessagePattern(CORE_SUBJECTS.opdQuery)
  query(@Payload() q: OpdListQuery, @Caller() caller: CallerIdentity | null) {
    return this.manage.list(caller, q);
  }

  @MessagePattern(CORE_SUBJECTS.opdGet)
  get(@Payload() req: IdRequest, @Caller() caller: CallerIdentity | null) {
    return this.manage.get(caller, req.id);
  }

  @MessagePattern(CORE_SUBJECTS.opdCreate)
  create(@Payload() req: CreateOpdRequest, @Caller() caller: CallerIdentity | null) {
    return this.manage.create(caller, req);
  }

  @MessagePattern(CORE_SUBJECTS.opdUpdate)
  update(@Payload() cmd: UpdateOpdCommand, @Caller() caller: CallerIdentity | null) {
    return this.manage.update(caller, cmd);
  }

  @MessagePattern(CORE_SUBJECTS.opdDelete)
  async delete(@Payload() cmd: DeleteOpdCommand, @Caller() caller: CallerIdentity | null) {
    await this.manage.delete(caller, cmd.id, cmd.expectedVersion);
    return null;
  }
}
