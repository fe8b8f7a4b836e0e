import { Module } from '@nestjs/common';
import { IndicatorsController } from './indicators.controller';
import { IndicatorsRepository } from './indicators.repository';
import { TargetsController } from './targets.controller';
import { TargetsRepository } from './targets.repository';
import { ManageIndicators } from './use-cases/manage-indicators.use-case';
import { ManageTargets } from './use-cases/manage-targets.use-case';

/** Indicators on planning nodes, their yearly targets (Rencana Aksi split) and five-year targets. */
@Module({
  controllers: [IndicatorsController, TargetsController],
  providers: [IndicatorsRepository, TargetsRepository, ManageIndicators, ManageTargets],
  exports: [IndicatorsRepository],
})
export class IndicatorsModule {}
