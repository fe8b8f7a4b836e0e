import { Injectable } from '@nestjs/common';
import { assertVersion, conflict, DomainError, ErrorCode, type CallerIdentity } from '@sakip/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { writeAudit } from '../audit/core-audit';
import { mapConstraintErrors } from '../database/pg-errors';
import { assertPeriodOpen } from '../periods/period-guard';

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

/** The split rules a target was validated against; the write re-checks them under a lock. */
export interface SplitBasis {
  frequency: string;
  aggregation: string;
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
   * Replaces the year's annual target and split in one transaction: refused while period Y of that
   * year is locked (409 INVALID_STATE), or when the indicator's frequency/aggregation changed since validation.
   * Returns null when the indicator is gone.
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
        // First statement: serialised against a concurrent lock of the year (periods/period-guard).
        await assertPeriodOpen(tx, year, 'Y').catch((err: unknown) => {
          throw err instanceof DomainError && err.code === ErrorCode.InvalidState
            ? new DomainError(ErrorCode.InvalidState, `Period Y of ${year} is locked: its targets can no longer change`, [{ field: 'year', message: 'period Y is locked' }])
            : err;
        });
        // FOR SHARE: an indicator update (FOR UPDATE) cannot change the split rules under us.
        const [indicator]: Array<SplitBasis> = await tx.query(`SELECT frequency, aggregation FROM core.indicators WHERE id = $1 FOR SHARE`, [indicatorId]);
        if (!indicator) return null;
        if (indicator.frequency !== basis.frequency || indicator.aggregation !== basis.aggregation) {
          throw conflict('The indicator changed meanwhile; reload it and retry');
        }
        const before = await this.findYear(indicatorId, year, tx);
        assertVersion(expectedVersion, before?.version ?? 0);
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

  async findPlanTargets(indicatorId: string): Promise<PlanTargetRow[]> {
    return this.ds.query(`SELECT year, annual::text AS annual FROM core.indicator_plan_targets WHERE indicator_id = $1 ORDER BY year`, [indicatorId]);
  }

  /** Replaces the five-year set in one transaction; null when the indicator is gone. */
  putPlanTargets(indicatorId: string, items: PlanTargetRow[], caller: CallerIdentity): Promise<PlanTargetRow[] | null> {
    return mapConstraintErrors(() =>
      this.ds.transaction(async (tx) => {
        const [indicator]: unknown[] = await tx.query(`SELECT 1 FROM core.indicators WHERE id = $1 FOR SHARE`, [indicatorId]);
        if (!indicator) return null;
        const before: PlanTargetRow[] = await tx.query(`SELECT year, annual::text AS annual FROM core.indicator_plan_targets WHERE indicator_id = $1 ORDER BY year`, [indicatorId]);
        await tx.query(`DELETE FROM core.indicator_plan_targets WHERE indicator_id = $1`, [indicatorId]);
        await tx.query(
          `INSERT INTO core.indicator_plan_targets (indicator_id, year, annual) SELECT $1, y, a FROM unnest($2::int[], $3::numeric[]) AS s(y, a)`,
          [indicatorId, items.map((i) => i.year), items.map((i) => i.annual)],
        );
        const after: PlanTargetRow[] = await tx.query(`SELECT year, annual::text AS annual FROM core.indicator_plan_targets WHERE indicator_id = $1 ORDER BY year`, [indicatorId]);
        await writeAudit(tx, { actor: caller.actor, ip: caller.ip, operation: 'update', table: 'indicator_plan_targets', rowId: indicatorId, oldValues: { items: before }, newValues: { items: after } });
        return after;
      }),
    );
  }
}
