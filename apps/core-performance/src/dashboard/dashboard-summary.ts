import type { AchievementStatusCountsView, IndicatorTotalsView, OpdScoreView, OverduePeriodView } from '@sakip/contracts';
import type Decimal from 'decimal.js';
import { CapaianDecimal as D } from '../capaian/capaian';
import { CATEGORIES, categoryOf, round2, toApiNumber } from '../capaian/category';
import type { RollUp } from '../capaian/rollup';
import { ALL_PERIODS } from '../periods/period-calendar';
import type { EnteredAchievement } from '../performance/performance-rows';
import type { PassedDeadline } from './dashboard.repository';
import { indonesianOrder } from '../common/indonesian-order';

/** How many OPDs the top and bottom lists hold. */
export const RANKED_OPDS = 5;

/** Indicators by the category of their (unrounded) capaian; categoryOf reads the rounded value. */
export function indicatorTotals(capaians: readonly (Decimal | null)[]): IndicatorTotalsView {
  const counts = new Map<string, number>(CATEGORIES.map((c) => [c, 0]));
  let notScored = 0;
  for (const capaian of capaians) {
    const category = categoryOf(capaian);
    if (category === null) notScored += 1;
    else counts.set(category, (counts.get(category) ?? 0) + 1);
  }
  return {
    total: capaians.length,
    scored: capaians.length - notScored,
    notScored,
    byCategory: CATEGORIES.map((category) => ({ category, count: counts.get(category) ?? 0 })),
  };
}

export interface OpdScore {
  opdId: string;
  code: string;
  name: string;
  /** The OPD roll-up: `scored`/`total` count sasaran. */
  rollUp: RollUp;
}

const byCode = indonesianOrder;
const byCodeThenId = (a: OpdScore, b: OpdScore) => byCode.compare(a.code, b.code) || (a.opdId < b.opdId ? -1 : a.opdId > b.opdId ? 1 : 0);

/**
 * Every OPD (by code), the top and bottom RANKED_OPDS among the scored ones, and their ranks.
 * Ranking reads the value as shown (2 decimals), so two OPDs both showing 88.12 tie: they share a
 * rank (1, 2, 2, 4…) and are listed by code, in both lists. Not scored OPDs are never ranked (no 0).
 */
export function rankOpds(scores: readonly OpdScore[]): { opds: OpdScoreView[]; top: OpdScoreView[]; bottom: OpdScoreView[] } {
  const shown = new Map(scores.map((s) => [s.opdId, s.rollUp.value === null ? null : new D(round2(s.rollUp.value))]));
  const scored = scores.filter((s) => shown.get(s.opdId) !== null);
  const valueOf = (s: OpdScore) => shown.get(s.opdId) as Decimal;
  const rank = new Map(scored.map((s) => [s.opdId, 1 + scored.filter((o) => valueOf(o).gt(valueOf(s))).length]));
  const view = (s: OpdScore): OpdScoreView => ({
    opdId: s.opdId,
    code: s.code,
    name: s.name,
    capaian: toApiNumber(s.rollUp.value),
    category: categoryOf(s.rollUp.value),
    scoredObjectives: s.rollUp.scored,
    objectives: s.rollUp.total,
    rank: rank.get(s.opdId) ?? null,
  });
  const descending = [...scored].sort((a, b) => valueOf(b).comparedTo(valueOf(a)) || byCodeThenId(a, b));
  const ascending = [...scored].sort((a, b) => valueOf(a).comparedTo(valueOf(b)) || byCodeThenId(a, b));
  return {
    opds: [...scores].sort(byCodeThenId).map(view),
    top: descending.slice(0, RANKED_OPDS).map(view),
    bottom: ascending.slice(0, RANKED_OPDS).map(view),
  };
}

/** Achievements of the year by status (every status, whether or not it counts in figures). */
export function statusCounts(achievements: Iterable<ReadonlyMap<string, EnteredAchievement>>): AchievementStatusCountsView {
  const counts: AchievementStatusCountsView = { draft: 0, submitted: 0, revision: 0, verified: 0, locked: 0, total: 0 };
  for (const byPeriod of achievements) {
    for (const a of byPeriod.values()) {
      counts[a.status] += 1;
      counts.total += 1;
    }
  }
  return counts;
}

/** Every period with a passed deadline, in the order `/periods` lists them (Y, S, Q, M), with the OPDs overdue in it (periods repository). */
export function overdueViews(passed: readonly PassedDeadline[], overdue: ReadonlyMap<string, string[]>): { overdue: OverduePeriodView[]; overdueOpds: number } {
  const order = (p: string) => ALL_PERIODS.indexOf(p as (typeof ALL_PERIODS)[number]);
  const views = [...passed]
    .sort((a, b) => order(a.period) - order(b.period))
    .map((p) => {
      const opdIds = overdue.get(p.period) ?? [];
      return { period: p.period, inputDeadline: p.input_deadline.toISOString(), opdIds, count: opdIds.length };
    });
  return { overdue: views, overdueOpds: new Set(views.flatMap((v) => v.opdIds)).size };
}
