import { Module } from '@nestjs/common';
import { PeriodsController } from './periods.controller';
import { PeriodsRepository } from './periods.repository';
import { ListPeriods } from './use-cases/list-periods.use-case';
import { LockPeriod } from './use-cases/lock-period.use-case';
import { UpdatePeriod } from './use-cases/update-period.use-case';

/** Input deadlines, period locks and overdue OPDs (DOMAIN.md "Achievement workflow"). */
@Module({
  controllers: [PeriodsController],
  providers: [PeriodsRepository, ListPeriods, UpdatePeriod, LockPeriod],
  exports: [PeriodsRepository],
})
export class PeriodsModule {}
