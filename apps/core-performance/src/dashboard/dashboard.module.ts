import { Module } from '@nestjs/common';
import { AnalyticsModule } from '../analytics/analytics.module';
import { PeriodsModule } from '../periods/periods.module';
import { DashboardController } from './dashboard.controller';
import { DashboardRepository } from './dashboard.repository';
import { DashboardSummary } from './use-cases/dashboard-summary.use-case';

/**
 * `/dashboard/summary` (DOMAIN.md "Analytics": totals per category, top/bottom OPDs, overdue
 * inputs). The roll-up inputs come from AnalyticsModule, overdue OPDs from PeriodsModule.
 */
@Module({
  imports: [AnalyticsModule, PeriodsModule],
  controllers: [DashboardController],
  providers: [DashboardSummary, DashboardRepository],
})
export class DashboardModule {}
