import { MessagePattern, Payload } from '@nestjs/microservices';
import { CORE_SUBJECTS, DashboardSummaryQuery, type CallerIdentity } from '@sakip/contracts';
import { Caller, RpcController } from '@sakip/messaging';
import { DashboardSummary } from './use-cases/dashboard-summary.use-case';

@RpcController()
export class DashboardController {
  constructor(private readonly summary: DashboardSummary) {}

  @MessagePattern(CORE_SUBJECTS.dashboardSummary)
  dashboardSummary(@Payload() q: DashboardSummaryQuery, @Caller() caller: CallerIdentity | null) {
    return this.summary.execute(caller, q);
  }
}
