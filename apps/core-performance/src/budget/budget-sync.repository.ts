import { Injectable } from '@nestjs/common';
import type { BudgetAllocationRow, BudgetRealizationRow, BudgetRevision, BudgetUpsertResult } from '@sakip/contracts';
import { uuidv7 } from '@sakip/persistence';
import { DataSource, type EntityManager } from 'typeorm';
import { writeAudit } from '../audit/core-audit';
import { mapConstraintErrors } from '../database/pg-errors';
import { lockedMonths } from './budget-periods';
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

const NONE: Counts = { inserted: 0, updated: 0 };

/**
 * Applies a SIPD batch set-based (DOMAIN.md "Integrations": synced by code, idempotent), in one
 * transaction and a fixed number of statements: the period guard's year lock and the locked months,
 * one lookup of every code, one INSERT … ON CONFLICT per kind, one audit row. A conflicting row is
 * rewritten only when a value differs, so re-sending a batch touches nothing (no version bump, no
 * audit row, no cache invalidation).
 */
@Injectable()
export class BudgetSyncRepository {
  constructor(private readonly ds: DataSource) {}

  apply(batch: SipdBatch): Promise<BudgetUpsertResult> {
    return mapConstraintErrors(
      () =>
        this.ds.transaction(async (tx) => {
          // First statement (the period guard's shared year lock): a lock of a month cannot slip in meanwhile.
          const locked = batch.realizations.length ? await lockedMonths(tx, batch.year) : new Set<number>();
          const codes = new Set([...batch.allocations.map((a) => a.kodeSubGiat), ...batch.realizations.map((r) => r.kodeSubGiat)]);
          const matches: Array<{ sipd_code: string; node_id: string; opd_id: string }> = await tx.query(
            `SELECT n.sipd_code, n.id AS node_id, n.opd_id
               FROM core.plan_nodes n JOIN core.strategic_plans sp ON sp.id = n.strategic_plan_id
              WHERE n.level = 'sub_activity' AND n.opd_id IS NOT NULL AND n.sipd_code = ANY($1::text[]) AND $2 BETWEEN sp.period_start AND sp.period_end`,
            [[...codes], batch.year],
          );
          const { nodes, unknownCodes, ambiguousCodes } = resolveCodes(codes, matches);

          const allocations = batch.allocations.flatMap((a) => {
            const node = nodes.get(a.kodeSubGiat);
            return node ? [{ ...a, node }] : [];
          });
          const lockedRows: BudgetUpsertResult['lockedRows'] = [];
          const realizations: Array<BudgetRealizationRow & { node: ResolvedNode }> = [];
          for (const r of batch.realizations) {
            const node = nodes.get(r.kodeSubGiat);
            if (!node) continue;
            if (locked.has(r.month)) lockedRows.push({ kodeSubGiat: r.kodeSubGiat, month: r.month });
            else realizations.push({ ...r, node });
          }

          const a = allocations.length ? await this.upsertAllocations(tx, batch, allocations) : NONE;
          const r = realizations.length ? await this.upsertRealizations(tx, batch.year, realizations) : NONE;
          if (a.inserted + a.updated + r.inserted + r.updated > 0) {
            await writeAudit(tx, {
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
              },
            });
          }
          return { inserted: a.inserted + r.inserted, updated: a.updated + r.updated, unknownCodes, ambiguousCodes, lockedRows };
        }),
      // A node deleted between the lookup and the write; the sync retries the batch.
      { referenced: 'A sub-activity of the batch was deleted meanwhile; send the batch again' },
    );
  }

  /** `xmax = 0` tells a fresh insert from an update of a conflicting row. */
  private async upsertAllocations(tx: EntityManager, batch: SipdBatch, rows: Array<BudgetAllocationRow & { node: ResolvedNode }>): Promise<Counts> {
    const [counts]: Counts[] = await tx.query(
      `WITH upserted AS (
         INSERT INTO core.budget_allocations AS a (id, node_type, node_id, opd_id, year, revision, pagu, sipd_code, source)
         SELECT t.id, 'sub_activity', t.node_id, t.opd_id, $6, $7, t.pagu, t.sipd_code, 'sipd'
           FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::numeric[]) AS t(id, node_id, opd_id, sipd_code, pagu)
         ON CONFLICT (node_id, year, revision) DO UPDATE
            SET pagu = EXCLUDED.pagu, sipd_code = EXCLUDED.sipd_code, source = EXCLUDED.source, updated_at = now(), version = a.version + 1
          WHERE (a.pagu, a.sipd_code, a.source) IS DISTINCT FROM (EXCLUDED.pagu, EXCLUDED.sipd_code, EXCLUDED.source)
         RETURNING (a.xmax = 0) AS inserted
       )
       SELECT count(*) FILTER (WHERE inserted)::int AS inserted, count(*) FILTER (WHERE NOT inserted)::int AS updated FROM upserted`,
      [rows.map(() => uuidv7()), rows.map((r) => r.node.node_id), rows.map((r) => r.node.opd_id), rows.map((r) => r.kodeSubGiat), rows.map((r) => r.pagu), batch.year, batch.revision],
    );
    return counts;
  }

  private async upsertRealizations(tx: EntityManager, year: number, rows: Array<BudgetRealizationRow & { node: ResolvedNode }>): Promise<Counts> {
    const [counts]: Counts[] = await tx.query(
      `WITH upserted AS (
         INSERT INTO core.budget_realizations AS r (id, node_type, node_id, opd_id, year, month, amount, source)
         SELECT t.id, 'sub_activity', t.node_id, t.opd_id, $6, t.month, t.amount, 'sipd'
           FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::int[], $5::numeric[]) AS t(id, node_id, opd_id, month, amount)
         ON CONFLICT (node_id, year, month) DO UPDATE
            SET amount = EXCLUDED.amount, source = EXCLUDED.source, updated_at = now(), version = r.version + 1
          WHERE (r.amount, r.source) IS DISTINCT FROM (EXCLUDED.amount, EXCLUDED.source)
         RETURNING (r.xmax = 0) AS inserted
       )
       SELECT count(*) FILTER (WHERE inserted)::int AS inserted, count(*) FILTER (WHERE NOT inserted)::int AS updated FROM upserted`,
      [rows.map(() => uuidv7()), rows.map((r) => r.node.node_id), rows.map((r) => r.node.opd_id), rows.map((r) => r.month), rows.map((r) => r.amount), year],
    );
    return counts;
  }
}
