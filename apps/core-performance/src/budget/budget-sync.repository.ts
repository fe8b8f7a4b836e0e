import { Injectable } from '@nestjs/common';
import type { BudgetAllocationRow, BudgetRealizationRow, BudgetRevision, BudgetUpsertResult } from '@sakip/contracts';
import { uuidv7 } from '@sakip/persistence';
import { DataSource, type EntityManager } from 'typeorm';
import { writeAuditMany, type AuditInput } from '../audit/core-audit';
import { mapConstraintErrors } from '@sakip/persistence';
import { lockedPeriods } from './budget-periods';
import { allocationAuditValues, realizationAuditValues, type AllocationRow, type RealizationRow } from './budget-rows';
import { resolveCodes, type ResolvedNode } from './budget-rules';

/** Who a SIPD batch is recorded as (the integration-sync service). */
export const SIPD_SYNC_ACTOR = 'system:integration';

export interface SipdBatch {
  year: number;
  revision: BudgetRevision;
  allocations: BudgetAllocationRow[];
  realizations: BudgetRealizationRow[];
}

interface Counts {
  inserted: number;
  updated: number;
}

/** What a SIPD batch did (the contract's result). */
export type SipdUpsertResult = BudgetUpsertResult;

/** One written row of an upsert with the values it replaced (`old_*` null for an insert). */
type Upserted<Row> = Row & { id: string; inserted: boolean } & { [K in keyof Row as `old_${K & string}`]: Row[K] | null };

type AllocationValues = Pick<AllocationRow, 'node_type' | 'node_id' | 'opd_id' | 'year' | 'revision' | 'pagu' | 'sipd_code' | 'source'>;
type RealizationValues = Pick<RealizationRow, 'node_type' | 'node_id' | 'opd_id' | 'year' | 'month' | 'amount' | 'source'>;

/** The audit rows of an upsert: one per inserted or changed row, with the values it replaced (DOMAIN.md "Audit"). */
function auditRows<Row>(table: string, rows: ReadonlyArray<Upserted<Row>>, changed: readonly (keyof Row & string)[], values: (r: Row) => Record<string, unknown>): AuditInput[] {
  return rows.map((r) => {
    const before = { ...r } as Row;
    for (const k of changed) before[k] = r[`old_${k}` as keyof typeof r] as Row[typeof k];
    return {
      actor: SIPD_SYNC_ACTOR,
      ip: null,
      operation: r.inserted ? 'insert' : 'update',
      table,
      rowId: r.id,
      oldValues: r.inserted ? null : values(before),
      newValues: values(r),
    };
  });
}

const counts = (rows: ReadonlyArray<{ inserted: boolean }>): Counts => {
  const inserted = rows.filter((r) => r.inserted).length;
  return { inserted, updated: rows.length - inserted };
};

/**
 * Applies a SIPD batch set-based (DOMAIN.md "Integrations": synced by code, idempotent), in one
 * transaction and a fixed number of statements: the period guard's year lock and the locked
 * periods, one lookup of every code, one INSERT … ON CONFLICT per kind (returning each written row
 * with the values it replaced), and the audit rows: one per inserted or changed row plus the
 * batch's summary. A conflicting row is rewritten only when a value differs, so re-sending a batch
 * touches nothing (no version bump, no audit row, no cache invalidation). Allocations of a locked
 * year and realizations of a locked month are reported, not written.
 */
@Injectable()
export class BudgetSyncRepository {
  constructor(private readonly ds: DataSource) {}

  apply(batch: SipdBatch): Promise<SipdUpsertResult> {
    return mapConstraintErrors(
      () =>
        this.ds.transaction(async (tx) => {
          // First statement (the period guard's shared year lock): a lock cannot slip in meanwhile.
          const locked = await lockedPeriods(tx, batch.year);
          const codes = new Set([...batch.allocations.map((a) => a.kodeSubGiat), ...batch.realizations.map((r) => r.kodeSubGiat)]);
          const matches: Array<{ sipd_code: string; node_id: string; opd_id: string }> = await tx.query(
            `SELECT n.sipd_code, n.id AS node_id, n.opd_id
               FROM core.plan_nodes n JOIN core.strategic_plans sp ON sp.id = n.strategic_plan_id
              WHERE n.level = 'sub_activity' AND n.opd_id IS NOT NULL AND n.sipd_code = ANY($1::text[]) AND $2 BETWEEN sp.period_start AND sp.period_end`,
            [[...codes], batch.year],
          );
          const { nodes, unknownCodes, ambiguousCodes } = resolveCodes(codes, matches);

          const lockedAllocations: string[] = [];
          const allocations: Array<BudgetAllocationRow & { node: ResolvedNode }> = [];
          for (const a of batch.allocations) {
            const node = nodes.get(a.kodeSubGiat);
            if (!node) continue;
            if (locked.year) lockedAllocations.push(a.kodeSubGiat);
            else allocations.push({ ...a, node });
          }
          const lockedRows: BudgetUpsertResult['lockedRows'] = [];
          const realizations: Array<BudgetRealizationRow & { node: ResolvedNode }> = [];
          for (const r of batch.realizations) {
            const node = nodes.get(r.kodeSubGiat);
            if (!node) continue;
            if (locked.months.has(r.month)) lockedRows.push({ kodeSubGiat: r.kodeSubGiat, month: r.month });
            else realizations.push({ ...r, node });
          }

          const writtenAllocations = allocations.length ? await this.upsertAllocations(tx, batch, allocations) : [];
          const writtenRealizations = realizations.length ? await this.upsertRealizations(tx, batch.year, realizations) : [];
          const a = counts(writtenAllocations);
          const r = counts(writtenRealizations);
          if (a.inserted + a.updated + r.inserted + r.updated > 0) {
            await writeAuditMany(tx, [
              ...auditRows<AllocationValues>('budget_allocations', writtenAllocations, ['pagu', 'sipd_code', 'source'], allocationAuditValues),
              ...auditRows<RealizationValues>('budget_realizations', writtenRealizations, ['amount', 'source'], realizationAuditValues),
              {
                actor: SIPD_SYNC_ACTOR,
                ip: null,
                operation: 'sipd_upsert',
                table: 'budget',
                rowId: `${batch.year}:${batch.revision}`,
                newValues: {
                  year: batch.year,
                  revision: batch.revision,
                  allocations: a,
                  realizations: r,
                  unknownCodes: unknownCodes.length,
                  ambiguousCodes: ambiguousCodes.length,
                  lockedRows: lockedRows.length,
                  lockedAllocations: lockedAllocations.length,
                },
              },
            ]);
          }
          return { inserted: a.inserted + r.inserted, updated: a.updated + r.updated, unknownCodes, ambiguousCodes, lockedRows, lockedAllocations };
        }),
      // A node deleted between the lookup and the write; the sync retries the batch.
      { referenced: 'A sub-activity of the batch was deleted meanwhile; send the batch again' },
    );
  }

  /*
   * The upserts below capture the values they replace in the same statement: `old` locks and reads
   * the conflicting rows (every sub-statement shares one snapshot, so it sees them as they were),
   * and the INSERT's source joins it, so each old row is read and locked before its upsert touches
   * it (a row already changed by this statement would be skipped by FOR UPDATE). The RETURNING of
   * the written rows joined to `old` by id gives old and new values; `xmax = 0` tells a fresh
   * insert from an update of a conflicting row. Unchanged rows are not written, so not returned.
   */

  private upsertAllocations(tx: EntityManager, batch: SipdBatch, rows: Array<BudgetAllocationRow & { node: ResolvedNode }>): Promise<Array<Upserted<AllocationValues>>> {
    return tx.query(
      `WITH t AS (
         SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::numeric[]) AS t(id, node_id, opd_id, sipd_code, pagu)
       ), old AS (
         SELECT a.id, a.node_id, a.pagu, a.sipd_code, a.source
           FROM core.budget_allocations a
          WHERE a.node_id IN (SELECT node_id FROM t) AND a.year = $6 AND a.revision = $7
            FOR UPDATE
       ), upserted AS (
         INSERT INTO core.budget_allocations AS a (id, node_type, node_id, opd_id, year, revision, pagu, sipd_code, source)
         SELECT t.id, 'sub_activity', t.node_id, t.opd_id, $6, $7, t.pagu, t.sipd_code, 'sipd'
           FROM t LEFT JOIN old o ON o.node_id = t.node_id
         ON CONFLICT (node_id, year, revision) DO UPDATE
            SET pagu = EXCLUDED.pagu, sipd_code = EXCLUDED.sipd_code, source = EXCLUDED.source, updated_at = now(), version = a.version + 1
          WHERE (a.pagu, a.sipd_code, a.source) IS DISTINCT FROM (EXCLUDED.pagu, EXCLUDED.sipd_code, EXCLUDED.source)
         RETURNING a.id, a.node_type, a.node_id, a.opd_id, a.year, a.revision, a.pagu, a.sipd_code, a.source, (a.xmax = 0) AS inserted
       )
       SELECT u.id, u.node_type, u.node_id, u.opd_id, u.year, u.revision, u.pagu::text AS pagu, u.sipd_code, u.source, u.inserted,
              o.pagu::text AS old_pagu, o.sipd_code AS old_sipd_code, o.source AS old_source
         FROM upserted u LEFT JOIN old o ON o.id = u.id
        ORDER BY u.node_id`,
      [rows.map(() => uuidv7()), rows.map((r) => r.node.node_id), rows.map((r) => r.node.opd_id), rows.map((r) => r.kodeSubGiat), rows.map((r) => r.pagu), batch.year, batch.revision],
    );
  }

  private upsertRealizations(tx: EntityManager, year: number, rows: Array<BudgetRealizationRow & { node: ResolvedNode }>): Promise<Array<Upserted<RealizationValues>>> {
    return tx.query(
      `WITH t AS (
         SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::int[], $5::numeric[]) AS t(id, node_id, opd_id, month, amount)
       ), old AS (
         SELECT r.id, r.node_id, r.month, r.amount, r.source
           FROM core.budget_realizations r
          WHERE (r.node_id, r.month) IN (SELECT node_id, month FROM t) AND r.year = $6
            FOR UPDATE
       ), upserted AS (
         INSERT INTO core.budget_realizations AS r (id, node_type, node_id, opd_id, year, month, amount, source)
         SELECT t.id, 'sub_activity', t.node_id, t.opd_id, $6, t.month, t.amount, 'sipd'
           FROM t LEFT JOIN old o ON o.node_id = t.node_id AND o.month = t.month
         ON CONFLICT (node_id, year, month) DO UPDATE
            SET amount = EXCLUDED.amount, source = EXCLUDED.source, updated_at = now(), version = r.version + 1
          WHERE (r.amount, r.source) IS DISTINCT FROM (EXCLUDED.amount, EXCLUDED.source)
         RETURNING r.id, r.node_type, r.node_id, r.opd_id, r.year, r.month, r.amount, r.source, (r.xmax = 0) AS inserted
       )
       SELECT u.id, u.node_type, u.node_id, u.opd_id, u.year, u.month, u.amount::text AS amount, u.source, u.inserted,
              o.amount::text AS old_amount, o.source AS old_source
         FROM upserted u LEFT JOIN old o ON o.id = u.id
        ORDER BY u.node_id, u.month`,
      [rows.map(() => uuidv7()), rows.map((r) => r.node.node_id), rows.map((r) => r.node.opd_id), rows.map((r) => r.month), rows.map((r) => r.amount), year],
    );
  }
}
