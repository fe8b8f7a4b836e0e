import { MessagePattern, Payload } from '@nestjs/microservices';
import { BudgetUpsertRequest, CORE_SUBJECTS, type CallerIdentity } from '@sakip/contracts';
import { Caller, RpcController } from '@sakip/messaging';
import { UpsertSipdBudget } from './use-cases/upsert-sipd-budget.use-case';

/** Service-to-service budget RPC (no gateway route, no user identity): the SIPD sync. */
@RpcController()
export class BudgetSyncController {
  constructor(private readonly upsert: UpsertSipdBudget) {}

  @MessagePattern(CORE_SUBJECTS.budgetUpsert)
  budgetUpsert(@Payload() req: BudgetUpsertRequest, @Caller() caller: CallerIdentity | null) {
    return this.upsert.execute(caller, req);
  }
}
