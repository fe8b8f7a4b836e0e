import { BUDGET_ALLOCATIONS, BUDGET_REALIZATIONS, type BudgetNodeType, type BudgetSource } from '../core-tables';
import { DAY, HOUR, iso, officeHour, wib } from '../demo-calendar';
import type { Rng } from '../random';
import { TARGET_YEARS, type DemoModule, type DemoNode, type DemoOpd, type DemoWorld, type PerformanceTier } from './world';

/**
 * Budgets (APBD) of every OPD program, kegiatan and sub kegiatan for the target years: the murni
 * pagu, a perubahan on some nodes in 2025 and 2026, and monthly realizations rising through the
 * year. Sub kegiatan are drawn (they come from SIPD: source `sipd`); kegiatan and programs are the
 * exact sums of their children (entered by hand: `manual`), month by month and revision by
 * revision, so every level tells the same story. Money is integer sen (BigInt) until it becomes
 * 2-decimal text: no float ever touches an amount.
 */
export const budgetModule: DemoModule = {
  name: 'budget',
  generate(world) {
    world.data.rows(BUDGET_ALLOCATIONS);
    world.data.rows(BUDGET_REALIZATIONS);
    const children = new Map<string, DemoNode[]>();
    for (const n of world.nodes) {
      if (!n.parent) continue;
      const list = children.get(n.parent.id);
      if (list) list.push(n);
      else children.set(n.parent.id, [n]);
    }
    for (const opd of world.opds) {
      for (const program of world.nodes) {
        if (program.level === 'program' && program.plan.opd === opd) budgetOf(world, opd, program, children);
      }
    }
  },
};

/** A sub kegiatan's pagu lies in 50 juta – 5 miliar; murni is kept inside so a ±15 % perubahan stays in it too. */
const RIBU_MIN = 60_000n;
const RIBU_MAX = 4_300_000n;
/** 1 ribu rupiah = 100 000 sen. */
const SEN_PER_RIBU = 100_000n;

/** Pagu sizes of a sub kegiatan in ribu rupiah (SIPD pagu are whole thousands), with their frequency. */
const SIZE_MIX: ReadonlyArray<readonly [readonly [number, number], number]> = [
  [[60_000, 250_000], 40],
  [[250_000, 1_000_000], 40],
  [[1_000_000, 3_000_000], 15],
  [[3_000_000, 4_300_000], 5],
];

type Absorption = 'normal' | 'low' | 'over';

/** Year-end serapan (in basis points of the final pagu) and how often each band occurs by the OPD's tier. */
const ABSORPTION_BP: Record<Absorption, readonly [number, number]> = { normal: [7_000, 9_800], low: [3_500, 6_900], over: [10_020, 10_400] };
const ABSORPTION_MIX: Record<PerformanceTier, ReadonlyArray<readonly [Absorption, number]>> = {
  strong: [
    ['normal', 94],
    ['low', 5],
    ['over', 1],
  ],
  average: [
    ['normal', 89],
    ['low', 10],
    ['over', 1],
  ],
  weak: [
    ['normal', 79],
    ['low', 20],
    ['over', 1],
  ],
};

/** Share of the year's spending per month: slow start, back-loaded to December. Salaries run flat, with THR (April) and gaji ke-13 (June). */
const SPENDING_CURVE = [3, 5, 6, 7, 8, 8, 8, 9, 9, 10, 11, 16] as const;
const SALARY_CURVE = [8, 8, 8, 15, 8, 15, 8, 8, 8, 8, 8, 8] as const;

/** Years whose perubahan APBD the demo adopts (2024 stays murni). */
const PERUBAHAN_YEARS: ReadonlySet<number> = new Set([2025, 2026]);
const PERUBAHAN_SHARE = 0.3;

/** Murni DPA enter SIPD in early January; the perubahan DPA early October. */
const murniVisible = (year: number, asOf: number) => wib(year, 1, 20) <= asOf;
const perubahanVisible = (year: number, asOf: number) => PERUBAHAN_YEARS.has(year) && wib(year, 10, 20) <= asOf;
/** A month's realization is closed (SP2D reconciled) by the 10th of the next month. */
export function closedMonths(year: number, asOf: number): number {
  let months = 0;
  while (months < 12 && wib(year, months + 2, 10) <= asOf) months++;
  return months;
}

/** One node's budget in one year, every amount in sen. */
interface YearBudget {
  murni: bigint;
  murniAt: number;
  perubahan: bigint | null;
  perubahanAt: number | null;
  /** Amounts of the closed months (index 0 = January). */
  months: bigint[];
  monthAt: number[];
}

/** The budget of `node` (drawn for a sub kegiatan, summed for the others), its rows written; null when it has none. */
function budgetOf(world: DemoWorld, opd: DemoOpd, node: DemoNode, children: ReadonlyMap<string, DemoNode[]>): Map<number, YearBudget> | null {
  let years: Map<number, YearBudget> | null;
  if (node.level === 'sub_activity') {
    years = drawSubActivity(world, opd, node);
  } else {
    const parts = (children.get(node.id) ?? []).map((c) => budgetOf(world, opd, c, children)).filter((b): b is Map<number, YearBudget> => b !== null);
    years = parts.length ? sumOf(parts, node.level === 'program' ? 2 : 1) : null;
  }
  if (years) writeRows(world, opd, node, years);
  return years;
}

function drawSubActivity(world: DemoWorld, opd: DemoOpd, node: DemoNode): Map<number, YearBudget> {
  const { asOf } = world.options;
  const rng = world.rng.fork(`budget:${node.key}`);
  const salary = node.name.startsWith('Penyediaan Gaji');
  // Everything is drawn whatever the demo's "now", so an earlier --as-of shows a prefix of the same data.
  let ribu = salary ? salaryRibu(rng, opd) : BigInt(rng.int(...rng.weighted(SIZE_MIX)));
  const out = new Map<number, YearBudget>();
  TARGET_YEARS.forEach((year, i) => {
    if (i > 0) ribu = clampRibu(roundDiv(ribu * BigInt(rng.int(900, 1_150)), 1_000n));
    const murni = ribu * SEN_PER_RIBU;
    // ±5–15 %, rounded away from zero to whole thousands (so never under 5 %).
    const revised = rng.chance(PERUBAHAN_SHARE);
    const deltaRibu = ceilDiv(ribu * BigInt(rng.int(500, 1_490)), 10_000n) * (rng.chance(0.6) ? 1n : -1n);
    const perubahan = revised && perubahanVisible(year, asOf) ? (ribu + deltaRibu) * SEN_PER_RIBU : null;
    const band = salary ? null : rng.weighted(ABSORPTION_MIX[opd.tier]);
    const bp = band === null ? rng.int(9_400, 9_950) : rng.int(...ABSORPTION_BP[band]);
    const total = ((perubahan ?? murni) * BigInt(bp)) / 10_000n;
    const curve = salary ? SALARY_CURVE : SPENDING_CURVE;
    const weights = curve.map((w) => w * (salary ? rng.int(97, 103) : rng.int(60, 140)));
    const amounts = apportion(total, weights);
    const entered = amounts.map((_, m) => officeHour(wib(year, m + 2, rng.int(2, 7)), rng.next()));
    const murniAt = officeHour(wib(year, 1, 6 + (opd.index % 5)), rng.next());
    const perubahanAt = officeHour(wib(year, 10, 1 + (opd.index % 7)), rng.next());
    if (!murniVisible(year, asOf)) return;
    const closed = closedMonths(year, asOf);
    out.set(year, { murni, murniAt, perubahan, perubahanAt: perubahan === null ? null : perubahanAt, months: amounts.slice(0, closed), monthAt: entered.slice(0, closed) });
  });
  return out;
}

/** Gaji dan tunjangan: staff × 55–68 juta a year, a big office kept under the cap. */
function salaryRibu(rng: Rng, opd: DemoOpd): bigint {
  const staff = rng.int(...opd.profile.staff);
  const ribu = BigInt(staff) * BigInt(rng.int(55_000, 68_000));
  return ribu > RIBU_MAX ? BigInt(rng.int(3_900_000, Number(RIBU_MAX))) : clampRibu(ribu);
}

function clampRibu(ribu: bigint): bigint {
  return ribu < RIBU_MIN ? RIBU_MIN : ribu > RIBU_MAX ? RIBU_MAX : ribu;
}

/**
 * A parent's year: the sums of its children's, revision by revision (a perubahan when any child has
 * one: the children's latest pagu), month by month; entered after the last child (`step` hours or
 * days later for a program than for a kegiatan).
 */
function sumOf(parts: ReadonlyArray<Map<number, YearBudget>>, step: number): Map<number, YearBudget> {
  const out = new Map<number, YearBudget>();
  for (const year of parts[0].keys()) {
    const ys = parts.map((p) => p.get(year) as YearBudget);
    const revised = ys.some((y) => y.perubahan !== null);
    const months = ys[0].months.map((_, m) => sum(ys.map((y) => y.months[m])));
    out.set(year, {
      murni: sum(ys.map((y) => y.murni)),
      murniAt: Math.max(...ys.map((y) => y.murniAt)) + step * DAY,
      perubahan: revised ? sum(ys.map((y) => y.perubahan ?? y.murni)) : null,
      perubahanAt: revised ? Math.max(...ys.map((y) => y.perubahanAt ?? 0)) + step * DAY : null,
      months,
      monthAt: months.map((_, m) => Math.max(...ys.map((y) => y.monthAt[m])) + step * HOUR),
    });
  }
  return out;
}

function writeRows(world: DemoWorld, opd: DemoOpd, node: DemoNode, years: ReadonlyMap<number, YearBudget>): void {
  const allocations = world.data.rows(BUDGET_ALLOCATIONS);
  const realizations = world.data.rows(BUDGET_REALIZATIONS);
  const nodeType = node.level as BudgetNodeType;
  const source: BudgetSource = nodeType === 'sub_activity' ? 'sipd' : 'manual';
  const base = { node_type: nodeType, node_id: node.id, opd_id: opd.id, source, version: 1 };
  for (const [year, y] of years) {
    const revisions: Array<readonly ['murni' | 'perubahan', bigint, number]> = [['murni', y.murni, y.murniAt]];
    if (y.perubahan !== null && y.perubahanAt !== null) revisions.push(['perubahan', y.perubahan, y.perubahanAt]);
    for (const [revision, pagu, at] of revisions) {
      allocations.push({
        id: world.ids.id(`budget:${node.key}:${year}:${revision}`, at),
        ...base,
        year,
        revision,
        pagu: rupiah(pagu),
        sipd_code: node.sipdCode,
        created_at: iso(at),
        updated_at: iso(at),
      });
    }
    y.months.forEach((amount, m) => {
      const at = y.monthAt[m];
      realizations.push({ id: world.ids.id(`budget:${node.key}:${year}:M${m + 1}`, at), ...base, year, month: m + 1, amount: rupiah(amount), created_at: iso(at), updated_at: iso(at) });
    });
  }
}

/** Sen → numeric(18,2) text: 123456 → "1234.56". */
export function rupiah(sen: bigint): string {
  if (sen < 0n) throw new RangeError(`a negative amount: ${sen}`);
  return `${sen / 100n}.${String(sen % 100n).padStart(2, '0')}`;
}

/**
 * `total` split in proportion to `weights`, exactly (largest remainders, ties to the earlier
 * month): the parts always sum to `total`.
 */
export function apportion(total: bigint, weights: readonly number[]): bigint[] {
  const w = weights.map((x) => BigInt(x));
  const W = sum(w);
  if (W <= 0n) throw new RangeError('weights must add up to more than zero');
  const parts = w.map((x) => (total * x) / W);
  let rest = total - sum(parts);
  const order = w.map((x, i) => ({ i, r: (total * x) % W })).sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1));
  for (const { i } of order) {
    if (rest === 0n) break;
    parts[i] += 1n;
    rest -= 1n;
  }
  return parts;
}

const sum = (xs: readonly bigint[]) => xs.reduce((s, x) => s + x, 0n);
const ceilDiv = (a: bigint, b: bigint) => (a + b - 1n) / b;
const roundDiv = (a: bigint, b: bigint) => (a + b / 2n) / b;
