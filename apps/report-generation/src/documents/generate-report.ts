import type { CallerIdentity } from '@sakip/contracts';
import type { RpcClient } from '@sakip/messaging';
import type { Writable } from 'node:stream';
import { capaian, iku, realisasiAnggaran, rencanaAksi } from './content/tables';
import { docContext, scopeName, type DocContext } from './content/doc-context';
import { lkjip } from './content/lkjip';
import { perjanjianKinerja } from './content/pk';
import { CoreReader } from './data/core-reader';
import type { Blocks } from './model';
import { renderPdf } from './pdf/render-pdf';
import { reportFileOf } from './report-file';
import { renderXlsx } from './xlsx/render-xlsx';

export type ReportType = 'lkjip' | 'pk' | 'iku' | 'rencana-aksi' | 'capaian' | 'realisasi-anggaran';
export type ReportFormat = 'pdf' | 'xlsx';
export type ReportLanguage = 'id' | 'en';

/** What a job asks for (API.md "Reports"); `opdId` null = Pemda-wide. */
export interface ReportSpec {
  type: ReportType;
  format: ReportFormat;
  year: number;
  opdId: string | null;
  period: string | null;
  language: ReportLanguage;
}

export interface ReportContext {
  /** Reads core over NATS RPC (paged), never core's schema. */
  rpc: RpcClient;
  /** The requester: core applies its role and OPD scoping to every read. */
  caller: CallerIdentity;
  /** Aborted when the worker shuts down (the build stops at the next read and is redelivered). */
  signal?: AbortSignal;
  /** The signing date (tests pin it). */
  now?: Date;
}

export interface GeneratedReport {
  /** Download name, e.g. `LKjIP-2026-OPD-1a2b3c4d.pdf`. */
  fileName: string;
  mimeType: string;
  /** PDF page count (null for XLSX). */
  pages: number | null;
}

const CONTENT: Record<ReportType, (ctx: DocContext) => Blocks> = {
  lkjip,
  pk: perjanjianKinerja,
  iku,
  'rencana-aksi': rencanaAksi,
  capaian,
  'realisasi-anggaran': realisasiAnggaran,
};

const TITLE: Record<ReportType, { id: string; en: string }> = {
  lkjip: { id: 'LKjIP', en: 'LKjIP' },
  pk: { id: 'Perjanjian Kinerja', en: 'Performance Agreement' },
  iku: { id: 'Indikator Kinerja Utama', en: 'Key Performance Indicators' },
  'rencana-aksi': { id: 'Rencana Aksi', en: 'Action Plan' },
  capaian: { id: 'Capaian Kinerja', en: 'Performance Achievement' },
  'realisasi-anggaran': { id: 'Realisasi Anggaran', en: 'Budget Realization' },
};

/**
 * Builds one document and streams its bytes into `out` (ended on success): the content of the
 * type as blocks (read from core as the requester), drawn by the PDF or the XLSX writer.
 * Throws DomainError for requests core refuses (e.g. NOT_FOUND opd).
 */
export async function generateReport(spec: ReportSpec, ctx: ReportContext, out: Writable): Promise<GeneratedReport> {
  const reader = new CoreReader(ctx.rpc, ctx.caller, ctx.signal);
  const doc = await docContext(spec, reader, ctx.now);
  const file = reportFileOf(spec);
  const title = `${TITLE[spec.type][spec.language]} ${spec.year} — ${scopeName(doc)}`;
  const blocks = CONTENT[spec.type](doc);
  if (spec.format === 'pdf') {
    const { pages } = await renderPdf(blocks, out, { lang: spec.language, title, author: doc.settings.pemdaName, layout: spec.type === 'iku' ? 'landscape' : 'portrait' });
    return { ...file, pages };
  }
  await renderXlsx(blocks, out, { title, sheet: TITLE[spec.type][spec.language] });
  return { ...file, pages: null };
}
