import type { BudgetNodeType, BudgetUpsertRequest, ErrorDetail, PlanLevel } from '@sakip/contracts';
import { yearOutsidePlan } from '../indicators/target-values';
import { isPeriod, monthsOf, type Period } from '../periods/period-calendar';
import { parseSipdCode } from '../planning/sipd-code';

/**
 * Budget rules (DOMAIN.md "Budget"), pure: which node a budget row may hang on, SIPD codes, months
 * and locks, and the shape of a SIPD batch. No I/O.
 */

/** A plan node as a budget write needs it. */
export interface BudgetNode {
  id: string;
  level: PlanLevel;
  opd_id: string | null;
  sipd_code: string | null;
  period_start: number;
  period_end: number;
}

const LABELS: Record<BudgetNodeType, string> = { program: 'Program', activity: 'Activity', sub_activity: 'Sub-activity' };

/** `notFound(...)` name of a node of this type. */
export function nodeLabel(nodeType: BudgetNodeType): string {
  return LABELS[nodeType];
}

/**
 * Problems of hanging a `nodeType` row of `year` on `node`: its level must equal nodeType, it must
 * belong to an OPD (the RPJMD has no budget of its own: OPDs spend it), and the year must lie in
 * its plan period.
 */
export function nodeProblems(node: BudgetNode, nodeType: BudgetNodeType, year: number): ErrorDetail[] {
  const errors: ErrorDetail[] = [];
  if (node.level !== nodeType) errors.push({ field: 'nodeType', message: `node ${node.id} is a ${node.level}, not a ${nodeType}` });
  if (node.opd_id === null) errors.push({ field: 'nodeId', message: 'budgets belong to nodes of an OPD Renstra, not of the Pemda RPJMD' });
  const outside = yearOutsidePlan(year, node.period_start, node.period_end);
  if (outside) errors.push(outside);
  return errors;
}

/** Null when `code` is a well-formed SIPD code of the level (planning's own rule), else the problem. */
export function sipdCodeProblem(nodeType: BudgetNodeType, code: string): ErrorDetail | null {
  const parsed = parseSipdCode(nodeType, code);
  return parsed.ok ? null : { field: 'sipdCode', message: parsed.message };
}

/** Month 1–12 → its period key `M01`…`M12` (the lock calendar's). */
export function monthPeriod(month: number): Period {
  const p = `M${String(month).padStart(2, '0')}`;
  if (!Number.isInteger(month) || !isPeriod(p)) throw new RangeError(`month must be 1–12, got ${month}`);
  return p;
}

/** The months (1–12) inside any of the locked periods (a lock covers every period inside it). */
export function monthsLockedBy(lockedPeriods: readonly string[]): Set<number> {
  const months = new Set<number>();
  for (const p of lockedPeriods) if (isPeriod(p)) for (const m of monthsOf(p)) months.add(m);
  return months;
}

/**
 * A SIPD batch is refused whole (400) when a code repeats among its allocations or a (code, month)
 * among its realizations: which of the two values would win is not ours to guess.
 */
export function batchProblems(req: Pick<BudgetUpsertRequest, 'allocations' | 'realizations'>): ErrorDetail[] {
  const errors: ErrorDetail[] = [];
  const seen = new Map<string, number>();
  (req.allocations ?? []).forEach((row, i) => {
    const first = seen.get(row.kodeSubGiat);
    if (first === undefined) seen.set(row.kodeSubGiat, i);
    else errors.push({ field: `allocations.${i}.kodeSubGiat`, message: `${row.kodeSubGiat} repeats allocations.${first}` });
  });
  const seenMonth = new Map<string, number>();
  (req.realizations ?? []).forEach((row, i) => {
    const key = `${row.kodeSubGiat}\u0000${row.month}`;
    const first = seenMonth.get(key);
    if (first === undefined) seenMonth.set(key, i);
    else errors.push({ field: `realizations.${i}`, message: `${row.kodeSubGiat} month ${row.month} repeats realizations.${first}` });
  });
  return errors;
}

/** A SIPD code resolved to the one sub-activity holding it. */
export interface ResolvedNode {
  node_id: string;
  opd_id: string;
}

export interface CodeResolution {
  nodes: Map<string, ResolvedNode>;
  unknownCodes: string[];
  ambiguousCodes: string[];
}

/**
 * Sorts the batch's codes by what the lookup found: exactly one sub-activity → resolved; none →
 * unknown; several (e.g. two OPDs' Renstras carry the same sub-kegiatan) → ambiguous, not written.
 */
export function resolveCodes(codes: Iterable<string>, matches: ReadonlyArray<{ sipd_code: string; node_id: string; opd_id: string }>): CodeResolution {
  const byCode = new Map<string, ResolvedNode[]>();
  for (const m of matches) byCode.set(m.sipd_code, [...(byCode.get(m.sipd_code) ?? []), { node_id: m.node_id, opd_id: m.opd_id }]);
  const nodes = new Map<string, ResolvedNode>();
  const unknown = new Set<string>();
  const ambiguous = new Set<string>();
  for (const code of codes) {
    const found = byCode.get(code) ?? [];
    if (found.length === 1) nodes.set(code, found[0]);
    else (found.length ? ambiguous : unknown).add(code);
  }
  return { nodes, unknownCodes: [...unknown].sort(), ambiguousCodes: [...ambiguous].sort() };
}
