import { Inject, Injectable } from '@nestjs/common';
import { notFound, type CallerIdentity, type OpdAnalyticsCommand, type OpdAnalyticsView } from '@sakip/contracts';
import { assertPermission } from '@sakip/security';
import { OpdAccess } from '../../access/opd-access';
import { ReadCache } from '../../cache/read-cache';
import { PerformanceRepository } from '../../performance/performance.repository';
import { analyticsYears, yearsToRead } from '../analytics-years';
import { indicatorYears } from '../indicator-year';
import { opdAnalytics, type OpdYearInputs } from '../opd-analytics';
import { ANALYTICS_CLOCK, pemdaYear, type Clock } from '../pemda-clock';
import { ScoresRepository } from '../scores.repository';

/** `GET /analytics/opds/:id?years=`: cached per (caller scope, OPD, years, current year), like the indicator's. */
@Injectable()
export class OpdAnalytics {
  constructor(
    private readonly performance: PerformanceRepository,
    private readonly scores: ScoresRepository,
    private readonly cache: ReadCache,
    @Inject(ANALYTICS_CLOCK) private readonly now: Clock,
  ) {}

  async execute(caller: CallerIdentity | null, cmd: OpdAnalyticsCommand): Promise<OpdAnalyticsView> {
    const access = OpdAccess.of(assertPermission(caller, 'performance.read'));
    const currentYear = pemdaYear(this.now(), await this.scores.timezone());
    const years = analyticsYears(cmd.years, currentYear);
    const params = { scope: access.boundOpdId, id: cmd.id, years, currentYear };
    return this.cache.getOrCompute('analytics.opd.v1', params, () => this.compute(access, cmd.id, years, currentYear));
  }

  private async compute(access: OpdAccess, id: string, years: number[], currentYear: number): Promise<OpdAnalyticsView> {
    const opd = await this.scores.opd(id);
    if (!opd) throw notFound('OPD');
    access.assertVisible(opd.id, 'OPD');
    const data = new Map<number, OpdYearInputs>();
    for (const year of yearsToRead(years)) {
      const indicators = indicatorYears(await this.performance.read({ year, opdId: id }, access));
      const [objectives, weights] = await Promise.all([this.scores.objectives(year, [id], false), this.scores.weights(indicators.map((i) => i.indicator.id))]);
      data.set(year, { indicators, objectives, weights });
    }
    return opdAnalytics(opd, years, currentYear, data);
  }
}
