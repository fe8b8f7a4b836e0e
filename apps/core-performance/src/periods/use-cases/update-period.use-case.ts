import { Injectable } from '@nestjs/common';
import type { CallerIdentity, PeriodView, UpdatePeriodCommand } from '@sakip/contracts';
import { assertPermission } from '@sakip/security';
import type { Period } from '../period-calendar';
import { periodView } from '../period-views';
import { PeriodsRepository } from '../periods.repository';

/** `PUT /periods/:year/:period` `{inputDeadline}` (super_admin). */
@Injectable()
export class UpdatePeriod {
  constructor(private readonly periods: PeriodsRepository) {}

  async execute(caller: CallerIdentity | null, cmd: UpdatePeriodCommand): Promise<PeriodView> {
    const admin = assertPermission(caller, 'periods.manage');
    const period = cmd.period as Period;
    const deadline = cmd.inputDeadline === null ? null : new Date(cmd.inputDeadline);
    await this.periods.updateDeadline(cmd.year, period, deadline, cmd.expectedVersion, admin);
    return currentView(this.periods, cmd.year, period);
  }
}

/** The period as GET shows it (its lock may come from a container; overdue for every OPD). */
export async function currentView(periods: PeriodsRepository, year: number, period: Period): Promise<PeriodView> {
  const [rows, overdue] = await Promise.all([periods.listYear(year), periods.overdue(year, null)]);
  return periodView(year, period, new Map(rows.map((r) => [r.period, r])), overdue.get(period) ?? []);
}
