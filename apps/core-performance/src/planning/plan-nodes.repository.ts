import { Injectable } from '@nestjs/common';
import { assertVersion, type CallerIdentity, type Page, type PlanLevel, type PlanNodeListCommand, type PlanNodeView } from '@sakip/contracts';
import { uuidv7 } from '@sakip/persistence';
import { DataSource } from 'typeorm';
import type { OpdAccess } from '../access/opd-access';
import { writeAudit } from '../audit/core-audit';
import { mapConstraintErrors } from '@sakip/persistence';
import { queryPage } from '../database/sql-page';
import { LEVELS } from './plan-levels';
import { PLAN_NODE_COLUMNS, toPlanNodeView, type PlanNodeRow } from './plan-views';
import { whereEquals } from '../database/sql-filters';

export interface NewPlanNode {
  level: PlanLevel;
  strategicPlanId: string;
  parentId: string | null;
  opdId: string | null;
  code: string;
  name: string;
  order: number;
  sipdCode: string | null;
  rpjmdObjectiveId: string | null;
}

export type PlanNodePatch = Partial<Pick<NewPlanNode, 'code' | 'name' | 'order' | 'sipdCode' | 'rpjmdObjectiveId'>>;

/** What still depends on a node: a delete is refused while any count is above zero. */
export interface NodeDependants {
  children: number;
  indicators: number;
  /** OPD sasaran that name this (RPJMD) sasaran as the one they serve. */
  servingObjectives: number;
}

const COLUMN_OF: Record<keyof PlanNodePatch, string> = { code: 'code', name: 'name', order: 'sort_order', sipdCode: 'sipd_code', rpjmdObjectiveId: 'rpjmd_objective_id' };
const SORTABLE = { code: 'code', name: 'name', order: 'sort_order', createdAt: 'created_at' };
const duplicate = (level: PlanLevel) => `A ${level} with this code already exists in the strategic plan`;

/** An RPJMD sasaran with its plan's period, for the rpjmdObjectiveId rule. */
export interface RpjmdObjectiveRow {
  id: string;
  level: PlanLevel;
  plan_opd_id: string | null;
  period_start: number;
  period_end: number;
}

@Injectable()
export class PlanNodesRepository {
  constructor(private readonly ds: DataSource) {}

  async findById(id: string): Promise<PlanNodeRow | null> {
    const rows: PlanNodeRow[] = await this.ds.query(`SELECT ${PLAN_NODE_COLUMNS} FROM core.plan_nodes WHERE id = $1`, [id]);
    return rows[0] ?? null;
  }

  async findWithPlan(id: string): Promise<(PlanNodeRow & { plan_period_start: number; plan_period_end: number }) | null> {
    const rows = await this.ds.query(
      `SELECT n.*, p.period_start AS plan_period_start, p.period_end AS plan_period_end
         FROM core.plan_nodes n JOIN core.strategic_plans p ON p.id = n.strategic_plan_id WHERE n.id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  async findRpjmdObjective(id: string): Promise<RpjmdObjectiveRow | null> {
    const rows: RpjmdObjectiveRow[] = await this.ds.query(
      `SELECT n.id, n.level, p.opd_id AS plan_opd_id, p.period_start, p.period_end
         FROM core.plan_nodes n JOIN core.strategic_plans p ON p.id = n.strategic_plan_id WHERE n.id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  /** SIPD codes of the node's children that do not extend `code` (at most a few, for the message). */
  async childrenNotExtending(id: string, code: string): Promise<string[]> {
    const rows: Array<{ sipd_code: string }> = await this.ds.query(
      `SELECT sipd_code FROM core.plan_nodes WHERE parent_id = $1 AND sipd_code IS NOT NULL AND left(sipd_code, length($2) + 1) <> $2 || '.' ORDER BY sipd_code LIMIT 5`,
      [id, code],
    );
    return rows.map((r) => r.sipd_code);
  }

  query(q: PlanNodeListCommand, access: OpdAccess): Promise<Page<PlanNodeView>> {
    const params: unknown[] = [q.level];
    let where = access.sql('opd_id', params, q.opdId);
    const parentField = LEVELS[q.level].parentField;
    const parentId = parentField === 'strategicPlanId' ? undefined : q[parentField];
    where += whereEquals(params, [
      ['strategic_plan_id', q.strategicPlanId],
      ['parent_id', parentId],
      ['code', q.code],
    ]);
    return queryPage<PlanNodeRow, PlanNodeView>(this.ds, {
      sql: `SELECT ${PLAN_NODE_COLUMNS} FROM core.plan_nodes WHERE level = $1${where}`,
      params,
      q,
      sortable: SORTABLE,
      defaultSort: 'order',
      tieBreaker: 'id',
      map: toPlanNodeView,
    });
  }

  create(node: NewPlanNode, caller: CallerIdentity): Promise<PlanNodeRow> {
    return mapConstraintErrors(
      () =>
        this.ds.transaction(async (tx) => {
          const id = uuidv7();
          const [row]: PlanNodeRow[] = await tx.query(
            `INSERT INTO core.plan_nodes (id, level, strategic_plan_id, parent_id, opd_id, code, name, sort_order, sipd_code, rpjmd_objective_id)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING ${PLAN_NODE_COLUMNS}`,
            [id, node.level, node.strategicPlanId, node.parentId, node.opdId, node.code, node.name, node.order, node.sipdCode, node.rpjmdObjectiveId],
          );
          await writeAudit(tx, { actor: caller.actor, ip: caller.ip, operation: 'insert', table: 'plan_nodes', rowId: id, newValues: { ...node } });
          return row;
        }),
      { unique: duplicate(node.level), referenced: 'The parent was deleted meanwhile' },
    );
  }

  update(id: string, level: PlanLevel, patch: PlanNodePatch, expectedVersion: number | undefined, caller: CallerIdentity): Promise<PlanNodeRow | null> {
    return mapConstraintErrors(
      () =>
        this.ds.transaction(async (tx) => {
          const [before]: PlanNodeRow[] = await tx.query(`SELECT ${PLAN_NODE_COLUMNS} FROM core.plan_nodes WHERE id = $1 AND level = $2 FOR UPDATE`, [id, level]);
          if (!before) return null;
          assertVersion(expectedVersion, before.version);
          const keys = Object.keys(patch) as Array<keyof PlanNodePatch>;
          const params: unknown[] = [id];
          const sets = keys.map((k) => {
            params.push(patch[k]);
            return `${COLUMN_OF[k]} = $${params.length}`;
          });
          const [[after]]: [PlanNodeRow[], number] = await tx.query(
            `UPDATE core.plan_nodes SET ${sets.join(', ')}, updated_at = now(), version = version + 1 WHERE id = $1 RETURNING ${PLAN_NODE_COLUMNS}`,
            params,
          );
          const oldValues = Object.fromEntries(keys.map((k) => [k, before[COLUMN_OF[k] as keyof PlanNodeRow]]));
          await writeAudit(tx, { actor: caller.actor, ip: caller.ip, operation: 'update', table: 'plan_nodes', rowId: id, oldValues, newValues: { ...patch } });
          return after;
        }),
      { unique: duplicate(level), referenced: 'The RPJMD sasaran was deleted meanwhile' },
    );
  }

  /** Deletes under a row lock; `check` sees what still depends on the node and throws to refuse. */
  delete(id: string, level: PlanLevel, expectedVersion: number | undefined, caller: CallerIdentity, check: (deps: NodeDependants) => void): Promise<boolean> {
    return mapConstraintErrors(
      () =>
        this.ds.transaction(async (tx) => {
          const [before]: PlanNodeRow[] = await tx.query(`SELECT ${PLAN_NODE_COLUMNS} FROM core.plan_nodes WHERE id = $1 AND level = $2 FOR UPDATE`, [id, level]);
          if (!before) return false;
          assertVersion(expectedVersion, before.version);
          const [deps]: Array<{ children: string; indicators: string; serving: string }> = await tx.query(
            `SELECT (SELECT count(*) FROM core.plan_nodes WHERE parent_id = $1) AS children,
                    (SELECT count(*) FROM core.indicators WHERE parent_id = $1) AS indicators,
                    (SELECT count(*) FROM core.plan_nodes WHERE rpjmd_objective_id = $1) AS serving`,
            [id],
          );
          check({ children: Number(deps.children), indicators: Number(deps.indicators), servingObjectives: Number(deps.serving) });
          await tx.query(`DELETE FROM core.plan_nodes WHERE id = $1`, [id]);
          await writeAudit(tx, { actor: caller.actor, ip: caller.ip, operation: 'delete', table: 'plan_nodes', rowId: id, oldValues: toPlanNodeView(before) as unknown as Record<string, unknown> });
          return true;
        }),
      { referenced: 'Other records depend on this node; remove them first' },
    );
  }
}
