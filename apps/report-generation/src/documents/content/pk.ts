import type { Block } from '../model';
import { opdPlan, placeOf, type DocContext } from './doc-context';
import { columnsOf } from './columns';

/**
 * Perjanjian Kinerja: PIHAK PERTAMA the OPD head, PIHAK KEDUA the head of region (settings), the
 * sasaran/indicator/target table and the program/budget table, then both signatures. Pemda-wide:
 * one agreement per OPD.
 */
export async function* perjanjianKinerja(ctx: DocContext): AsyncGenerator<Block> {
  const { l, spec, settings } = ctx;
  const c = columnsOf(l);
  const id = spec.language === 'id';
  for (const [n, opd] of ctx.opds.entries()) {
    if (n > 0) yield { kind: 'pageBreak' };
    yield { kind: 'heading', text: `${l.pkTitle} ${l.year} ${spec.year}`, level: 1 };
    yield { kind: 'heading', text: opd.name.toUpperCase(), level: 2 };
    yield {
      kind: 'paragraph',
      text: id
        ? 'Dalam rangka mewujudkan manajemen pemerintahan yang efektif, transparan, dan akuntabel serta berorientasi pada hasil, kami yang bertanda tangan di bawah ini:'
        : 'To realise effective, transparent, accountable and results-oriented government management, we the undersigned:',
    };
    const first = { name: opd.headName ?? '–', position: opd.headPosition ?? `${l.head} ${opd.name}`, rank: opd.headRank, nip: opd.headNip };
    const second = { name: settings.headName, position: settings.headTitle, rank: settings.headRank, nip: settings.headNip };
    yield {
      kind: 'table',
      columns: [
        { header: '', width: 1.6, type: 'text' },
        { header: l.firstParty, width: 3, type: 'text' },
        { header: l.secondParty, width: 3, type: 'text' },
      ],
      rows: [
        [l.name, first.name, second.name],
        [l.position, first.position, second.position],
        [l.rank, first.rank ?? '–', second.rank ?? '–'],
        [l.nip, first.nip ?? '–', second.nip ?? '–'],
      ],
    };
    yield {
      kind: 'paragraph',
      text: id
        ? `PIHAK PERTAMA berjanji akan mewujudkan target kinerja yang seharusnya sesuai lampiran perjanjian ini dalam rangka mencapai target kinerja jangka menengah seperti yang telah ditetapkan dalam dokumen perencanaan. Keberhasilan dan kegagalan pencapaian target kinerja tersebut menjadi tanggung jawab PIHAK PERTAMA. PIHAK KEDUA akan melakukan supervisi yang diperlukan serta akan melakukan evaluasi terhadap capaian kinerja dari perjanjian ini dan mengambil tindakan yang diperlukan dalam rangka pemberian penghargaan dan sanksi.`
        : `The FIRST PARTY undertakes to deliver the performance targets in the annex of this agreement towards the medium-term targets of the planning documents, and is accountable for their success or failure. The SECOND PARTY will supervise, evaluate the achievement of this agreement, and take the necessary action on rewards and sanctions.`,
    };
    const plan = await opdPlan(ctx, opd);
    const [targets, budget] = await Promise.all([ctx.reader.performance(opd.id, spec.year), ctx.reader.budget(opd.id, spec.year, 'program')]);
    yield {
      kind: 'table',
      columns: [
        c.no,
        { header: id ? 'Sasaran Strategis' : 'Strategic Objective', width: 3, type: 'text' },
        c.indicator(3.4),
        c.number(l.target, 1.2),
        c.unit(),
      ],
      rows: plan.groups.flatMap((g, gi) => g.indicators.map((ind, i) => [i === 0 ? gi + 1 : null, i === 0 ? (g.objective?.name ?? l.noObjective) : '', ind.name, targets.get(ind.id)?.target ?? null, ind.unit])),
    };
    yield {
      kind: 'table',
      columns: [
        c.no,
        c.text(l.program, 5.4),
        c.money(l.budget, 2.2),
      ],
      rows: budget.rows.map((b, i) => [i + 1, b.nodeName, b.pagu]),
      ...(budget.totals[0] ? { total: [null, l.total, budget.totals[0].pagu] } : {}),
    };
    yield {
      kind: 'signatures',
      place: placeOf(settings.pemdaName),
      date: ctx.today,
      parties: [
        { role: l.secondParty, title: second.position, name: second.name, rank: second.rank, nip: second.nip },
        { role: l.firstParty, title: first.position, name: first.name, rank: first.rank, nip: first.nip },
      ],
    };
  }
}
