import type { TargetView } from '@sakip/contracts';
import { formatNumber } from '../format/format';
import { labelOf, periodName } from '../format/labels';
import type { Block } from '../model';
import { budgetTable } from './lkjip';
import { mean, objectiveTitle, opdPlan, type DocContext } from './doc-context';
import { columnsOf } from './columns';

function opdHeading(ctx: DocContext, title: string, name: string): Block[] {
  return [{ kind: 'heading', text: `${title} ${ctx.l.year} ${ctx.spec.year}`, level: 1 }, { kind: 'heading', text: name, level: 2 }];
}

/** IKU: No | Sasaran | IKU | Definisi Operasional | Formula | Satuan | Target per Renstra year | Sumber Data | Penanggung Jawab. */
export async function* iku(ctx: DocContext): AsyncGenerator<Block> {
  const { l } = ctx;
  const c = columnsOf(l);
  for (const [n, opd] of ctx.opds.entries()) {
    if (n > 0) yield { kind: 'pageBreak' };
    yield* opdHeading(ctx, l.ikuTitle, opd.name);
    const plan = await opdPlan(ctx, opd);
    const years = plan.plan ? Array.from({ length: plan.plan.periodEnd - plan.plan.periodStart + 1 }, (_, i) => (plan.plan?.periodStart ?? 0) + i) : [ctx.spec.year];
    const rows = plan.groups.flatMap((g) => g.indicators.filter((i) => i.isIku).map((ind) => ({ g, ind })));
    const targets = await Promise.all(rows.map(({ ind }) => ctx.reader.planTargets(ind.id)));
    yield {
      kind: 'table',
      columns: [c.no, c.objective(2), c.text(l.iku, 2.2), c.text(l.definition, 2.2), c.text(l.formula, 1.8), c.unit(0.9), ...years.map((y) => c.number(`${l.target} ${y}`, 0.9)), c.text(l.dataSource, 1.3), c.text(l.pic, 1.3)],
      rows: rows.map(({ g, ind }, i) => [i + 1, g.objective?.name ?? l.noObjective, ind.name, ind.definition, ind.formula, ind.unit, ...years.map((y) => targets[i]?.get(y) ?? null), ind.dataSource ?? '–', ind.personInCharge ?? '–']),
    };
  }
}

/** The quarter values of a year's target split, by the indicator's frequency and aggregation. */
export function quarterTargets(t: TargetView | null, aggregation: string): Array<number | null> {
  if (!t) return [null, null, null, null];
  const p = t.periods;
  if (['Q1', 'Q2', 'Q3', 'Q4'].some((q) => q in p)) return ['Q1', 'Q2', 'Q3', 'Q4'].map((q) => p[q] ?? null);
  if ('M01' in p) {
    return [0, 1, 2, 3].map((q) => {
      const months = [1, 2, 3].map((m) => p[`M${String(q * 3 + m).padStart(2, '0')}`]).filter((v): v is number => typeof v === 'number');
      if (!months.length) return null;
      if (aggregation === 'sum') return months.reduce((a, b) => a + b, 0);
      if (aggregation === 'average') return months.reduce((a, b) => a + b, 0) / months.length;
      return months[months.length - 1] ?? null;
    });
  }
  if ('S1' in p) return [null, p['S1'] ?? null, null, p['S2'] ?? null];
  return [null, null, null, t.annual];
}

/** Rencana Aksi: the year's target per indicator split into TW I–IV. */
export async function* rencanaAksi(ctx: DocContext): AsyncGenerator<Block> {
  const { l } = ctx;
  const c = columnsOf(l);
  const tw = ['I', 'II', 'III', 'IV'].map((q) => (ctx.spec.language === 'id' ? `TW ${q}` : `Q${['I', 'II', 'III', 'IV'].indexOf(q) + 1}`));
  for (const [n, opd] of ctx.opds.entries()) {
    if (n > 0) yield { kind: 'pageBreak' };
    yield* opdHeading(ctx, l.raTitle, opd.name);
    const plan = await opdPlan(ctx, opd);
    for (const [gi, g] of plan.groups.entries()) {
      yield { kind: 'heading', text: objectiveTitle(ctx, g, gi), level: 3 };
      const targets = await Promise.all(g.indicators.map((i) => ctx.reader.target(i.id, ctx.spec.year)));
      yield {
        kind: 'table',
        columns: [
          c.no,
          c.indicator(3.4),
          c.unit(),
          c.number(l.annualTarget, 1.2),
          ...tw.map((h) => ({ header: h, width: 1, type: 'number' as const })),
        ],
        rows: g.indicators.map((ind, i) => [i + 1, ind.name, ind.unit, targets[i]?.annual ?? null, ...quarterTargets(targets[i] ?? null, ind.aggregation)]),
      };
    }
  }
}

/** Capaian per period: target, realization, capaian, category and status per indicator, s.d. the period. */
export async function* capaian(ctx: DocContext): AsyncGenerator<Block> {
  const { l, spec } = ctx;
  const c = columnsOf(l);
  const period = spec.period ?? 'Y';
  for (const [n, opd] of ctx.opds.entries()) {
    if (n > 0) yield { kind: 'pageBreak' };
    yield { kind: 'heading', text: `${l.capaianTitle} ${l.year} ${spec.year}`, level: 1 };
    yield { kind: 'heading', text: `${opd.name} — ${l.period}: ${periodName(period, spec.language)}`, level: 2 };
    const plan = await opdPlan(ctx, opd);
    const rows = await ctx.reader.performance(opd.id, spec.year, period);
    if (!plan.indicators.length) {
      yield { kind: 'paragraph', text: l.noData };
      continue;
    }
    yield {
      kind: 'table',
      columns: [
        c.no,
        c.objective(),
        c.indicator(3),
        c.unit(0.9),
        c.number(l.target),
        c.number(l.realization),
        c.percent(l.capaian),
        c.text(l.category, 1.2),
        c.text(l.status, 1.1),
      ],
      rows: plan.groups.flatMap((g) =>
        g.indicators.map((ind) => {
          const r = rows.get(ind.id);
          return [null, g.objective?.name ?? l.noObjective, ind.name, ind.unit, r?.target ?? null, r?.realization ?? null, r?.capaian ?? null, r?.category ? labelOf(l, r.category) : l.notScored, labelOf(l, r?.status)];
        }),
      ).map((row, i) => [i + 1, ...row.slice(1)]),
    };
    const values = plan.indicators.map((i) => rows.get(i.id)?.capaian ?? null);
    const scored = values.filter((v) => v !== null).length;
    yield {
      kind: 'paragraph',
      text:
        spec.language === 'id'
          ? `${scored} dari ${values.length} indikator telah dinilai; rata-rata capaian ${formatNumber(mean(values), spec.language)}%.`
          : `${scored} of ${values.length} indicators scored; average achievement ${formatNumber(mean(values), spec.language)}%.`,
    };
  }
}

/** Realisasi Anggaran: every budget node (program, kegiatan, sub kegiatan) with pagu, realization, remaining and serapan. */
export async function* realisasiAnggaran(ctx: DocContext): AsyncGenerator<Block> {
  const { l } = ctx;
  const c = columnsOf(l);
  for (const [n, opd] of ctx.opds.entries()) {
    if (n > 0) yield { kind: 'pageBreak' };
    yield* opdHeading(ctx, l.budgetTitle, opd.name);
    const programs = await ctx.reader.budget(opd.id, ctx.spec.year, 'program');
    yield budgetTable(ctx, programs.rows, programs.totals);
    const subs = await ctx.reader.budget(opd.id, ctx.spec.year, 'sub_activity');
    yield {
      kind: 'table',
      columns: [
        c.text(l.code, 1.8),
        c.text(l.description, 3.4),
        c.money(l.pagu),
        c.money(l.realizationRp),
        c.money(l.remaining),
        c.percent(l.serapan, 1),
      ],
      rows: subs.rows.map((b) => [b.sipdCode ?? b.nodeCode, b.nodeName, b.pagu, b.realization, b.pagu === null ? null : (Number(b.pagu) - Number(b.realization)).toFixed(2), b.serapan]),
    };
  }
}
