import { Injectable } from '@nestjs/common';
import { notFound, type CallerIdentity, type DashboardSummaryQuery, type DashboardSummaryView } from '@sakip/contracts';
import { assertPermission } from '@sakip/security';
import type Decimal from 'decimal.js';
import { OpdAccess } from '../../access/opd-access';
import { categoryOf, toApiNumber } from '../../capaian/category';
import { pemdaDashboardIndex } from '../../capaian/rollup';
import { ReadCache } from '../../cache/read-cache';
import { PeriodsRepository } from '../../periods/periods.repository';
import { performanceRow } from '../../performance/performance-rows';
import { PerformanceRepository } from '../../performance/performance.repository';
import { indicatorYears, type IndicatorYear } from '../../analytics/indicator-year';
import { ownerScore, scoresByOwner } from '../../analytics/score-rollup';
import { ScoresRepository } from '../../analytics/scores.repository';
import { indicatorTotals, overdueViews, rankOpds, statusCounts } from '../dashboard-summary';
import { DashboardRepository, type PassedDeadline } from '../dashboard.repository';

/**
 * `GET /dashboard/summary?year=&opdId=`: category totals, OPD scores with top/bottom 5, the Pemda
 * index and RPJMD figure, overdue inputs and achievement counts, for the caller's scope. Cached
 * per (scope, year, opdId, periods past their deadline): writes bump the cache generation, and a
 * deadline passing (no write) changes the key.
 */
@Injectable()
export class DashboardSummary {
  constructor(
    private readonly performance: PerformanceRepository,
    private readonly scores: ScoresRepository,
    private readonly periods: PeriodsRepository,
    private readonly dashboard: DashboardRepository,
    private readonly cache: ReadCache,
  ) {}

  async execute(caller: CallerIdentity | null, q: DashboardSummaryQuery): Promise<DashboardSummaryView> {
    const access = OpdAccess.of(assertPermission(caller, 'performance.read'));
    access.listFilter(q.opdId); // an explicit foreign opdId → 404 before anything is read
    const passed = await this.dashboard.passedDeadlines(q.year);
    const params = { scope: access.boundOpdId, year: q.year, opdId: q.opdId ?? null, passedDeadlines: passed.map((p) => p.period).sort() };
    return this.cache.getOrCompute('dashboard.summary.v1', params, () => this.compute(access, q, passed));
  }

  private async compute(access: OpdAccess, q: DashboardSummaryQuery, passed: PassedDeadline[]): Promise<DashboardSummaryView> {
    const scopeOpdId = q.opdId ?? access.boundOpdId; // null = every OPD
    const opds = await this.scores.opds(scopeOpdId);
    if (scopeOpdId !== null && !opds.length) throw notFound('OPD');

    // The indicators /performance/data lists for this year and opdId (a bound caller: its OPD and
    // the Pemda's); with an explicit opdId the Pemda's rows (RPJMD figure) are read on their own.
    const listed = indicatorYears(await this.performance.read({ year: q.year, opdId: q.opdId }, access));
    const pemda = q.opdId === undefined ? listed.filter((i) => i.indicator.opd_id === null) : indicatorYears(await this.performance.read(pemdaQuery(q.year), access));
    // With a scope (explicit or bound), totals and counts are the OPD's own indicators, so `?opdId=<own>`
    // and no opdId agree; the Pemda's rows count in the RPJMD figure only.
    const counted = scopeOpdId === null ? listed : listed.filter((i) => i.indicator.opd_id === scopeOpdId);
    const all = new Map<string, IndicatorYear>([...listed, ...pemda].map((i) => [i.indicator.id, i]));
    const capaian = new Map<string, Decimal | null>(
      [...all.values()].map((i) => [i.indicator.id, performanceRow(i.indicator, q.year, 'Y', i.targets, i.achievements, { cap: i.cap }).capaian]),
    );

    const [objectives, weights, overdue] = await Promise.all([
      this.scores.objectives(q.year, scopeOpdId === null ? null : [scopeOpdId], true),
      this.scores.weights([...all.keys()]),
      this.periods.overdue(q.year, scopeOpdId),
    ]);
    const owners = scoresByOwner(
      objectives,
      [...all.values()].map((i) => ({ objectiveId: i.indicator.objective_id, weight: weights.get(i.indicator.id) ?? '1', capaian: capaian.get(i.indicator.id) ?? null })),
    );
    const opdScores = opds.map((o) => ({ opdId: o.id, code: o.code, name: o.name, rollUp: ownerScore(owners, o.id).rollUp }));
    const ranked = rankOpds(opdScores);
    const index = pemdaDashboardIndex(opdScores.map((s) => s.rollUp.value));
    const rpjmd = ownerScore(owners, null);

    return {
      year: q.year,
      opdId: scopeOpdId,
      indicators: indicatorTotals(counted.map((i) => capaian.get(i.indicator.id) ?? null)),
      opds: ranked.opds,
      topOpds: ranked.top,
      bottomOpds: ranked.bottom,
      pemdaIndex: { capaian: toApiNumber(index.value), category: categoryOf(index.value), scoredOpds: index.scored, opds: index.total },
      rpjmd: {
        capaian: toApiNumber(rpjmd.rollUp.value),
        category: categoryOf(rpjmd.rollUp.value),
        scoredObjectives: rpjmd.rollUp.scored,
        objectives: rpjmd.objectives.map((o) => ({
          objectiveId: o.objective.id,
          code: o.objective.code,
          name: o.objective.name,
          capaian: toApiNumber(o.rollUp.value),
          category: categoryOf(o.rollUp.value),
          scoredIndicators: o.rollUp.scored,
          indicators: o.rollUp.total,
        })),
      },
      ...overdueViews(passed, overdue),
      achievements: statusCounts(counted.map((i) => i.achievements)),
    };
  }
}

function pemdaQuery(year: number) {
  return { year, opdId: null };
}
