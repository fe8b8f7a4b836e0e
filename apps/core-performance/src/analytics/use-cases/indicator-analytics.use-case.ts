import { Inject, Injectable } from '@nestjs/common';
import { notFound, type CallerIdentity, type IndicatorAnalyticsCommand, type IndicatorAnalyticsView } from '@sakip/contracts';
import { assertPermission } from '@sakip/security';
import { OpdAccess } from '../../access/opd-access';
import { ReadCache } from '../../cache/read-cache';
import { PerformanceRepository } from '../../performance/performance.repository';
import { analyticsYears, yearsToRead } from '../analytics-years';
import { indicatorAnalytics } from '../indicator-analytics';
import { indicatorYears, type IndicatorYear } from '../indicator-year';
import { ANALYTICS_CLOCK, pemdaYear, type Clock } from '../pemda-clock';
import { ScoresRepository } from '../scores.repository';

/**
 * `GET /analytics/indicators/:id?years=`: cached per (caller scope, indicator, years, current
 * year). The current year is part of the key because it decides which year is projected; every
 * write bumps the cache generation, so the data part needs no key of its own.
 */
@Injectable()
export class IndicatorAnalytics {
  constructor(
    private readonly performance: PerformanceRepository,
    private readonly scores: ScoresRepository,
    private readonly cache: ReadCache,
    @Inject(ANALYTICS_CLOCK) private readonly now: Clock,
  ) {}

  async execute(caller: CallerIdentity | null, cmd: IndicatorAnalyticsCommand): Promise<IndicatorAnalyticsView> {
    const access = OpdAccess.of(assertPermission(caller, 'performance.read'));
    const currentYear = pemdaYear(this.now(), await this.scores.timezone());
    const years = analyticsYears(cmd.years, currentYear);
    const params = { scope: access.boundOpdId, id: cmd.id, years, currentYear };
    return this.cache.getOrCompute('analytics.indicator.v1', params, () => this.compute(access, cmd.id, years, currentYear));
  }

  private async compute(access: OpdAccess, id: string, years: number[], currentYear: number): Promise<IndicatorAnalyticsView> {
    const header = await this.scores.indicator(id);
    if (!header) throw notFound('Indicator');
    access.assertVisible(header.opd_id, 'Indicator');
    const data = new Map<number, IndicatorYear | null>();
    // One snapshot per year (the performance repository's); the years are few (≤ 11).
    for (const year of yearsToRead(years)) {
      const [own] = indicatorYears(await this.performance.read({ year, indicatorId: id }, access));
      data.set(year, own ?? null);
    }
    return indicatorAnalytics(header, years, currentYear, data);
  }
}
