import type { Block } from '../model';
import { formatNumber } from '../format/format';
import { labelOf } from '../format/labels';
import { mean, objectiveTitle, opdPlan, placeOf, scopeName, type DocContext } from './doc-context';
import { columnsOf } from './columns';

/**
 * LKjIP (DOMAIN.md "Reports"): cover, Ikhtisar Eksekutif, Bab I–IV; per sasaran the target,
 * realization, capaian, the two previous years, the Renstra's final target, causes and
 * efficiency, then the budget realization per program. Pemda-wide: Bab III per OPD.
 */
export async function* lkjip(ctx: DocContext): AsyncGenerator<Block> {
  const { l, spec, settings } = ctx;
  const c = columnsOf(l);
  const y = spec.year;
  const id = spec.language === 'id';
  yield { kind: 'cover', lines: [l.lkjipTitle, l.lkjipShort, `${l.year} ${y}`, scopeName(ctx).toUpperCase()], footer: [settings.pemdaName.toUpperCase(), `${y + 1}`] };

  yield { kind: 'heading', text: l.preface, level: 1 };
  yield {
    kind: 'paragraph',
    text: id
      ? `Laporan Kinerja Instansi Pemerintah (LKjIP) ${scopeName(ctx)} Tahun ${y} disusun sebagai wujud pertanggungjawaban atas pelaksanaan tugas dan fungsi dalam mencapai sasaran strategis yang ditetapkan dalam Rencana Strategis dan Perjanjian Kinerja Tahun ${y}, sesuai Peraturan Presiden Nomor 29 Tahun 2014 tentang Sistem Akuntabilitas Kinerja Instansi Pemerintah dan Peraturan Menteri PANRB Nomor 53 Tahun 2014.`
      : `This Government Agency Performance Report (LKjIP) of ${scopeName(ctx)} for ${y} accounts for the achievement of the strategic objectives set in the Strategic Plan and the ${y} Performance Agreement, as required by Presidential Regulation 29/2014 on the Government Agency Performance Accountability System and PANRB Ministerial Regulation 53/2014.`,
  };

  const summaries: Array<{ name: string; scored: number; total: number; avg: number | null; achieved: number }> = [];
  const chapters: Block[][] = [];
  for (const opd of ctx.opds) {
    const blocks: Block[] = [];
    const plan = await opdPlan(ctx, opd);
    const [now, prev1, prev2, budget] = await Promise.all([
      ctx.reader.performance(opd.id, y),
      ctx.reader.performance(opd.id, y - 1),
      ctx.reader.performance(opd.id, y - 2),
      ctx.reader.budget(opd.id, y, 'program'),
    ]);
    if (ctx.opds.length > 1) blocks.push({ kind: 'heading', text: opd.name, level: 2 });
    blocks.push({ kind: 'heading', text: l.capaianOrg, level: ctx.opds.length > 1 ? 3 : 2 });
    const chartCategories: string[] = [];
    const chartSeries = [y - 2, y - 1, y].map((year) => ({ name: String(year), values: [] as Array<number | null> }));
    for (const [gi, g] of plan.groups.entries()) {
      blocks.push({ kind: 'heading', text: objectiveTitle(ctx, g, gi), level: 3 });
      const planEnd = plan.plan?.periodEnd;
      const finals = planEnd ? await Promise.all(g.indicators.map((i) => ctx.reader.finalTarget(i.id, planEnd))) : g.indicators.map(() => null);
      blocks.push({
        kind: 'table',
        columns: [
          c.no,
          c.indicator(),
          c.unit(),
          c.number(l.target),
          c.number(l.realization),
          c.percent(l.capaian),
          c.number(`${l.realization} ${y - 1}`),
          c.number(`${l.realization} ${y - 2}`),
          c.number(l.finalTarget),
          c.text(l.category, 1.2),
        ],
        rows: g.indicators.map((ind, i) => {
          const r = now.get(ind.id);
          return [i + 1, ind.name, ind.unit, r?.target ?? null, r?.realization ?? null, r?.capaian ?? null, prev1.get(ind.id)?.realization ?? null, prev2.get(ind.id)?.realization ?? null, finals[i] ?? null, r?.category ? labelOf(l, r.category) : l.notScored];
        }),
      });
      const below = g.indicators.filter((ind) => (now.get(ind.id)?.capaian ?? 101) < 100);
      const met = g.indicators.filter((ind) => (now.get(ind.id)?.capaian ?? -1) >= 100);
      blocks.push({ kind: 'paragraph', text: causes(ctx, met.map((i) => i.name), below.map((i) => `${i.name} (${formatNumber(now.get(i.id)?.capaian ?? null, spec.language)}%)`)) });
      chartCategories.push(`${l.objective} ${gi + 1}`);
      [prev2, prev1, now].forEach((map, si) => chartSeries[si]?.values.push(mean(g.indicators.map((i) => map.get(i.id)?.capaian))));
    }
    if (chartCategories.length) blocks.push({ kind: 'chart', title: `${l.chartTitle} — ${opd.name}`, categories: chartCategories, series: chartSeries, unit: '%' });
    blocks.push({ kind: 'heading', text: l.budgetReal, level: ctx.opds.length > 1 ? 3 : 2 });
    blocks.push(budgetTable(ctx, budget.rows, budget.totals));
    const efficient = budget.rows.filter((b) => b.efficiency === 'efficient').length;
    blocks.push({
      kind: 'paragraph',
      text: id
        ? `Dari ${budget.rows.length} program, ${efficient} program dinilai efisien (capaian kinerja melebihi serapan anggaran lebih dari ambang yang ditetapkan).`
        : `Of ${budget.rows.length} programmes, ${efficient} are efficient (performance achievement exceeds budget absorption by more than the set threshold).`,
    });
    chapters.push(blocks);
    const capaians = plan.indicators.map((i) => now.get(i.id)?.capaian ?? null);
    summaries.push({ name: opd.name, scored: capaians.filter((c) => c !== null).length, total: plan.indicators.length, avg: mean(capaians), achieved: capaians.filter((c) => (c ?? -1) >= 100).length });
  }

  yield { kind: 'heading', text: l.summary, level: 1 };
  for (const s of summaries) yield { kind: 'paragraph', text: summaryText(ctx, s) };

  yield { kind: 'pageBreak' };
  yield { kind: 'heading', text: l.ch1, level: 1 };
  yield { kind: 'heading', text: l.background, level: 2 };
  yield {
    kind: 'paragraph',
    text: id
      ? `Akuntabilitas kinerja adalah perwujudan kewajiban instansi pemerintah untuk mempertanggungjawabkan keberhasilan dan kegagalan pelaksanaan misi organisasi. ${settings.pemdaName} menyusun laporan ini untuk tahun anggaran ${y}.`
      : `Performance accountability is the obligation of a government agency to account for the success and failure of its mission. ${settings.pemdaName} prepares this report for budget year ${y}.`,
  };
  yield { kind: 'heading', text: l.overview, level: 2 };
  for (const opd of ctx.opds) {
    yield { kind: 'paragraph', text: `${opd.name} — ${l.head}: ${opd.headName ?? '–'}${opd.headPosition ? ` (${opd.headPosition})` : ''}${opd.headNip ? `, ${l.nip} ${opd.headNip}` : ''}.` };
  }
  yield { kind: 'heading', text: l.structure, level: 2 };
  yield { kind: 'paragraph', text: id ? 'Bab I Pendahuluan; Bab II Perencanaan Kinerja; Bab III Akuntabilitas Kinerja; Bab IV Penutup; Lampiran.' : 'Chapter I Introduction; Chapter II Performance Planning; Chapter III Performance Accountability; Chapter IV Closing; Appendix.' };

  yield { kind: 'pageBreak' };
  yield { kind: 'heading', text: l.ch2, level: 1 };
  for (const opd of ctx.opds) {
    const plan = await opdPlan(ctx, opd);
    const targets = await ctx.reader.performance(opd.id, y);
    if (ctx.opds.length > 1) yield { kind: 'heading', text: opd.name, level: 2 };
    yield {
      kind: 'table',
      columns: [
        c.no,
        c.objective(3),
        c.indicator(3.5),
        c.unit(),
        c.number(l.target, 1.2),
      ],
      rows: plan.groups.flatMap((g, gi) => g.indicators.map((ind, i) => [i === 0 ? gi + 1 : null, i === 0 ? (g.objective?.name ?? l.noObjective) : '', ind.name, ind.unit, targets.get(ind.id)?.target ?? null])),
    };
  }

  yield { kind: 'pageBreak' };
  yield { kind: 'heading', text: l.ch3, level: 1 };
  for (const blocks of chapters) yield* blocks;

  yield { kind: 'pageBreak' };
  yield { kind: 'heading', text: l.ch4, level: 1 };
  for (const s of summaries) yield { kind: 'paragraph', text: summaryText(ctx, s) };
  yield {
    kind: 'paragraph',
    text: id ? 'Indikator yang belum mencapai target menjadi prioritas perbaikan pada tahun berikutnya melalui penajaman rencana aksi dan pemantauan triwulanan.' : 'Indicators below target are the improvement priorities for next year, through sharper action plans and quarterly monitoring.',
  };
  const head = ctx.spec.opdId ? ctx.opds[0] : null;
  const signatures: Block = {
    kind: 'signatures',
    place: placeOf(settings.pemdaName),
    date: ctx.today,
    parties: [head ? { role: '', title: head.headPosition ?? `${l.head} ${head.name}`, name: head.headName ?? '', rank: head.headRank, nip: head.headNip } : { role: '', title: settings.headTitle, name: settings.headName, rank: settings.headRank, nip: settings.headNip }],
  };
  yield signatures;

  // Lampiran: how each indicator is defined and measured (the reader checks the numbers against it).
  yield { kind: 'pageBreak' };
  yield { kind: 'heading', text: l.appendix, level: 1 };
  for (const opd of ctx.opds) {
    const plan = await opdPlan(ctx, opd);
    if (ctx.opds.length > 1) yield { kind: 'heading', text: opd.name, level: 2 };
    yield {
      kind: 'table',
      columns: [
        c.no,
        c.indicator(2.6),
        c.text(l.definition, 2.8),
        c.text(l.formula, 2.2),
        c.unit(0.9),
        c.text(l.dataSource),
      ],
      rows: plan.indicators.map((ind, i) => [i + 1, ind.name, ind.definition, ind.formula, ind.unit, ind.dataSource ?? '–']),
    };
  }
}

function causes(ctx: DocContext, met: string[], below: string[]): string {
  if (ctx.spec.language === 'id') {
    const a = met.length ? `Indikator yang mencapai atau melampaui target: ${met.join('; ')}. Keberhasilan ini didukung oleh pelaksanaan program sesuai rencana aksi dan pemantauan berkala.` : 'Belum ada indikator yang mencapai target.';
    const b = below.length ? ` Indikator yang belum mencapai target: ${below.join('; ')}; penyebabnya dianalisis bersama penanggung jawab indikator dan ditindaklanjuti dalam rencana aksi tahun berikutnya.` : '';
    return a + b;
  }
  const a = met.length ? `Indicators at or above target: ${met.join('; ')}, supported by programmes run to the action plan and regular monitoring.` : 'No indicator reached its target yet.';
  const b = below.length ? ` Below target: ${below.join('; ')}; causes are analysed with the indicator owners and addressed in next year's action plan.` : '';
  return a + b;
}

function summaryText(ctx: DocContext, s: { name: string; scored: number; total: number; avg: number | null; achieved: number }): string {
  const avg = formatNumber(s.avg, ctx.spec.language);
  return ctx.spec.language === 'id'
    ? `${s.name}: dari ${s.total} indikator kinerja, ${s.scored} telah dinilai dengan rata-rata capaian ${avg}%; ${s.achieved} indikator mencapai atau melampaui target.`
    : `${s.name}: of ${s.total} indicators, ${s.scored} were scored with an average achievement of ${avg}%; ${s.achieved} reached or exceeded their target.`;
}

export function budgetTable(ctx: DocContext, rows: Array<{ nodeCode: string; nodeName: string; pagu: string | null; realization: string; serapan: number | null; capaian: number | null; efficiency: string | null }>, totals: Array<{ pagu: string; realization: string; serapan: number | null }>): Block {
  const { l } = ctx;
  const c = columnsOf(l);
  const total = totals[0];
  return {
    kind: 'table',
    columns: [
      c.text(l.code, 1.4),
      c.text(l.program, 3.2),
      c.money(l.pagu),
      c.money(l.realizationRp),
      c.percent(l.serapan, 1),
      c.percent(l.capaian, 1),
      c.text(l.efficiency, 1.3),
    ],
    rows: rows.map((b) => [b.nodeCode, b.nodeName, b.pagu, b.realization, b.serapan, b.capaian, labelOf(l, b.efficiency)]),
    ...(total ? { total: [l.total, '', total.pagu, total.realization, total.serapan, null, ''] } : {}),
  };
}
