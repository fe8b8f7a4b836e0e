import { Injectable } from '@nestjs/common';
import { DEFAULT_LIMIT, type CallerIdentity, type PerformanceDataQuery, type PerformancePage } from '@sakip/contracts';
import { assertPermission } from '@sakip/security';
import { OpdAccess } from '../../access/opd-access';
import type { Period } from '../../periods/period-calendar';
import { performanceRow, sortRows } from '../performance-rows';
import { PerformanceRepository } from '../performance.repository';

/**
 * `GET /performance/data`: one row per indicator, cumulative through `period` (default Y, the year
 * so far), from reported achievements only unless `includeDrafts`. The capaian is computed in
 * decimal for the whole filtered set (sorting by capaian and `meta.scored` need every row), then
 * paged.
 */
@Injectable()
export class PerformanceData {
  constructor(private readonly performance: PerformanceRepository) {}

  async execute(caller: CallerIdentity | null, q: PerformanceDataQuery): Promise<PerformancePage> {
    const who = assertPermission(caller, 'performance.read');
    const period = (q.period ?? 'Y') as Period;
    const input = await this.performance.read(q, OpdAccess.of(who));
    const options = { cap: input.cap, includeDrafts: q.includeDrafts === true };
    const rows = input.indicators.map((indicator) =>
      performanceRow(indicator, q.year, period, input.targets.get(indicator.id) ?? {}, input.achievements.get(indicator.id) ?? new Map(), options),
    );
    const limit = q.limit ?? DEFAULT_LIMIT;
    const offset = q.offset ?? 0;
    return {
      items: sortRows(rows, q.sort)
        .slice(offset, offset + limit)
        .map((r) => r.view),
      total: rows.length,
      limit,
      offset,
      scored: rows.filter((r) => r.capaian !== null).length,
    };
  }
}
