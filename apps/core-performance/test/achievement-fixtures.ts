import { randomUUID } from 'node:crypto';
import type { CoreHarness } from './core-harness';

/**
 * SQL fixtures for the achievement, period and performance suites: OPDs, a strategic plan with a
 * goal and an objective, indicators and their targets, inserted directly (the planning API is
 * another feature's). Values are decimal strings, as the columns hold them.
 */
export async function seedOpd(core: CoreHarness, code = `OPD-${randomUUID().slice(0, 8)}`): Promise<string> {
  const id = randomUUID();
  await core.sql(`INSERT INTO core.opds (id, code, name) VALUES ($1, $2, $3)`, [id, code, `Dinas ${code}`]);
  return id;
}

export interface SeededPlan {
  planId: string;
  goalId: string;
  objectiveId: string;
  opdId: string | null;
}

/** A renstra (or, with opdId null, the RPJMD) with one goal and one objective. */
export async function seedPlan(core: CoreHarness, opdId: string | null, periodStart = 2025): Promise<SeededPlan> {
  const planId = randomUUID();
  const goalId = randomUUID();
  const objectiveId = randomUUID();
  await core.sql(
    `WITH plan AS (
       INSERT INTO core.strategic_plans (id, opd_id, period_start, period_end, vision, mission) VALUES ($1, $4, $5, $5 + 4, 'Visi', 'Misi') RETURNING id),
     goal AS (
       INSERT INTO core.plan_nodes (id, level, strategic_plan_id, parent_id, opd_id, code, name) SELECT $2, 'goal', id, NULL, $4, 'T1', 'Tujuan' FROM plan RETURNING id)
     INSERT INTO core.plan_nodes (id, level, strategic_plan_id, parent_id, opd_id, code, name) SELECT $3, 'objective', $1, goal.id, $4, 'S1', 'Sasaran' FROM goal`,
    [planId, goalId, objectiveId, opdId, periodStart],
  );
  return { planId, goalId, objectiveId, opdId };
}

export interface IndicatorSpec {
  name?: string;
  frequency: 'monthly' | 'quarterly' | 'semester' | 'annual';
  aggregation?: 'sum' | 'average' | 'last';
  polarity?: 'higher_better' | 'lower_better' | 'target_based';
  isIku?: boolean;
}

/** An indicator on the plan's objective. */
export async function seedIndicator(core: CoreHarness, plan: SeededPlan, spec: IndicatorSpec): Promise<string> {
  const id = randomUUID();
  await core.sql(
    `INSERT INTO core.indicators (id, parent_type, parent_id, strategic_plan_id, objective_id, opd_id, name, definition, formula, unit, category, is_iku,
                                  frequency, polarity, aggregation)
     VALUES ($1, 'objective', $2, $3, $2, $4, $5, 'definisi', 'rumus', 'persen', 'outcome', $6, $7, $8, $9)`,
    [id, plan.objectiveId, plan.planId, plan.opdId, spec.name ?? `Indikator ${spec.frequency}`, spec.isIku ?? false, spec.frequency, spec.polarity ?? 'higher_better', spec.aggregation ?? 'sum'],
  );
  return id;
}

/** A year's target: the annual figure and its split (Q1–Q4, M01–M12 for monthly indicators). */
export async function seedTargets(core: CoreHarness, indicatorId: string, year: number, annual: string, periods: Record<string, string>): Promise<void> {
  await core.sql(
    `WITH target AS (INSERT INTO core.indicator_targets (indicator_id, year, annual) VALUES ($1, $2, $3) RETURNING indicator_id, year)
     INSERT INTO core.indicator_target_periods (indicator_id, year, period, value)
     SELECT target.indicator_id, target.year, p.period, p.value FROM target, unnest($4::text[], $5::numeric[]) AS p(period, value)`,
    [indicatorId, year, annual, Object.keys(periods), Object.values(periods)],
  );
}

export const QUARTERS = ['Q1', 'Q2', 'Q3', 'Q4'];
export const MONTHS = ['M01', 'M02', 'M03', 'M04', 'M05', 'M06', 'M07', 'M08', 'M09', 'M10', 'M11', 'M12'];

/** `{Q1: v, …}` from a list of values. */
export const split = (keys: string[], values: string[]): Record<string, string> => Object.fromEntries(keys.map((k, i) => [k, values[i]]));
