import { MessagePattern, Payload } from '@nestjs/microservices';
import { CORE_SUBJECTS, OpdHeadUpsertRequest, OpdSnapshotRequest, type CallerIdentity } from '@sakip/contracts';
import { Caller, RpcController } from '@sakip/messaging';
import { ListOpdSnapshot } from './use-cases/list-opd-snapshot.use-case';
import { UpsertOpdHead } from './use-cases/upsert-opd-head.use-case';

/** Service-to-service OPD RPCs (no gateway route, no user identity). */
@RpcController()
export class OpdServiceController {
  constructor(
    private readonly listSnapshot: ListOpdSnapshot,
    private readonly upsertHead: UpsertOpdHead,
  ) {}

  @MessagePattern(CORE_SUBJECTS.opdList)
  list(@Payload() req: OpdSnapshotRequest, @Caller() caller: CallerIdentity | null) {
    return this.listSnapshot.execute(caller, req);
  }

  @MessagePattern(CORE_SUBJECTS.opdHeadUpsert)
  headUpsert(@Payload() req: OpdHeadUpsertRequest, @Caller() caller: CallerIdentity | null) {
    return this.upsertHead.execute(caller, req);
  }
}
