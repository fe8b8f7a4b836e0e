import { Injectable } from '@nestjs/common';
import { assertVersion, conflict, type CallerIdentity, type Page, type StrategicPlanListQuery, type StrategicPlanView } from '@sakip/contracts';
import { uuidv7 } from '@sakip/persistence';
import { DataSource, type EntityManager } from 'typeorm';
import type { OpdAccess } from '../access/opd-access';
import { writeAudit } from '../audit/core-audit';
import { mapConstraintErrors } from '@sakip/persistence';
import { queryPage } from '../database/sql-page';
import { INDICATOR_COLUMNS, type IndicatorRow } from '../indicators/indicator-views';
import { PLAN_NODE_COLUMNS, STRATEGIC_PLAN_COLUMNS, toStrategicPlanView, type PlanNodeRow, type StrategicPlanRow } from './plan-views';
import { whereEquals } from '../database/sql-filters';

export interface NewStrategicPlan {
  opdId: string | null;
  periodStart: number;
  periodEnd: number;
  vision: string;
  mission: string;
}

export type StrategicPlanPatch = Partial<NewStrategicPlan>;

const SORTABLE = { periodStart: 'period_start', createdAt: 'created_at' };
const DUPLICATE = 'A strategic plan for this OPD (or the RPJMD) and period already exists';

/** What a plan change must not break: counts the use-case judges (see ManageStrategicPlans.update). */
export interface PlanDependants {
  nodes: number;
  /** Targets, plan targets and achievements of its indicators outside [start, end]. */
  yearsOutside: number;
  /** Objective links to/from RPJMD sasaran whose plans would no longer overlap [start, end]. */
  brokenRpjmdLinks: number;
}

const COLUMN_OF: Record<keyof NewStrategicPlan, string> = { opdId: 'opd_id', periodStart: 'period_start', periodEnd: 'period_end', vision: 'vision', mission: 'mission' };

/** Advisory-lock class of plan owners ("PLAN" in ASCII); the key is a hash of the OPD id, or of "rpjmd". */
const PLAN_OWNER_LOCK_CLASS = 0x504c414e;

/**
 * Serialises the plan writes of one owner (an OPD, or the Pemda's RPJMDs) for the rest of the
 * transaction. Its own statement: under READ COMMITTED the next statement's snapshot then sees
 * every plan committed by the previous holder. A hash collision only serialises two owners.
 */
export async function lockPlanOwner(db: Pick<EntityManager, 'query'>, opdId: string | null): Promise<void> {
  await db.query(`SELECT pg_advisory_xact_lock($1, hashtext(coalesce($2::text, 'rpjmd')))`, [PLAN_OWNER_LOCK_CLASS, opdId]);
}

/**
 * 409 CONFLICT naming the owner's plan whose five years overlap [start, end] (the unique index
 * only knows period_start, so 2025–2029 and 2027–2031 would both fit it). Race-free: it checks
 * under the owner's lock, which every plan create and period/OPD change takes first.
 */
async function assertNoOverlap(tx: EntityManager, opdId: string | null, start: number, end: number, exceptId: string | null): Promise<void> {
  await lockPlanOwner(tx, opdId);
  const [other]: Array<{ id: string; period_start: number; period_end: number }> = await tx.query(
    `SELECT id, period_start, period_end FROM core.strategic_plans
      WHERE opd_id IS NOT DISTINCT FROM $1::uuid AND period_start <= $3 AND $2 <= period_end AND ($4::uuid IS NULL OR id <> $4::uuid)
      ORDER BY period_start, id LIMIT 1`,
    [opdId, start, end, exceptId],
  );
  if (!other) return;
  const existing = opdId === null ? 'The Pemda already has the RPJMD' : 'This OPD already has the strategic plan';
  throw conflict(`${existing} ${other.period_start}–${other.period_end} (${other.id}), which overlaps ${start}–${end}`, [
    { field: 'periodStart', message: `overlaps strategic plan ${other.id} (${other.period_start}–${other.period_end})`, planId: other.id },
  ]);
}

@Injectable()
export class StrategicPlansRepository {
  constructor(private readonly ds: DataSource) {}

  async findById(id: string, db: DataSource | EntityManager = this.ds): Promise<StrategicPlanRow | null> {
    const rows: StrategicPlanRow[] = await db.query(`SELECT ${STRATEGIC_PLAN_COLUMNS} FROM core.strategic_plans WHERE id = $1`, [id]);
    return rows[0] ?? null;
  }

  async opdExists(opdId: string): Promise<boolean> {
    const rows: unknown[] = await this.ds.query(`SELECT 1 FROM core.opds WHERE id = $1`, [opdId]);
    return rows.length > 0;
  }

  query(q: StrategicPlanListQuery, access: OpdAccess): Promise<Page<StrategicPlanView>> {
    const params: unknown[] = [];
    const where = access.sql('opd_id', params, q.opdId) + whereEquals(params, [['period_start', q.periodStart]]);
    return queryPage<StrategicPlanRow, StrategicPlanView>(this.ds, {
      sql: `SELECT ${STRATEGIC_PLAN_COLUMNS} FROM core.strategic_plans WHERE true${where}`,
      params,
      q,
      sortable: SORTABLE,
      defaultSort: 'periodStart',
      tieBreaker: 'id',
      map: toStrategicPlanView,
    });
  }

  create(plan: NewStrategicPlan, caller: CallerIdentity): Promise<StrategicPlanRow> {
    return mapConstraintErrors(
      () =>
        this.ds.transaction(async (tx) => {
          await assertNoOverlap(tx, plan.opdId, plan.periodStart, plan.periodEnd, null);
          const id = uuidv7();
          const [row]: StrategicPlanRow[] = await tx.query(
            `INSERT INTO core.strategic_plans (id, opd_id, period_start, period_end, vision, mission)
             VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${STRATEGIC_PLAN_COLUMNS}`,
            [id, plan.opdId, plan.periodStart, plan.periodEnd, plan.vision, plan.mission],
          );
          await writeAudit(tx, { actor: caller.actor, ip: caller.ip, operation: 'insert', table: 'strategic_plans', rowId: id, newValues: { ...plan } });
          return row;
        }),
      { unique: DUPLICATE, referenced: 'The OPD does not exist' },
    );
  }

  /**
   * Applies `patch` under a row lock. `check` sees the locked row and what depends on it for the
   * resulting period, and throws to refuse; nothing is written then.
   */
  update(
    id: string,
    patch: StrategicPlanPatch,
    expectedVersion: number | undefined,
    caller: CallerIdentity,
    check: (before: StrategicPlanRow, deps: PlanDependants) => void,
  ): Promise<StrategicPlanRow | null> {
    return mapConstraintErrors(
      () =>
        this.ds.transaction(async (tx) => {
          const [before]: StrategicPlanRow[] = await tx.query(`SELECT ${STRATEGIC_PLAN_COLUMNS} FROM core.strategic_plans WHERE id = $1 FOR UPDATE`, [id]);
          if (!before) return null;
          assertVersion(expectedVersion, before.version);
          const start = patch.periodStart ?? before.period_start;
          const end = patch.periodEnd ?? before.period_end;
          check(before, await this.dependants(tx, id, start, end));
          const opdId = patch.opdId !== undefined ? patch.opdId : before.opd_id;
          if (start !== before.period_start || end !== before.period_end || opdId !== before.opd_id) await assertNoOverlap(tx, opdId, start, end, id);
          const keys = Object.keys(patch) as Array<keyof NewStrategicPlan>;
          const params: unknown[] = [id];
          const sets = keys.map((k) => {
            params.push(patch[k]);
            return `${COLUMN_OF[k]} = $${params.length}`;
          });
          const [[after]]: [StrategicPlanRow[], number] = await tx.query(
            `UPDATE core.strategic_plans SET ${sets.join(', ')}, updated_at = now(), version = version + 1 WHERE id = $1 RETURNING ${STRATEGIC_PLAN_COLUMNS}`,
            params,
          );
          const oldValues = Object.fromEntries(keys.map((k) => [k, before[COLUMN_OF[k] as keyof StrategicPlanRow]]));
          await writeAudit(tx, { actor: caller.actor, ip: caller.ip, operation: 'update', table: 'strategic_plans', rowId: id, oldValues, newValues: { ...patch } });
          return after;
        }),
      { unique: DUPLICATE, referenced: 'The OPD does not exist' },
    );
  }

  /** Deletes under a row lock; `check` refuses (throws) while anything hangs under the plan. */
  delete(id: string, expectedVersion: number | undefined, caller: CallerIdentity, check: (before: StrategicPlanRow, deps: PlanDependants) => void): Promise<boolean> {
    return mapConstraintErrors(
      () =>
        this.ds.transaction(async (tx) => {
          const [before]: StrategicPlanRow[] = await tx.query(`SELECT ${STRATEGIC_PLAN_COLUMNS} FROM core.strategic_plans WHERE id = $1 FOR UPDATE`, [id]);
          if (!before) return false;
          assertVersion(expectedVersion, before.version);
          check(before, await this.dependants(tx, id, before.period_start, before.period_end));
          await tx.query(`DELETE FROM core.strategic_plans WHERE id = $1`, [id]);
          await writeAudit(tx, { actor: caller.actor, ip: caller.ip, operation: 'delete', table: 'strategic_plans', rowId: id, oldValues: toStrategicPlanView(before) as unknown as Record<string, unknown> });
          return true;
        }),
      { referenced: 'Goals or indicators still belong to this strategic plan; delete them first' },
    );
  }

  /** The whole tree's rows in two set-based reads (never a query per node), nodes in sibling order. */
  treeRows(planId: string): Promise<{ nodes: PlanNodeRow[]; indicators: IndicatorRow[] }> {
    // One snapshot, so an indicator never points at a node the first read did not see.
    return this.ds.transaction('REPEATABLE READ', async (tx) => {
      const nodes: PlanNodeRow[] = await tx.query(`SELECT ${PLAN_NODE_COLUMNS} FROM core.plan_nodes WHERE strategic_plan_id = $1 ORDER BY sort_order, code, id`, [planId]);
      const indicators: IndicatorRow[] = await tx.query(`SELECT ${INDICATOR_COLUMNS} FROM core.indicators WHERE strategic_plan_id = $1 ORDER BY created_at, id`, [planId]);
      return { nodes, indicators };
    });
  }

  /** One round trip: everything a change of the plan's OPD or period could break. */
  private async dependants(tx: EntityManager, id: string, start: number, end: number): Promise<PlanDependants> {
    const [row]: Array<{ nodes: string; years_outside: string; broken_links: string }> = await tx.query(
      `SELECT
         (SELECT count(*) FROM core.plan_nodes WHERE strategic_plan_id = $1) AS nodes,
         (SELECT count(*) FROM (
            SELECT t.year FROM core.indicator_targets t JOIN core.indicators i ON i.id = t.indicator_id WHERE i.strategic_plan_id = $1
            UNION ALL SELECT t.year FROM core.indicator_plan_targets t JOIN core.indicators i ON i.id = t.indicator_id WHERE i.strategic_plan_id = $1
            UNION ALL SELECT a.year FROM core.achievements a JOIN core.indicators i ON i.id = a.indicator_id WHERE i.strategic_plan_id = $1
            -- Budget rows hang on the plan's nodes: a period moved past their year would strand them.
            UNION ALL SELECT b.year FROM core.budget_allocations b JOIN core.plan_nodes n ON n.id = b.node_id WHERE n.strategic_plan_id = $1
            UNION ALL SELECT b.year FROM core.budget_realizations b JOIN core.plan_nodes n ON n.id = b.node_id WHERE n.strategic_plan_id = $1
          ) y WHERE y.year NOT BETWEEN $2 AND $3) AS years_outside,
         (SELECT count(*) FROM core.plan_nodes o
            JOIN core.plan_nodes r ON r.id = o.rpjmd_objective_id
            JOIN core.strategic_plans op ON op.id = o.strategic_plan_id
            JOIN core.strategic_plans rp ON rp.id = r.strategic_plan_id
           WHERE (o.strategic_plan_id = $1 AND NOT (rp.period_start <= $3 AND $2 <= rp.period_end))
              OR (r.strategic_plan_id = $1 AND NOT ($2 <= op.period_end AND op.period_start <= $3))) AS broken_links`,
      [id, start, end],
    );
    return { nodes: Number(row.nodes), yearsOutside: Number(row.years_outside), brokenRpjmdLinks: Number(row.broken_links) };
  }
}
