import type { CallerIdentity } from '@sakip/contracts';
import type { RpcClient } from '@sakip/messaging';
import type { Writable } from 'node:stream';

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
  /** Aborted when the job is cancelled or the worker shuts down. */
  signal?: AbortSignal;
}

export interface GeneratedReport {
  /** Download name, e.g. `LKjIP-2026-Dinas-Pendidikan.pdf`. */
  fileName: string;
  mimeType: string;
  /** PDF page count (null for XLSX). */
  pages: number | null;
}

/**
 * Builds one document and streams its bytes into `out` (ended on success). The jobs feature owns
 * where `out` goes (the file service upload); this module owns what the document says.
 * Throws DomainError for requests that cannot be served (e.g. NOT_FOUND opd, VALIDATION_FAILED period).
 */
export async function generateReport(spec: ReportSpec, ctx: ReportContext, out: Writable): Promise<GeneratedReport> {
  void spec;
  void ctx;
  void out;
  throw new Error('generateReport: not implemented yet');
}
