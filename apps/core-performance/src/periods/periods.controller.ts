import { MessagePattern, Payload } from '@nestjs/microservices';
import { CORE_SUBJECTS, LockPeriodCommand, PeriodListQuery, UpdatePeriodCommand, type CallerIdentity } from '@sakip/contracts';
import { Caller, RpcController } from '@sakip/messaging';
import { ListPeriods } from './use-cases/list-periods.use-case';
import { LockPeriod } from './use-cases/lock-period.use-case';
import { UpdatePeriod } from './use-cases/update-period.use-case';

@RpcController()
export class PeriodsController {
  constructor(
    private readonly listPeriods: ListPeriods,
    private readonly updatePeriod: UpdatePeriod,
    private readonly lockPeriod: LockPeriod,
  ) {}

  @MessagePattern(CORE_SUBJECTS.periodList)
  list(@Payload() q: PeriodListQuery, @Caller() caller: CallerIdentity | null) {
    return this.listPeriods.execute(caller, q);
  }

  @MessagePattern(CORE_SUBJECTS.periodUpdate)
  update(@Payload() cmd: UpdatePeriodCommand, @Caller() caller: CallerIdentity | null) {
    return this.updatePeriod.execute(caller, cmd);
  }

  @MessagePattern(CORE_SUBJECTS.periodLock)
  lock(@Payload() cmd: LockPeriodCommand, @Caller() caller: CallerIdentity | null) {
    return this.lockPeriod.execute(caller, cmd);
  }
}
