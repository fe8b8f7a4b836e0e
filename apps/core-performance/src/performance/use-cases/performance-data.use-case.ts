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
 * decimal for the whole filtered set (sorting by capaian and `meta.scored` need every row), then
 * paged; each page is kept in the read cache per caller scope and query (every write invalidates it).
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
    // The page itself is cached (not the whole sorted set): a warm read then parses ~40 KiB
    // instead of every row of the Pemda (1.4 MiB at 200 OPDs, see tools/bench).
    return this.cache.getOrCompute('performance.page', { scope: access.boundOpdId, filter, limit, offset }, async () => {
      const all = await this.compute(q, access);
      return { items: all.views.slice(offset, offset + limit), total: all.views.length, limit, offset, scored: all.scored };
    });
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
