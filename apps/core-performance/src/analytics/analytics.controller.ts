import { MessagePattern, Payload } from '@nestjs/microservices';
import { CORE_SUBJECTS, IndicatorAnalyticsCommand, OpdAnalyticsCommand, type CallerIdentity } from '@sakip/contracts';
import { Caller, RpcController } from '@sakip/messaging';
import { IndicatorAnalytics } from './use-cases/indicator-analytics.use-case';
import { OpdAnalytics } from './use-cases/opd-analytics.use-case';

@RpcController()
export class AnalyticsController {
  constructor(
    private readonly indicatorAnalytics: IndicatorAnalytics,
    private readonly opdAnalytics: OpdAnalytics,
  ) {}

  @MessagePattern(CORE_SUBJECTS.analyticsIndicator)
  indicator(@Payload() cmd: IndicatorAnalyticsCommand, @Caller() caller: CallerIdentity | null) {
    return this.indicatorAnalytics.execute(caller, cmd);
  }

  @MessagePattern(CORE_SUBJECTS.analyticsOpd)
  opd(@Payload() cmd: OpdAnalyticsCommand, @Caller() caller: CallerIdentity | null) {
    return this.opdAnalytics.execute(caller, cmd);
  }
}
