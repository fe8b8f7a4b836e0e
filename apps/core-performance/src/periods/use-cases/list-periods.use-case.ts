import { Injectable } from '@nestjs/common';
import type { CallerIdentity, PeriodListQuery, PeriodView } from '@sakip/contracts';
import { assertPermission } from '@sakip/security';
import { OpdAccess } from '../../access/opd-access';
import { periodViews } from '../period-views';
import { PeriodsRepository } from '../periods.repository';

/** `GET /periods?year=`: the 19 periods with deadline, effective lock and overdue OPDs. */
@Injectable()
export class ListPeriods {
  constructor(private readonly periods: PeriodsRepository) {}

  async execute(caller: CallerIdentity | null, q: PeriodListQuery): Promise<PeriodView[]> {
    const who = assertPermission(caller, 'periods.read');
    // A caller bound to an OPD learns only whether its own OPD is overdue.
    const bound = OpdAccess.of(who).boundOpdId;
    const [rows, overdue] = await Promise.all([this.periods.listYear(q.year), this.periods.overdue(q.year, bound)]);
    return periodViews(q.year, rows, overdue);
  }
}
