import type { IndicatorView, OpdView, SettingsView, StrategicPlanView } from '@sakip/contracts';
import type { CoreReader, ObjectiveNode } from '../data/core-reader';
import { formatDate, timeZoneOf } from '../format/format';
import { labelsFor, type Labels } from '../format/labels';
import type { ReportSpec } from '../generate-report';

/** What every content builder gets: the request, the reader, the labels and the Pemda's facts. */
export interface DocContext {
  spec: ReportSpec;
  reader: CoreReader;
  l: Labels;
  settings: SettingsView;
  /** The OPD reported on, or every OPD for a Pemda-wide document (code order). */
  opds: OpdView[];
  /** The signing date, on the Pemda's calendar. */
  today: string;
}

export async function docContext(spec: ReportSpec, reader: CoreReader, now = new Date()): Promise<DocContext> {
  const settings = await reader.settings();
  const opds = spec.opdId ? [await reader.opd(spec.opdId)] : await reader.opds();
  return { spec, reader, l: labelsFor(spec.language), settings, opds, today: formatDate(now, spec.language, timeZoneOf(settings.timezone)) };
}

/** Where documents are signed: the region's name without "Pemerintah Kabupaten/Kota/Provinsi". */
export function placeOf(pemdaName: string): string {
  return pemdaName.replace(/^Pemerintah\s+(Kabupaten|Kota|Provinsi)\s+/i, '').trim() || pemdaName;
}

export interface ObjectiveGroup {
  objective: ObjectiveNode | null;
  indicators: IndicatorView[];
}

export interface OpdPlan {
  plan: StrategicPlanView | null;
  groups: ObjectiveGroup[];
  indicators: IndicatorView[];
}

/** The OPD's Renstra for the year, its indicators grouped by sasaran (in code order). */
export async function opdPlan(ctx: DocContext, opd: OpdView): Promise<OpdPlan> {
  const plan = await ctx.reader.renstra(opd.id, ctx.spec.year);
  if (!plan) return { plan, groups: [], indicators: [] };
  const [objectives, indicators] = await Promise.all([ctx.reader.objectives(plan.id), ctx.reader.indicators(plan.id)]);
  const sorted = [...objectives].sort((a, b) => a.code.localeCompare(b.code, 'id', { numeric: true }));
  const groups: ObjectiveGroup[] = sorted.map((objective) => ({ objective, indicators: indicators.filter((i) => i.objectiveId === objective.id) }));
  const loose = indicators.filter((i) => !i.objectiveId || !objectives.some((o) => o.id === i.objectiveId));
  if (loose.length) groups.push({ objective: null, indicators: loose });
  return { plan, groups: groups.filter((g) => g.indicators.length), indicators };
}

/** "Dinas Kesehatan" or the Pemda ("Seluruh Perangkat Daerah") for the cover and headings. */
export function scopeName(ctx: DocContext): string {
  return ctx.spec.opdId ? (ctx.opds[0]?.name ?? '') : `${ctx.settings.pemdaName} — ${ctx.l.pemdaWide}`;
}

export function objectiveTitle(ctx: DocContext, g: ObjectiveGroup, index: number): string {
  return g.objective ? `${ctx.l.objective} ${index + 1}: ${g.objective.name}` : ctx.l.noObjective;
}

/** Mean of the scored values (null when none). */
export function mean(values: Array<number | null | undefined>): number | null {
  const scored = values.filter((v): v is number => typeof v === 'number');
  return scored.length ? scored.reduce((a, b) => a + b, 0) / scored.length : null;
}
