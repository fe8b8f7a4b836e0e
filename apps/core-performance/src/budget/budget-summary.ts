import type { BudgetNodeType, BudgetRevision, BudgetSummaryRowView, BudgetSummaryTotalView, EfficiencyLevel } from '@sakip/contracts';
import type Decimal from 'decimal.js';
import { round2, toApiNumber } from '../capaian/category';
import { weightedMean } from '../capaian/rollup';
import type { Period } from '../periods/period-calendar';
import { performanceRow, type EnteredAchievement, type IndicatorForPerformance } from '../performance/performance-rows';
import { money, Money } from './budget-rows';
import { monthPeriod } from './budget-rules';
import { indonesianOrder } from '../common/indonesian-order';

/**
 * `GET /budget/summary` computed from its inputs, pure (DOMAIN.md "Budget"): serapan, the node's
 * capaian and the efficiency band per node, and totals per OPD and level. Decimal throughout;
 * numbers are rounded half-up to 2 decimals only for output.
 */

/** One node with budget data in the year, as the summary query returns it. */
export interface SummaryNodeRow {
  node_id: string;
  node_type: BudgetNodeType;
  code: string;
  name: string;
  opd_id: string;
  sipd_code: string | null;
  /** Of the latest revision; null without an allocation. */
  pagu: string | null;
  revision: BudgetRevision | null;
  /** Months 1..month (or all) summed. */
  realization: string;
  /** The latest month with a realization (through `month` when given); null when none. */
  through_month: number | null;
}

/** An indicator hanging on one of the nodes, with what the roll-up needs. */
export interface SummaryIndicator extends IndicatorForPerformance {
  parent_id: string;
  weight: string;
}

export interface SummaryInputs {
  nodes: SummaryNodeRow[];
  indicators: SummaryIndicator[];
  /** indicator id → {Y: annual, Q1…, M01…}. */
  targets: ReadonlyMap<string, Partial<Record<Period, string>>>;
  /** indicator id → period → its achievement. */
  achievements: ReadonlyMap<string, ReadonlyMap<string, EnteredAchievement>>;
  cap: string | null;
  efficientAbove: string;
  inefficientBelow: string;
}

export interface SummaryResult {
  rows: BudgetSummaryRowView[];
  totals: BudgetSummaryTotalView[];
}

/** realization / pagu × 100, unrounded; null when there is no pagu or it is 0 (nothing to absorb). */
export function serapanOf(realization: string, pagu: string | null): Decimal | null {
  if (pagu === null) return null;
  const p = new Money(pagu);
  return p.isZero() ? null : new Money(realization).times(100).div(p);
}

/**
 * The band of capaian − serapan, both as shown (rounded to 2 decimals, as categories are judged on
 * the rounded value): above `efficientAbove` efficient, below `inefficientBelow` inefficient,
 * between them (bounds included) fairly efficient; null when either side is null.
 */
export function efficiencyOf(capaian: Decimal | null, serapan: Decimal | null, efficientAbove: string, inefficientBelow: string): EfficiencyLevel | null {
  if (capaian === null || serapan === null) return null;
  const difference = new Money(round2(capaian)).minus(round2(serapan));
  if (difference.gt(efficientAbove)) return 'efficient';
  if (difference.lt(inefficientBelow)) return 'inefficient';
  return 'fairly_efficient';
}

/**
 * The node's capaian: the weighted mean of its indicators' cumulative capaian (performance rows'
 * rules: s.d. `period`, reported achievements only), not-scored ones skipped; null when none scored.
 */
function nodeCapaian(indicators: readonly SummaryIndicator[], inputs: SummaryInputs, year: number, period: Period): Decimal | null {
  const items = indicators.map((i) => ({
    value: performanceRow(i, year, period, inputs.targets.get(i.id) ?? {}, inputs.achievements.get(i.id) ?? new Map(), { cap: inputs.cap }).capaian,
    weight: i.weight,
  }));
  return weightedMean(items).value;
}

const LEVEL_ORDER: Record<BudgetNodeType, number> = { program: 0, activity: 1, sub_activity: 2 };

/** Rows per node, and totals per OPD and level; `month` null = the year so far. */
export function budgetSummary(inputs: SummaryInputs, year: number, month: number | null): SummaryResult {
  const period: Period = month === null ? 'Y' : monthPeriod(month);
  const byNode = new Map<string, SummaryIndicator[]>();
  for (const i of inputs.indicators) byNode.set(i.parent_id, [...(byNode.get(i.parent_id) ?? []), i]);

  const rows = inputs.nodes.map((n): BudgetSummaryRowView => {
    const serapan = serapanOf(n.realization, n.pagu);
    const capaian = nodeCapaian(byNode.get(n.node_id) ?? [], inputs, year, period);
    return {
      nodeType: n.node_type,
      nodeId: n.node_id,
      nodeCode: n.code,
      nodeName: n.name,
      opdId: n.opd_id,
      sipdCode: n.sipd_code,
      pagu: n.pagu === null ? null : money(n.pagu),
      revision: n.revision,
      realization: money(n.realization),
      throughMonth: month ?? n.through_month,
      serapan: toApiNumber(serapan),
      capaian: toApiNumber(capaian),
      efficiency: efficiencyOf(capaian, serapan, inputs.efficientAbove, inputs.inefficientBelow),
    };
  });
  return { rows, totals: totalsOf(inputs.nodes) };
}

/**
 * Σ pagu and Σ realization per OPD and level (levels are never added together: a program's pagu
 * holds its activities'). Serapan divides only what was spent against an allocation: the
 * realization of nodes without one has no pagu in the sum, so it is reported apart
 * (`unallocatedRealization`) instead of inflating `realization` and serapan.
 */
export function totalsOf(nodes: readonly SummaryNodeRow[]): BudgetSummaryTotalView[] {
  const groups = new Map<string, { opdId: string; nodeType: BudgetNodeType; nodes: number; pagu: Decimal; realization: Decimal; unallocated: Decimal }>();
  for (const n of nodes) {
    const key = `${n.opd_id}:${n.node_type}`;
    const g = groups.get(key) ?? { opdId: n.opd_id, nodeType: n.node_type, nodes: 0, pagu: new Money(0), realization: new Money(0), unallocated: new Money(0) };
    g.nodes += 1;
    if (n.pagu !== null) {
      g.pagu = g.pagu.plus(n.pagu);
      g.realization = g.realization.plus(n.realization);
    } else {
      g.unallocated = g.unallocated.plus(n.realization);
    }
    groups.set(key, g);
  }
  return [...groups.values()]
    .sort((a, b) => (a.opdId < b.opdId ? -1 : a.opdId > b.opdId ? 1 : LEVEL_ORDER[a.nodeType] - LEVEL_ORDER[b.nodeType]))
    .map((g) => ({
      opdId: g.opdId,
      nodeType: g.nodeType,
      nodes: g.nodes,
      pagu: money(g.pagu),
      realization: money(g.realization),
      unallocatedRealization: money(g.unallocated),
      serapan: toApiNumber(g.pagu.isZero() ? null : g.realization.times(100).div(g.pagu)),
    }));
}

const byCode = indonesianOrder;

type SortKey = (r: BudgetSummaryRowView) => Decimal | null;
const NUMERIC: Record<string, SortKey> = {
  pagu: (r) => (r.pagu === null ? null : new Money(r.pagu)),
  realization: (r) => new Money(r.realization),
  serapan: (r) => (r.serapan === null ? null : new Money(r.serapan)),
  capaian: (r) => (r.capaian === null ? null : new Money(r.capaian)),
};

/**
 * Sorts by `nodeCode` (default; OPD, then code in natural order, then level) or a figure (`-` =
 * descending); null figures come last either way; ties fall back to the code order, so pages are
 * stable. The field list is the DTO's (validated before this).
 */
export function sortSummaryRows(rows: readonly BudgetSummaryRowView[], sort: string | undefined): BudgetSummaryRowView[] {
  const raw = sort ?? 'nodeCode';
  const desc = raw.startsWith('-');
  const field = desc ? raw.slice(1) : raw;
  const dir = desc ? -1 : 1;
  const codeOrder = (a: BudgetSummaryRowView, b: BudgetSummaryRowView) =>
    (a.opdId < b.opdId ? -1 : a.opdId > b.opdId ? 1 : 0) ||
    byCode.compare(a.nodeCode, b.nodeCode) ||
    LEVEL_ORDER[a.nodeType] - LEVEL_ORDER[b.nodeType] ||
    (a.nodeId < b.nodeId ? -1 : a.nodeId > b.nodeId ? 1 : 0);
  const key = Object.hasOwn(NUMERIC, field) ? NUMERIC[field] : undefined;
  return [...rows].sort((a, b) => {
    if (!key) return dir * codeOrder(a, b);
    const x = key(a);
    const y = key(b);
    if (x === null || y === null) return x === y ? codeOrder(a, b) : x === null ? 1 : -1;
    return dir * x.comparedTo(y) || codeOrder(a, b);
  });
}
