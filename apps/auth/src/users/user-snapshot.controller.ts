import { MessagePattern, Payload } from '@nestjs/microservices';
import { AUTH_SUBJECTS, UserSnapshotRequest, type CallerIdentity } from '@sakip/contracts';
import { Caller, RpcController } from '@sakip/messaging';
import { ListUserSnapshot } from './use-cases/list-user-snapshot.use-case';

/** Service-to-service user RPCs (no user identity). */
@RpcController()
export class UserSnapshotController {
  constructor(private readonly listSnapshot: ListUserSnapshot) {}

  @MessagePattern(AUTH_SUBJECTS.userList)
  list(@Payload() req: UserSnapshotRequest, @Caller() caller: CallerIdentity | null) {
    return this.listSnapshot.execute(caller, req);
  }
}
