import { Injectable } from '@nestjs/common';
import {
  assertVersion,
  CORE_EVENTS,
  type CallerIdentity,
  type ChangeKind,
  type IndicatorListQuery,
  type IndicatorParentType,
  type IndicatorView,
  type Page,
} from '@sakip/contracts';
import { uuidv7 } from '@sakip/persistence';
import { DataSource, type EntityManager } from 'typeorm';
import type { OpdAccess } from '../access/opd-access';
import { writeAudit } from '../audit/core-audit';
import { mapConstraintErrors } from '@sakip/persistence';
import { queryPage } from '../database/sql-page';
import { coreOutbox } from '../events/core-outbox';
import { INDICATOR_COLUMNS, toIndicatorView, type IndicatorRow } from './indicator-views';
import { whereEquals } from '../database/sql-filters';

/** The node an indicator hangs on, with what the indicator copies from it. */
export interface IndicatorParentRow {
  id: string;
  level: IndicatorParentType;
  opd_id: string | null;
  strategic_plan_id: string;
  /** The node itself for a sasaran, the nearest sasaran above it otherwise, null under a goal. */
  objective_id: string | null;
}

/** An indicator with its plan's five-year period (targets must lie inside it). */
export type IndicatorWithPlan = IndicatorRow & { period_start: number; period_end: number };

export type IndicatorFields = Pick<
  IndicatorRow,
  'name' | 'definition' | 'formula' | 'unit' | 'data_source' | 'person_in_charge' | 'category' | 'is_iku' | 'weight' | 'frequency' | 'polarity' | 'aggregation'
>;

export interface NewIndicator extends IndicatorFields {
  parent_type: IndicatorParentType;
  parent_id: string;
  strategic_plan_id: string;
  objective_id: string | null;
  opd_id: string | null;
}

/** What exists under an indicator: targets (years) and achievements. */
export interface IndicatorDependants {
  targetYears: number;
  planTargets: number;
  achievements: number;
}

const SORTABLE = { name: 'name', createdAt: 'created_at', category: 'category' };

@Injectable()
export class IndicatorsRepository {
  constructor(private readonly ds: DataSource) {}

  async findById(id: string): Promise<IndicatorWithPlan | null> {
    const rows: IndicatorWithPlan[] = await this.ds.query(
      `SELECT ${INDICATOR_COLUMNS.split(', ').map((c) => `i.${c}`).join(', ')}, p.period_start, p.period_end
         FROM core.indicators i JOIN core.strategic_plans p ON p.id = i.strategic_plan_id WHERE i.id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  /** The parent node and the sasaran it rolls up into, found by walking up the tree in one query. */
  async findParent(nodeId: string): Promise<IndicatorParentRow | null> {
    const rows: IndicatorParentRow[] = await this.ds.query(
      `WITH RECURSIVE up AS (
         SELECT id, parent_id, level, 0 AS depth FROM core.plan_nodes WHERE id = $1
         UNION ALL
         SELECT n.id, n.parent_id, n.level, up.depth + 1 FROM core.plan_nodes n JOIN up ON n.id = up.parent_id
       )
       SELECT n.id, n.level, n.opd_id, n.strategic_plan_id,
              (SELECT up.id FROM up WHERE up.level = 'objective' ORDER BY up.depth LIMIT 1) AS objective_id
         FROM core.plan_nodes n WHERE n.id = $1`,
      [nodeId],
    );
    return rows[0] ?? null;
  }

  query(q: IndicatorListQuery, access: OpdAccess): Promise<Page<IndicatorView>> {
    const params: unknown[] = [];
    let where = access.sql('opd_id', params, q.opdId);
    where += whereEquals(params, [
      ['parent_type', q.parentType],
      ['parent_id', q.parentId],
      ['is_iku', q.isIku],
      ['strategic_plan_id', q.strategicPlanId],
      ['objective_id', q.objectiveId],
    ]);
    return queryPage<IndicatorRow, IndicatorView>(this.ds, {
      sql: `SELECT ${INDICATOR_COLUMNS} FROM core.indicators WHERE true${where}`,
      params,
      q,
      sortable: SORTABLE,
      defaultSort: 'createdAt',
      tieBreaker: 'id',
      map: toIndicatorView,
    });
  }

  create(indicator: NewIndicator, caller: CallerIdentity): Promise<IndicatorRow> {
    return mapConstraintErrors(
      () =>
        this.ds.transaction(async (tx) => {
          const id = uuidv7();
          const [row]: IndicatorRow[] = await tx.query(
            `INSERT INTO core.indicators (id, parent_type, parent_id, strategic_plan_id, objective_id, opd_id, name, definition, formula, unit,
                                          data_source, person_in_charge, category, is_iku, weight, frequency, polarity, aggregation)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18) RETURNING ${INDICATOR_COLUMNS}`,
            [
              id,
              indicator.parent_type,
              indicator.parent_id,
              indicator.strategic_plan_id,
              indicator.objective_id,
              indicator.opd_id,
              indicator.name,
              indicator.definition,
              indicator.formula,
              indicator.unit,
              indicator.data_source,
              indicator.person_in_charge,
              indicator.category,
              indicator.is_iku,
              indicator.weight,
              indicator.frequency,
              indicator.polarity,
              indicator.aggregation,
            ],
          );
          await writeAudit(tx, { actor: caller.actor, ip: caller.ip, operation: 'insert', table: 'indicators', rowId: id, newValues: auditValues(row) });
          await enqueueChanged(tx, row, 'created');
          return row;
        }),
      { referenced: 'The parent node was deleted meanwhile' },
    );
  }

  /** Applies `patch` under a row lock; `check` sees the locked row and its dependants and throws to refuse. */
  update(
    id: string,
    patch: Partial<IndicatorFields>,
    expectedVersion: number | undefined,
    caller: CallerIdentity,
    check: (before: IndicatorRow, deps: IndicatorDependants) => void,
  ): Promise<IndicatorRow | null> {
    return this.ds.transaction(async (tx) => {
      const before = await lockIndicator(tx, id);
      if (!before) return null;
      assertVersion(expectedVersion, before.version);
      check(before, await dependants(tx, id));
      const keys = Object.keys(patch) as Array<keyof IndicatorFields>;
      const params: unknown[] = [id];
      const sets = keys.map((k) => {
        params.push(patch[k]);
        return `${k} = $${params.length}`;
      });
      const [[after]]: [IndicatorRow[], number] = await tx.query(
        `UPDATE core.indicators SET ${sets.join(', ')}, updated_at = now(), version = version + 1 WHERE id = $1 RETURNING ${INDICATOR_COLUMNS}`,
        params,
      );
      const changed = (r: IndicatorRow) => Object.fromEntries(Object.entries(auditValues(r)).filter(([k]) => keys.some((c) => camel(c) === k)));
      await writeAudit(tx, { actor: caller.actor, ip: caller.ip, operation: 'update', table: 'indicators', rowId: id, oldValues: changed(before), newValues: changed(after) });
      await enqueueChanged(tx, after, 'updated');
      return after;
    });
  }

  /** Deletes the indicator with its targets and plan targets (its parts) in one transaction; `check` refuses. */
  delete(id: string, expectedVersion: number | undefined, caller: CallerIdentity, check: (deps: IndicatorDependants) => void): Promise<boolean> {
    return mapConstraintErrors(
      () =>
        this.ds.transaction(async (tx) => {
          const before = await lockIndicator(tx, id);
          if (!before) return false;
          assertVersion(expectedVersion, before.version);
          const deps = await dependants(tx, id);
          check(deps);
          // indicator_target_periods go with their year (ON DELETE CASCADE).
          await tx.query(`DELETE FROM core.indicator_targets WHERE indicator_id = $1`, [id]);
          await tx.query(`DELETE FROM core.indicator_plan_targets WHERE indicator_id = $1`, [id]);
          await tx.query(`DELETE FROM core.indicators WHERE id = $1`, [id]);
          await writeAudit(tx, {
            actor: caller.actor,
            ip: caller.ip,
            operation: 'delete',
            table: 'indicators',
            rowId: id,
            oldValues: { ...auditValues(before), targetYears: deps.targetYears, planTargets: deps.planTargets },
          });
          await enqueueChanged(tx, before, 'deleted');
          return true;
        }),
      { referenced: 'Achievements or other records still reference this indicator' },
    );
  }
}

async function lockIndicator(tx: EntityManager, id: string): Promise<IndicatorRow | null> {
  const rows: IndicatorRow[] = await tx.query(`SELECT ${INDICATOR_COLUMNS} FROM core.indicators WHERE id = $1 FOR UPDATE`, [id]);
  return rows[0] ?? null;
}

async function dependants(tx: EntityManager, id: string): Promise<IndicatorDependants> {
  const [row]: Array<{ target_years: string; plan_targets: string; achievements: string }> = await tx.query(
    `SELECT (SELECT count(*) FROM core.indicator_targets WHERE indicator_id = $1) AS target_years,
            (SELECT count(*) FROM core.indicator_plan_targets WHERE indicator_id = $1) AS plan_targets,
            (SELECT count(*) FROM core.achievements WHERE indicator_id = $1) AS achievements`,
    [id],
  );
  return { targetYears: Number(row.target_years), planTargets: Number(row.plan_targets), achievements: Number(row.achievements) };
}

function enqueueChanged(tx: EntityManager, row: IndicatorRow, change: ChangeKind): Promise<string> {
  return coreOutbox.enqueue(tx, CORE_EVENTS.indicatorChanged, {
    indicatorId: row.id,
    change,
    opdId: row.opd_id,
    parentType: row.parent_type,
    parentId: row.parent_id,
    name: row.name,
    isIku: row.is_iku,
    version: row.version,
  });
}

const camel = (column: string) => column.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());

/** The audited shape: the view's fields (weight as the exact decimal text). */
function auditValues(r: IndicatorRow): Record<string, unknown> {
  const { version: _v, createdAt: _c, updatedAt: _u, ...fields } = toIndicatorView(r);
  return { ...fields, weight: r.weight };
}
