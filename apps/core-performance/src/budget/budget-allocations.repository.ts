import { Injectable } from '@nestjs/common';
import { assertVersion, notFound, type BudgetAllocationListQuery, type BudgetAllocationView, type BudgetNodeType, type BudgetRevision, type CallerIdentity, type Page } from '@sakip/contracts';
import { uuidv7 } from '@sakip/persistence';
import { DataSource } from 'typeorm';
import type { OpdAccess } from '../access/opd-access';
import { writeAudit } from '../audit/core-audit';
import { mapConstraintErrors } from '@sakip/persistence';
import { queryPage } from '../database/sql-page';
import { assertYearOpen } from './budget-periods';
import { ALLOCATION_COLUMNS, allocationAuditValues, toAllocationView, type AllocationRow } from './budget-rows';
import { whereEquals } from '../database/sql-filters';

export interface NewAllocation {
  nodeType: BudgetNodeType;
  nodeId: string;
  opdId: string;
  year: number;
  revision: BudgetRevision;
  pagu: string;
  sipdCode: string | null;
}

export interface AllocationPatch {
  pagu?: string;
  sipdCode?: string;
}

const SORTABLE = { year: 'year', revision: 'revision', pagu: 'pagu', createdAt: 'created_at', updatedAt: 'updated_at' };
const TABLE = 'budget_allocations';

@Injectable()
export class BudgetAllocationsRepository {
  constructor(private readonly ds: DataSource) {}

  async findById(id: string): Promise<AllocationRow | null> {
    const [row] = await this.ds.query(`SELECT ${ALLOCATION_COLUMNS} FROM core.budget_allocations WHERE id = $1`, [id]);
    return row ?? null;
  }

  query(q: BudgetAllocationListQuery, access: OpdAccess): Promise<Page<BudgetAllocationView>> {
    const params: unknown[] = [];
    let where = access.sql('opd_id', params, q.opdId);
    where += whereEquals(params, [['node_type', q.nodeType], ['node_id', q.nodeId], ['year', q.year], ['revision', q.revision], ['source', q.source]]);
    return queryPage<AllocationRow, BudgetAllocationView>(this.ds, {
      sql: `SELECT ${ALLOCATION_COLUMNS} FROM core.budget_allocations WHERE true${where}`,
      params,
      q,
      sortable: SORTABLE,
      defaultSort: '-createdAt',
      tieBreaker: 'id',
      map: toAllocationView,
    });
  }

  /** 409 when the year is locked, the node already has this year's revision, or the node went away meanwhile. */
  create(input: NewAllocation, caller: CallerIdentity): Promise<AllocationRow> {
    return mapConstraintErrors(
      () =>
        this.ds.transaction(async (tx) => {
          await assertYearOpen(tx, input.year);
          const [row]: AllocationRow[] = await tx.query(
            `INSERT INTO core.budget_allocations (id, node_type, node_id, opd_id, year, revision, pagu, sipd_code, source)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'manual') RETURNING ${ALLOCATION_COLUMNS}`,
            [uuidv7(), input.nodeType, input.nodeId, input.opdId, input.year, input.revision, input.pagu, input.sipdCode],
          );
          await writeAudit(tx, { actor: caller.actor, ip: caller.ip, operation: 'insert', table: TABLE, rowId: row.id, newValues: allocationAuditValues(row) });
          return row;
        }),
      { unique: `An allocation of this node for this year and revision already exists`, referenced: 'The node no longer exists' },
    );
  }

  /**
   * A user's value replaces whatever set it before: the source becomes manual. 409 when the year is
   * locked (the year is part of the row's identity, so `current`'s is the row's), If-Match → 412.
   */
  update(current: AllocationRow, patch: AllocationPatch, expectedVersion: number | undefined, caller: CallerIdentity): Promise<AllocationRow> {
    const id = current.id;
    return this.ds.transaction(async (tx) => {
      await assertYearOpen(tx, current.year);
      const [before]: AllocationRow[] = await tx.query(`SELECT ${ALLOCATION_COLUMNS} FROM core.budget_allocations WHERE id = $1 FOR UPDATE`, [id]);
      if (!before) throw notFound('Budget allocation');
      assertVersion(expectedVersion, before.version);
      const [[after]]: [AllocationRow[], number] = await tx.query(
        `UPDATE core.budget_allocations SET pagu = coalesce($2::numeric, pagu), sipd_code = coalesce($3, sipd_code), source = 'manual',
                updated_at = now(), version = version + 1
          WHERE id = $1 RETURNING ${ALLOCATION_COLUMNS}`,
        [id, patch.pagu ?? null, patch.sipdCode ?? null],
      );
      await writeAudit(tx, { actor: caller.actor, ip: caller.ip, operation: 'update', table: TABLE, rowId: id, oldValues: allocationAuditValues(before), newValues: allocationAuditValues(after) });
      return after;
    });
  }

  /** 409 when the year is locked, If-Match → 412. */
  delete(current: AllocationRow, expectedVersion: number | undefined, caller: CallerIdentity): Promise<void> {
    const id = current.id;
    return this.ds.transaction(async (tx) => {
      await assertYearOpen(tx, current.year);
      const [row]: AllocationRow[] = await tx.query(`SELECT ${ALLOCATION_COLUMNS} FROM core.budget_allocations WHERE id = $1 FOR UPDATE`, [id]);
      if (!row) throw notFound('Budget allocation');
      assertVersion(expectedVersion, row.version);
      await tx.query(`DELETE FROM core.budget_allocations WHERE id = $1`, [id]);
      await writeAudit(tx, { actor: caller.actor, ip: caller.ip, operation: 'delete', table: TABLE, rowId: id, oldValues: allocationAuditValues(row) });
    });
  }
}
