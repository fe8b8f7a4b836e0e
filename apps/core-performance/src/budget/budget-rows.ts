import type { BudgetAllocationView, BudgetNodeType, BudgetRealizationView, BudgetRevision, BudgetSource } from '@sakip/contracts';
import type Decimal from 'decimal.js';
import { CapaianDecimal } from '../capaian/capaian';

/**
 * Money arithmetic (DOMAIN.md "Budget": exact decimal, never float): the capaian engine's decimal
 * (50 significant digits, half-up). numeric(18,2) has at most 18 digits, so every sum of a year's
 * rows and every serapan division stays exact before its final rounding.
 */
export const Money = CapaianDecimal;

/** numeric text → API money: a string with exactly two decimals (`"1250000000.00"`). */
export function money(value: string | Decimal): string {
  return new Money(value).toFixed(2);
}

/** A `core.budget_allocations` row as pg returns it (numeric as string). */
export interface AllocationRow {
  id: string;
  node_type: BudgetNodeType;
  node_id: string;
  opd_id: string;
  year: number;
  revision: BudgetRevision;
  pagu: string;
  sipd_code: string | null;
  source: BudgetSource;
  created_at: Date;
  updated_at: Date;
  version: number;
}

export const ALLOCATION_COLUMNS = 'id, node_type, node_id, opd_id, year, revision, pagu, sipd_code, source, created_at, updated_at, version';

/** A `core.budget_realizations` row plus `cumulative` (its node's months 1..month of the year). */
export interface RealizationRow {
  id: string;
  node_type: BudgetNodeType;
  node_id: string;
  opd_id: string;
  year: number;
  month: number;
  amount: string;
  cumulative: string;
  source: BudgetSource;
  created_at: Date;
  updated_at: Date;
  version: number;
}

/** Columns of `core.budget_realizations r` with the computed cumulative (served by the unique key's index). */
export const REALIZATION_COLUMNS = `r.id, r.node_type, r.node_id, r.opd_id, r.year, r.month, r.amount, r.source, r.created_at, r.updated_at, r.version,
  (SELECT sum(c.amount) FROM core.budget_realizations c WHERE c.node_id = r.node_id AND c.year = r.year AND c.month <= r.month)::text AS cumulative`;

export function toAllocationView(r: AllocationRow): BudgetAllocationView {
  return {
    id: r.id,
    nodeType: r.node_type,
    nodeId: r.node_id,
    opdId: r.opd_id,
    year: r.year,
    revision: r.revision,
    pagu: money(r.pagu),
    sipdCode: r.sipd_code,
    source: r.source,
    version: r.version,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
  };
}

export function toRealizationView(r: RealizationRow): BudgetRealizationView {
  return {
    id: r.id,
    nodeType: r.node_type,
    nodeId: r.node_id,
    opdId: r.opd_id,
    year: r.year,
    month: r.month,
    amount: money(r.amount),
    cumulative: money(r.cumulative),
    source: r.source,
    version: r.version,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
  };
}

/** What an allocation's audit row records (money as the API writes it). */
export function allocationAuditValues(r: Pick<AllocationRow, 'node_type' | 'node_id' | 'opd_id' | 'year' | 'revision' | 'pagu' | 'sipd_code' | 'source'>): Record<string, unknown> {
  return { nodeType: r.node_type, nodeId: r.node_id, opdId: r.opd_id, year: r.year, revision: r.revision, pagu: money(r.pagu), sipdCode: r.sipd_code, source: r.source };
}

export function realizationAuditValues(r: Pick<RealizationRow, 'node_type' | 'node_id' | 'opd_id' | 'year' | 'month' | 'amount' | 'source'>): Record<string, unknown> {
  return { nodeType: r.node_type, nodeId: r.node_id, opdId: r.opd_id, year: r.year, month: r.month, amount: money(r.amount), source: r.source };
}
