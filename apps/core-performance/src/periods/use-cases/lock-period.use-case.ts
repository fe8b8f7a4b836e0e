import { Injectable } from '@nestjs/common';
import type { CallerIdentity, LockPeriodCommand, PeriodLockView } from '@sakip/contracts';
import { assertPermission } from '@sakip/security';
import type { Period } from '../period-calendar';
import { PeriodsRepository } from '../periods.repository';
import { currentView } from './update-period.use-case';

/** `POST /periods/:year/:period/lock` `{force?}` (super_admin; API keys never lock). */
@Injectable()
export class LockPeriod {
  constructor(private readonly periods: PeriodsRepository) {}

  async execute(caller: CallerIdentity | null, cmd: LockPeriodCommand): Promise<PeriodLockView> {
    const admin = assertPermission(caller, 'periods.manage');
    const period = cmd.period as Period;
    const outcome = await this.periods.lock(cmd.year, period, cmd.force === true, cmd.expectedVersion, admin);
    return { ...(await currentView(this.periods, cmd.year, period)), lockedAchievements: outcome.lockedAchievements };
  }
}
