import Decimal from 'decimal.js';
import { ALL_PERIODS, periodsOf, targetOfPeriod } from '../../../apps/core-performance/src/periods/period-calendar';
import { ACHIEVEMENT_NOTES, RETURN_NOTES, VERIFY_NOTES } from '../catalog/notes';
import { ACHIEVEMENT_HISTORY, ACHIEVEMENTS, PERIODS, type AchievementStatus } from '../core-tables';
import { DAY, HOUR, inputDeadline, iso, officeHour, periodEnd, wib, yearLockTime } from '../demo-calendar';
import type { Rng } from '../random';
import { TargetDecimal as D } from './target-split';
import { TARGET_YEARS, type DemoIndicator, type DemoModule, type DemoWorld, type Discipline, type PerformanceTier } from './world';

/**
 * Periods (deadlines, year locks) and the achievements of every indicator: each period of 2024
 * and 2025 (locked), and each 2026 period that ended before the demo's "now", in every workflow
 * state, with the history rows of the path that led there and realizations spread over all five
 * capaian categories.
 */
export const achievementsModule: DemoModule = {
  name: 'achievements',
  generate(world) {
    generatePeriods(world);
    for (const ind of world.indicators) generateIndicatorAchievements(world, ind);
  },
};

/** A period's achievements are generated once it is over and two days have passed. */
const SETTLE_MS = 2 * DAY;

function lockedYears(world: DemoWorld): Set<number> {
  return new Set(TARGET_YEARS.filter((y) => yearLockTime(y) <= world.options.asOf));
}

function generatePeriods(world: DemoWorld): void {
  const rows = world.data.rows(PERIODS);
  const locked = lockedYears(world);
  for (const year of TARGET_YEARS) {
    // The super admin publishes the year's deadlines in its first week.
    const setAt = wib(year, 1, 5, 10);
    if (setAt > world.options.asOf) continue;
    for (const period of ALL_PERIODS) {
      const lockedAt = period === 'Y' && locked.has(year) ? yearLockTime(year) : null;
      rows.push({
        year,
        period,
        input_deadline: iso(inputDeadline(year, period)),
        locked_at: lockedAt === null ? null : iso(lockedAt),
        locked_by: lockedAt === null ? null : world.actors.superAdmin,
        updated_at: iso(lockedAt ?? setAt),
        version: lockedAt === null ? 1 : 2,
      });
    }
  }
}

type Category = 'ST' | 'T' | 'S' | 'R' | 'SR';

/** How often each capaian category is aimed at, by how well the OPD performs. */
const CATEGORY_MIX: Record<PerformanceTier, ReadonlyArray<readonly [Category, number]>> = {
  strong: [
    ['ST', 72],
    ['T', 15],
    ['S', 7],
    ['R', 4],
    ['SR', 2],
  ],
  average: [
    ['ST', 52],
    ['T', 22],
    ['S', 12],
    ['R', 8],
    ['SR', 6],
  ],
  weak: [
    ['ST', 30],
    ['T', 25],
    ['S', 18],
    ['R', 15],
    ['SR', 12],
  ],
};

/** Capaian ranges aimed at per category (Permendagri 86/2017 bounds). */
const CAPAIAN_RANGE: Record<Category, readonly [number, number]> = {
  ST: [92, 112],
  T: [77, 90],
  S: [67, 75],
  R: [52, 65],
  SR: [20, 50],
};

type Outcome = AchievementStatus | 'missing';

interface StatusPlan {
  outcome: Outcome;
  /** First submission before the deadline (false: an overdue OPD catching up). */
  onTime: boolean;
  /** Went through submitted → revision → submitted before where it is now. */
  returnedBefore: boolean;
}

/** Outcome mixes by the period's age in days (upper bound) for each discipline; older periods use the last row. */
const STATUS_MIX: Record<Discipline, ReadonlyArray<readonly [number, ReadonlyArray<readonly [Outcome, number]>]>> = {
  diligent: [
    [35, [['submitted', 60], ['verified', 40]]],
    [70, [['submitted', 25], ['verified', 75]]],
    [100, [['submitted', 8], ['verified', 92]]],
    [Infinity, [['submitted', 2], ['verified', 98]]],
  ],
  fair: [
    [35, [['draft', 15], ['submitted', 45], ['revision', 20], ['verified', 20]]],
    [70, [['draft', 5], ['submitted', 20], ['revision', 15], ['verified', 60]]],
    [100, [['submitted', 8], ['revision', 4], ['verified', 88]]],
    [Infinity, [['submitted', 2], ['verified', 98]]],
  ],
  late: [
    [35, [['draft', 55], ['missing', 30], ['submitted', 15]]],
    [70, [['draft', 40], ['missing', 20], ['submitted', 30], ['revision', 10]]],
    [100, [['draft', 10], ['submitted', 25], ['revision', 10], ['verified', 55]]],
    [Infinity, [['submitted', 2], ['verified', 98]]],
  ],
};

function planStatus(rng: Rng, locked: boolean, ageDays: number, discipline: Discipline): StatusPlan {
  const returnedBefore = rng.chance(locked ? 0.1 : 0.12);
  if (locked) return { outcome: 'locked', onTime: true, returnedBefore };
  const [, mix] = STATUS_MIX[discipline].find(([maxAge]) => ageDays < maxAge) as (typeof STATUS_MIX)[Discipline][number];
  // A late OPD catches up on its recent periods after the deadline; older ones went in on time.
  return { outcome: rng.weighted(mix), onTime: discipline !== 'late' || ageDays >= 100, returnedBefore };
}

interface Step {
  from: AchievementStatus | null;
  to: AchievementStatus;
  actor: string;
  note: string | null;
}

/** The transitions that lead to `status` (DOMAIN.md "Achievement workflow"). */
function pathTo(status: AchievementStatus, returnedBefore: boolean, operator: string, evaluator: string, superAdmin: string, rng: Rng): Step[] {
  const steps: Step[] = [{ from: null, to: 'draft', actor: operator, note: null }];
  if (status === 'draft') return steps;
  steps.push({ from: 'draft', to: 'submitted', actor: operator, note: null });
  if (status === 'submitted' && !returnedBefore) return steps;
  if (status === 'revision' || returnedBefore) {
    steps.push({ from: 'submitted', to: 'revision', actor: evaluator, note: rng.pick(RETURN_NOTES) });
    if (status === 'revision') return steps;
    steps.push({ from: 'revision', to: 'submitted', actor: operator, note: null });
    if (status === 'submitted') return steps;
  }
  steps.push({ from: 'submitted', to: 'verified', actor: evaluator, note: rng.chance(0.25) ? rng.pick(VERIFY_NOTES) : null });
  if (status === 'locked') steps.push({ from: 'verified', to: 'locked', actor: superAdmin, note: null });
  return steps;
}

function generateIndicatorAchievements(world: DemoWorld, ind: DemoIndicator): void {
  const { asOf } = world.options;
  const achievements = world.data.rows(ACHIEVEMENTS);
  const history = world.data.rows(ACHIEVEMENT_HISTORY);
  const locked = lockedYears(world);
  const rng = world.rng.fork(`achievements:${ind.key}`);
  const tier: PerformanceTier = ind.opd?.tier ?? 'average';
  const discipline: Discipline = ind.opd?.discipline ?? 'diligent';
  const operators = ind.opd?.operators ?? [world.actors.superAdmin];
  const operator = operators[rng.int(0, operators.length - 1)];

  for (const year of TARGET_YEARS) {
    const target = ind.targets.get(year);
    if (!target) throw new Error(`indicator ${ind.key} has no ${year} target`);
    const aimed = aimCapaian(rng, tier, ind.polarity);
    for (const period of periodsOf(ind.frequency)) {
      const end = periodEnd(year, period);
      if (end + SETTLE_MS > asOf) continue;
      const isLocked = locked.has(year);
      const plan = planStatus(rng, isLocked, (asOf - end) / DAY, discipline);
      const T = new D(targetOfPeriod(ind.frequency, ind.aggregation, period, target.periods, target.annual));
      const capaian = Math.max(5, aimed + rng.float(-3, 3));
      const realization = realizationFor(T, capaian, ind, rng);
      if (plan.outcome === 'missing') continue;

      const key = `${ind.key}:${year}:${period}`;
      const evaluator = rng.pick(world.actors.evaluators);
      const steps = pathTo(plan.outcome, plan.returnedBefore, operator, evaluator, world.actors.superAdmin, rng);
      const times = timeline(rng, steps, end, inputDeadline(year, period), plan.onTime, isLocked ? yearLockTime(year) : null, asOf);
      const id = world.ids.id(`achievement:${key}`, times[0]);
      const submits = steps.map((s, i) => (s.to === 'submitted' ? times[i] : null)).filter((t): t is number => t !== null);
      const verifyIndex = steps.findIndex((s) => s.to === 'verified');
      const last = times[times.length - 1];
      achievements.push({
        id,
        indicator_id: ind.id,
        opd_id: ind.opd?.id ?? null,
        year,
        period,
        realization: realization.toFixed(ind.spec.dec),
        status: plan.outcome,
        notes: noteFor(rng, capaian),
        input_by: operator,
        verified_by: verifyIndex >= 0 ? steps[verifyIndex].actor : null,
        verified_at: verifyIndex >= 0 ? iso(times[verifyIndex]) : null,
        first_submitted_at: submits.length ? iso(submits[0]) : null,
        submitted_at: submits.length ? iso(submits[submits.length - 1]) : null,
        created_at: iso(times[0]),
        updated_at: iso(last),
        version: steps.length,
      });
      steps.forEach((s, i) => {
        history.push({ id: world.ids.id(`history:${key}:${i}`, times[i]), achievement_id: id, from_status: s.from, to_status: s.to, actor: s.actor, note: s.note, occurred_at: iso(times[i]) });
      });
    }
  }
}

/** The capaian an indicator-year is aimed at: a category by the OPD's tier, then a value in it. */
function aimCapaian(rng: Rng, tier: PerformanceTier, polarity: DemoIndicator['polarity']): number {
  const category = rng.weighted(CATEGORY_MIX[tier]);
  const [lo, hi] = CAPAIAN_RANGE[category];
  // A few higher_better indicators overshoot far enough to meet the cap (150).
  if (category === 'ST' && polarity === 'higher_better' && rng.chance(0.06)) return rng.float(130, 170);
  // target_based cannot exceed 100: aim just under it.
  if (category === 'ST' && polarity === 'target_based') return rng.float(92, 100);
  return rng.float(lo, hi);
}

/**
 * The realization that gives `capaian` against T (DOMAIN.md formulas inverted), rounded to the
 * indicator's decimals and kept within [0, max]. A zero target gets a zero realization (capaian 100).
 */
function realizationFor(T: Decimal, capaian: number, ind: DemoIndicator, rng: Rng): Decimal {
  if (T.isZero()) return new D(0);
  const c = new D(capaian.toFixed(2)).div(100);
  let R: Decimal;
  switch (ind.polarity) {
    case 'higher_better':
      R = T.times(c);
      break;
    case 'lower_better':
      R = T.times(new D(2).minus(c));
      break;
    case 'target_based': {
      const off = new D(1).minus(D.min(c, 1));
      R = T.times(rng.chance(0.5) ? new D(1).plus(off) : new D(1).minus(off));
      break;
    }
  }
  R = D.max(0, R.toDecimalPlaces(ind.spec.dec, Decimal.ROUND_HALF_UP));
  return ind.spec.max !== null && R.gt(ind.spec.max) ? new D(ind.spec.max) : R;
}

function noteFor(rng: Rng, capaian: number): string | null {
  if (capaian >= 100) return rng.chance(0.35) ? rng.pick(ACHIEVEMENT_NOTES.above) : null;
  if (capaian >= 76) return rng.chance(0.25) ? rng.pick(ACHIEVEMENT_NOTES.onTrack) : null;
  return rng.chance(0.6) ? rng.pick(ACHIEVEMENT_NOTES.below) : null;
}

/**
 * Times of the steps: entered a few days after the period ended; first submitted before the
 * deadline (or after it, for an overdue OPD); each later step some days after the previous one;
 * a lock at the year's lock time. Steps strictly increase, nothing is later than the demo's "now",
 * and in a locked year everything before the lock is at least a day older than it.
 */
function timeline(rng: Rng, steps: readonly Step[], end: number, deadline: number, onTime: boolean, lockAt: number | null, asOf: number): number[] {
  const MINUTE = 60_000;
  const limit = lockAt !== null ? lockAt - DAY : asOf - HOUR;
  const between = (from: number, to: number) => (to <= from ? from : from + Math.floor(rng.next() * (to - from)));
  const place = (t: number, prev: number, remaining: number) => Math.max(prev + MINUTE, Math.min(t, limit - remaining * MINUTE));

  let created = officeHour(end + rng.int(1, 5) * DAY, rng.next());
  const enterBy = Math.min(limit, deadline - 12 * HOUR);
  if (created > enterBy) created = between(end, enterBy);
  const times = [place(created, end - MINUTE, steps.length - 1)];
  for (let i = 1; i < steps.length; i++) {
    const prev = times[i - 1];
    const remaining = steps.length - 1 - i;
    if (steps[i].to === 'locked' && lockAt !== null) {
      times.push(lockAt);
    } else if (i === 1) {
      // The first submission: before the deadline, or (overdue OPD) after it when "now" allows.
      const lateFrom = deadline + DAY;
      const [from, to] = onTime || lateFrom >= limit ? [prev + HOUR, Math.min(deadline, limit)] : [lateFrom, limit];
      times.push(place(between(from, to - remaining * HOUR), prev, remaining));
    } else {
      const room = Math.max(HOUR, (limit - prev) / (remaining + 2));
      const gap = Math.min(rng.float(0.5, 6) * DAY, room) * (0.5 + rng.next() / 2);
      times.push(place(prev + Math.floor(gap), prev, remaining));
    }
  }
  return times;
}
