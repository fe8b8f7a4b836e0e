import type { IndicatorSpec } from '../catalog/spec';
import { INDICATOR_PLAN_TARGETS, INDICATOR_TARGET_PERIODS, INDICATOR_TARGETS } from '../core-tables';
import { iso, wib } from '../demo-calendar';
import type { Rng } from '../random';
import { splitYear, TargetDecimal as D } from './target-split';
import { PLAN_YEARS, TARGET_YEARS, type DemoModule } from './world';

/**
 * Five-year (Renstra) targets 2022–2026 for every indicator, and the yearly targets with their
 * Rencana Aksi split for 2024–2026 (equal to the Renstra figure of that year, as a PK usually is).
 */
export const targetsModule: DemoModule = {
  name: 'targets',
  generate(world) {
    const targets = world.data.rows(INDICATOR_TARGETS);
    const targetPeriods = world.data.rows(INDICATOR_TARGET_PERIODS);
    const planTargets = world.data.rows(INDICATOR_PLAN_TARGETS);
    for (const ind of world.indicators) {
      const rng = world.rng.fork(`targets:${ind.key}`);
      const series = annualSeries(ind.spec, rng);
      PLAN_YEARS.forEach((year, i) => planTargets.push({ indicator_id: ind.id, year, annual: series[i] }));
      for (const year of TARGET_YEARS) {
        const annual = series[PLAN_YEARS.indexOf(year)];
        const periods = splitYear(
          { frequency: ind.frequency, aggregation: ind.aggregation, polarity: ind.polarity, ramp: ind.spec.ramp, dec: ind.spec.dec, max: ind.spec.max },
          annual,
          rng,
        );
        ind.targets.set(year, { annual, periods });
        // The Rencana Aksi is drawn up in January, once the Perjanjian Kinerja is signed.
        const setAt = Math.max(ind.createdAt, wib(year, 1, rng.int(8, 30), rng.int(8, 15), rng.int(0, 59)));
        targets.push({ indicator_id: ind.id, year, annual, updated_at: iso(setAt), version: 1 });
        for (const [period, value] of Object.entries(periods)) targetPeriods.push({ indicator_id: ind.id, year, period, value });
      }
    }
  },
};

/**
 * Annual targets for PLAN_YEARS as decimal strings: a 2024 value drawn from the catalogue range,
 * moving each year in the good direction (counts grow by a few percent, rates and levels by a
 * share of the range); fixed ranges and target_based indicators stay put. Clamped to [0, max].
 */
export function annualSeries(spec: IndicatorSpec, rng: Rng): string[] {
  const [lo, hi] = spec.range;
  const base = new D(lo === hi ? lo : rng.float(lo, hi)).toDecimalPlaces(spec.dec);
  const fixed = lo === hi || spec.polarity === 'target_based';
  const dir = spec.polarity === 'lower_better' ? -1 : 1;
  const relative = spec.unit !== '%' && spec.aggregation !== 'last';
  const step = fixed ? new D(0) : relative ? new D(rng.float(0.02, 0.06)) : new D(hi - lo).times(rng.float(0.1, 0.3));
  const clampValue = (x: InstanceType<typeof D>) => {
    const low = D.max(0, x);
    return (spec.max !== null && low.gt(spec.max) ? new D(spec.max) : low).toDecimalPlaces(spec.dec);
  };
  const baseIndex = PLAN_YEARS.indexOf(2024);
  return PLAN_YEARS.map((_, i) => {
    const years = i - baseIndex;
    const moved = relative ? base.times(new D(1).plus(step.times(dir)).pow(years)) : base.plus(step.times(dir * years));
    return clampValue(moved).toFixed(spec.dec);
  });
}
