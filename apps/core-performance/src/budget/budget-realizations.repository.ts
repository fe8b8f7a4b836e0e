import { Injectable } from '@nestjs/common';
import { assertVersion, notFound, type BudgetNodeType, type BudgetRealizationListQuery, type BudgetRealizationView, type CallerIdentity, type Page } from '@sakip/contracts';
import { uuidv7 } from '@sakip/persistence';
import { DataSource, type EntityManager } from 'typeorm';
import type { OpdAccess } from '../access/opd-access';
import { writeAudit } from '../audit/core-audit';
import { mapConstraintErrors } from '@sakip/persistence';
import { queryPage } from '../database/sql-page';
import { assertMonthOpen } from './budget-periods';
import { REALIZATION_COLUMNS, realizationAuditValues, toRealizationView, type RealizationRow } from './budget-rows';
import { whereEquals } from '../database/sql-filters';

export interface NewRealization {
  nodeType: BudgetNodeType;
  nodeId: string;
  opdId: string;
  year: number;
  month: number;
  amount: string;
}

const SORTABLE = { year: 'year', month: 'month_key', amount: 'amount', createdAt: 'created_at', updatedAt: 'updated_at' };
const TABLE = 'budget_realizations';

@Injectable()
export class BudgetRealizationsRepository {
  constructor(private readonly ds: DataSource) {}

  async findById(id: string, db: DataSource | EntityManager = this.ds): Promise<RealizationRow | null> {
    const [row] = await db.query(`SELECT ${REALIZATION_COLUMNS} FROM core.budget_realizations r WHERE r.id = $1`, [id]);
    return row ?? null;
  }

  /**
   * Locks the row, then reads it with its cumulative in a statement of its own: under READ
   * COMMITTED that one sees a concurrent change the lock waited for (FOR UPDATE cannot sit beside
   * the aggregate anyway).
   */
  private async lockRow(tx: EntityManager, id: string): Promise<RealizationRow> {
    const [locked] = await tx.query(`SELECT id FROM core.budget_realizations WHERE id = $1 FOR UPDATE`, [id]);
    if (!locked) throw notFound('Budget realization');
    return (await this.findById(id, tx)) as RealizationRow;
  }

  query(q: BudgetRealizationListQuery, access: OpdAccess): Promise<Page<BudgetRealizationView>> {
    const params: unknown[] = [];
    let where = access.sql('r.opd_id', params, q.opdId);
    where += whereEquals(params, [['r.node_type', q.nodeType], ['r.node_id', q.nodeId], ['r.year', q.year], ['r.month', q.month], ['r.source', q.source]]);
    return queryPage<RealizationRow, BudgetRealizationView>(this.ds, {
      sql: `SELECT ${REALIZATION_COLUMNS}, r.year * 100 + r.month AS month_key FROM core.budget_realizations r WHERE true${where}`,
      params,
      q,
      sortable: SORTABLE,
      defaultSort: '-createdAt',
      tieBreaker: 'id',
      map: toRealizationView,
    });
  }

  /** 409 when the month is locked, already has a realization of this node, or the node went away. */
  create(input: NewRealization, caller: CallerIdentity): Promise<RealizationRow> {
    return mapConstraintErrors(
      () =>
        this.ds.transaction(async (tx) => {
          await assertMonthOpen(tx, input.year, input.month);
          const id = uuidv7();
          await tx.query(
            `INSERT INTO core.budget_realizations (id, node_type, node_id, opd_id, year, month, amount, source) VALUES ($1, $2, $3, $4, $5, $6, $7, 'manual')`,
            [id, input.nodeType, input.nodeId, input.opdId, input.year, input.month, input.amount],
          );
          const row = (await this.findById(id, tx)) as RealizationRow;
          await writeAudit(tx, { actor: caller.actor, ip: caller.ip, operation: 'insert', table: TABLE, rowId: id, newValues: realizationAuditValues(row) });
          return row;
        }),
      { unique: `This node already has a realization for that month; change it instead`, referenced: 'The node no longer exists' },
    );
  }

  /** Changes the amount (the source becomes manual); 409 in a locked month, If-Match → 412. */
  update(current: RealizationRow, amount: string, expectedVersion: number | undefined, caller: CallerIdentity): Promise<RealizationRow> {
    return this.ds.transaction(async (tx) => {
      await assertMonthOpen(tx, current.year, current.month);
      const before = await this.lockRow(tx, current.id);
      assertVersion(expectedVersion, before.version);
      await tx.query(`UPDATE core.budget_realizations SET amount = $2, source = 'manual', updated_at = now(), version = version + 1 WHERE id = $1`, [current.id, amount]);
      const after = (await this.findById(current.id, tx)) as RealizationRow;
      await writeAudit(tx, { actor: caller.actor, ip: caller.ip, operation: 'update', table: TABLE, rowId: after.id, oldValues: realizationAuditValues(before), newValues: realizationAuditValues(after) });
      return after;
    });
  }

  /** 409 in a locked month, If-Match → 412. */
  delete(current: RealizationRow, expectedVersion: number | undefined, caller: CallerIdentity): Promise<void> {
    return this.ds.transaction(async (tx) => {
      await assertMonthOpen(tx, current.year, current.month);
      const row = await this.lockRow(tx, current.id);
      assertVersion(expectedVersion, row.version);
      await tx.query(`DELETE FROM core.budget_realizations WHERE id = $1`, [row.id]);
      await writeAudit(tx, { actor: caller.actor, ip: caller.ip, operation: 'delete', table: TABLE, rowId: row.id, oldValues: realizationAuditValues(row) });
    });
  }
}
