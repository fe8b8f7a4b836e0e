import { Module } from '@nestjs/common';
import { SettingsModule } from '../settings/settings.module';
import { PerformanceController } from './performance.controller';
import { PerformanceRepository } from './performance.repository';
import { PerformanceData } from './use-cases/performance-data.use-case';

/** Read models of performance: `/performance/data` (cumulative capaian per indicator). */
@Module({
  imports: [SettingsModule],
  controllers: [PerformanceController],
  providers: [PerformanceRepository, PerformanceData],
  exports: [PerformanceRepository],
})
export class PerformanceModule {}
