import { Injectable } from '@nestjs/common';
import { assertVersion, conflict, DomainError, ErrorCode, validationFailed, type CallerIdentity } from '@sakip/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { writeAudit } from '../audit/core-audit';
import { mapConstraintErrors } from '@sakip/persistence';
import { assertTargetChangesOpen, changedTargetPeriods } from './target-locks';
import { yearOutsidePlan } from './target-values';

/** One year's target as stored: numeric values as exact decimal text. */
export interface TargetYearRow {
  indicator_id: string;
  year: number;
  annual: string;
  periods: Record<string, string>;
  version: number;
  updated_at: Date;
}

export interface PlanTargetRow {
  year: number;
  annual: string;
}

/** The five-year set with its own version (ETag of `/plan-targets`). */
export interface PlanTargetSet {
  items: PlanTargetRow[];
  version: number;
}

/** The split rules a target was validated against; the write re-checks them under a lock. */
export interface SplitBasis {
  frequency: string;
  aggregation: string;
}

/** The indicator as a target write re-reads it under a lock: split rules and its plan's years. */
interface LockedIndicator extends SplitBasis {
  period_start: number;
  period_end: number;
}

@Injectable()
export class TargetsRepository {
  constructor(private readonly ds: DataSource) {}

  async findYear(indicatorId: string, year: number, db: DataSource | EntityManager = this.ds): Promise<TargetYearRow | null> {
    const rows: TargetYearRow[] = await db.query(
      `SELECT t.indicator_id, t.year, t.annual, t.version, t.updated_at,
              coalesce((SELECT jsonb_object_agg(p.period, p.value::text) FROM core.indicator_target_periods p
                         WHERE p.indicator_id = t.indicator_id AND p.year = t.year), '{}'::jsonb) AS periods
         FROM core.indicator_targets t WHERE t.indicator_id = $1 AND t.year = $2`,
      [indicatorId, year],
    );
    return rows[0] ?? null;
  }

  /**
   * Replaces the year's annual target and split in one transaction. Refused with 409 INVALID_STATE
   * when a figure it changes lies in a locked period (target-locks), with 409 CONFLICT when the
   * indicator's frequency/aggregation changed since validation, with 400 when the plan's years
   * moved away from `year` meanwhile. Returns null when the indicator is gone.
   */
  putYear(
    indicatorId: string,
    year: number,
    annual: string,
    periods: Record<string, string>,
    basis: SplitBasis,
    expectedVersion: number | undefined,
    caller: CallerIdentity,
  ): Promise<TargetYearRow | null> {
    return mapConstraintErrors(() =>
      this.ds.transaction(async (tx) => {
        // FOR SHARE: an indicator or plan update (FOR UPDATE) cannot change the split rules or the years under us.
        const indicator = await lockIndicator(tx, indicatorId, 'FOR SHARE');
        if (!indicator) return null;
        if (indicator.frequency !== basis.frequency || indicator.aggregation !== basis.aggregation) {
          throw conflict('The indicator changed meanwhile; reload it and retry');
        }
        const outside = yearOutsidePlan(year, indicator.period_start, indicator.period_end);
        if (outside) throw validationFailed('Invalid targets', [outside]);
        // Concurrent PUTs of this year queue on its row, so `before` is exactly what this write replaces.
        await tx.query(`SELECT 1 FROM core.indicator_targets WHERE indicator_id = $1 AND year = $2 FOR UPDATE`, [indicatorId, year]);
        const before = await this.findYear(indicatorId, year, tx);
        if (before) assertVersion(expectedVersion, before.version);
        else if (expectedVersion !== undefined) {
          throw new DomainError(ErrorCode.PreconditionFailed, `No target is set for ${year} yet; send the first one without If-Match`, [
            { field: 'If-Match', message: `expected ${expectedVersion}, but there is no target yet` },
          ]);
        }
        await assertTargetChangesOpen(tx, year, changedTargetPeriods(before, { annual, periods }));
        await tx.query(
          `INSERT INTO core.indicator_targets (indicator_id, year, annual) VALUES ($1, $2, $3)
           ON CONFLICT (indicator_id, year) DO UPDATE SET annual = EXCLUDED.annual, updated_at = now(), version = core.indicator_targets.version + 1`,
          [indicatorId, year, annual],
        );
        await tx.query(`DELETE FROM core.indicator_target_periods WHERE indicator_id = $1 AND year = $2`, [indicatorId, year]);
        const keys = Object.keys(periods);
        await tx.query(
          `INSERT INTO core.indicator_target_periods (indicator_id, year, period, value)
           SELECT $1, $2, k, v FROM unnest($3::text[], $4::numeric[]) AS s(k, v)`,
          [indicatorId, year, keys, keys.map((k) => periods[k])],
        );
        const after = (await this.findYear(indicatorId, year, tx)) as TargetYearRow;
        await writeAudit(tx, {
          actor: caller.actor,
          ip: caller.ip,
          operation: before ? 'update' : 'insert',
          table: 'indicator_targets',
          rowId: indicatorId,
          oldValues: before && { year, annual: before.annual, periods: before.periods },
          newValues: { year, annual: after.annual, periods: after.periods },
        });
        return after;
      }),
    );
  }

  /** The five-year set and its version in one statement (one snapshot); null when the indicator is gone. */
  async findPlanTargets(indicatorId: string, db: DataSource | EntityManager = this.ds): Promise<PlanTargetSet | null> {
    const [row]: PlanTargetSet[] = await db.query(
      `SELECT i.plan_targets_version AS version,
              coalesce((SELECT json_agg(json_build_object('year', t.year, 'annual', t.annual::text) ORDER BY t.year)
                          FROM core.indicator_plan_targets t WHERE t.indicator_id = i.id), '[]'::json) AS items
         FROM core.indicators i WHERE i.id = $1`,
      [indicatorId],
    );
    return row ?? null;
  }

  /**
   * Replaces the five-year set in one transaction, bumping its version: a stale `expectedVersion`
   * is 412, a year the plan no longer spans is 400. Null when the indicator is gone.
   */
  putPlanTargets(indicatorId: string, items: PlanTargetRow[], expectedVersion: number | undefined, caller: CallerIdentity): Promise<PlanTargetSet | null> {
    return mapConstraintErrors(() =>
      this.ds.transaction(async (tx) => {
        // The indicator row carries the set's version: writers of the set queue on it (FOR NO KEY
        // UPDATE), and the plan (FOR SHARE) keeps its years while the set is checked against them.
        const indicator = await lockIndicator(tx, indicatorId, 'FOR NO KEY UPDATE OF i FOR SHARE OF sp');
        if (!indicator) return null;
        const before = (await this.findPlanTargets(indicatorId, tx)) as PlanTargetSet;
        assertVersion(expectedVersion, before.version);
        const outside = items.flatMap((item, i) => yearOutsidePlan(item.year, indicator.period_start, indicator.period_end, `items.${i}.year`) ?? []);
        if (outside.length) throw validationFailed('Invalid plan targets', outside);
        await tx.query(`DELETE FROM core.indicator_plan_targets WHERE indicator_id = $1`, [indicatorId]);
        await tx.query(
          `INSERT INTO core.indicator_plan_targets (indicator_id, year, annual) SELECT $1, y, a FROM unnest($2::int[], $3::numeric[]) AS s(y, a)`,
          [indicatorId, items.map((i) => i.year), items.map((i) => i.annual)],
        );
        await tx.query(`UPDATE core.indicators SET plan_targets_version = plan_targets_version + 1 WHERE id = $1`, [indicatorId]);
        const after = (await this.findPlanTargets(indicatorId, tx)) as PlanTargetSet;
        await writeAudit(tx, {
          actor: caller.actor,
          ip: caller.ip,
          operation: 'update',
          table: 'indicator_plan_targets',
          rowId: indicatorId,
          oldValues: { items: before.items },
          newValues: { items: after.items },
        });
        return after;
      }),
    );
  }
}

async function lockIndicator(tx: EntityManager, id: string, lock: 'FOR SHARE' | 'FOR NO KEY UPDATE OF i FOR SHARE OF sp'): Promise<LockedIndicator | null> {
  const [row]: LockedIndicator[] = await tx.query(
    `SELECT i.frequency, i.aggregation, sp.period_start, sp.period_end
       FROM core.indicators i JOIN core.strategic_plans sp ON sp.id = i.strategic_plan_id WHERE i.id = $1 ${lock}`,
    [id],
  );
  return row ?? null;
}
