import { MessagePattern, Payload } from '@nestjs/microservices';
import { CORE_SUBJECTS, PerformanceDataQuery, type CallerIdentity } from '@sakip/contracts';
import { Caller, RpcController } from '@sakip/messaging';
import { PerformanceData } from './use-cases/performance-data.use-case';

@RpcController()
export class PerformanceController {
  constructor(private readonly data: PerformanceData) {}

  @MessagePattern(CORE_SUBJECTS.performanceData)
  performanceData(@Payload() q: PerformanceDataQuery, @Caller() caller: CallerIdentity | null) {
    return this.data.execute(caller, q);
  }
}
