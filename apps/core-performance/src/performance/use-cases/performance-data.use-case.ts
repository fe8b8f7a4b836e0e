import { Injectable } from '@nestjs/common';
import { DEFAULT_LIMIT, type CallerIdentity, type PerformanceDataQuery, type PerformancePage } from '@sakip/contracts';
import { assertPermission } from '@sakip/security';
import { OpdAccess } from '../../access/opd-access';
import { ReadCache } from '../../cache/read-cache';
import type { Period } from '../../periods/period-calendar';
import { performanceRow, sortRows } from '../performance-rows';
import { PerformanceRepository } from '../performance.repository';

/**
 * `GET /performance/data`: one row per indicator, cumulative through `period` (default Y, the year
 * so far), from reported achievements only unless `includeDrafts`. The capaian is computed in
 * decimal for the whole filtered set (sorting by capaian and `meta.scored` need every row), kept
 * in the read cache per caller scope and filter (every write invalidates it), then paged.
 */
@Injectable()
export class PerformanceData {
  constructor(
    private readonly performance: PerformanceRepository,
    private readonly cache: ReadCache,
  ) {}

  async execute(caller: CallerIdentity | null, q: PerformanceDataQuery): Promise<PerformancePage> {
    const access = OpdAccess.of(assertPermission(caller, 'performance.read'));
    // Resolves a foreign opdId to 404 before anything is cached or read.
    access.listFilter(q.opdId);
    const { limit = DEFAULT_LIMIT, offset = 0, ...filter } = q;
    const all = await this.cache.getOrCompute('performance.data', { scope: access.boundOpdId, filter }, () => this.compute(q, access));
    return { items: all.views.slice(offset, offset + limit), total: all.views.length, limit, offset, scored: all.scored };
  }

  /** Every row of the filtered set, sorted, with the count of scored rows. */
  private async compute(q: PerformanceDataQuery, access: OpdAccess): Promise<{ views: PerformancePage['items']; scored: number }> {
    const period = (q.period ?? 'Y') as Period;
    const input = await this.performance.read(q, access);
    const options = { cap: input.cap, includeDrafts: q.includeDrafts === true };
    const rows = input.indicators.map((indicator) =>
      performanceRow(indicator, q.year, period, input.targets.get(indicator.id) ?? {}, input.achievements.get(indicator.id) ?? new Map(), options),
    );
    return { views: sortRows(rows, q.sort).map((r) => r.view), scored: rows.filter((r) => r.capaian !== null).length };
  }
}
