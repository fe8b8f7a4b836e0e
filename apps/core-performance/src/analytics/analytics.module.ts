import { Module } from '@nestjs/common';
import { PerformanceModule } from '../performance/performance.module';
import { SettingsModule } from '../settings/settings.module';
import { AnalyticsController } from './analytics.controller';
import { ANALYTICS_CLOCK } from './pemda-clock';
import { ScoresRepository } from './scores.repository';
import { IndicatorAnalytics } from './use-cases/indicator-analytics.use-case';
import { OpdAnalytics } from './use-cases/opd-analytics.use-case';

/**
 * Analytics per indicator and per OPD (DOMAIN.md "Analytics"), cached in the read cache; exports
 * the roll-up inputs for the dashboard.
 */
@Module({
  imports: [SettingsModule, PerformanceModule],
  controllers: [AnalyticsController],
  providers: [ScoresRepository, IndicatorAnalytics, OpdAnalytics, { provide: ANALYTICS_CLOCK, useValue: (): Date => new Date() }],
  exports: [PerformanceModule, ScoresRepository],
})
export class AnalyticsModule {}
