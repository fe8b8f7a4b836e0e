import { IsIn, IsInt, IsString, IsUUID, Length, Max, Min } from 'class-validator';
import { IsActor, IsNullableUuid } from '../common/validators';

export const REPORT_EVENTS = {
  reportCompleted: 'evt.report.report.completed.v1',
  reportFailed: 'evt.report.report.failed.v1',
  fileLinksChanged: 'evt.report.file_links.changed.v1',
  auditRecorded: 'evt.report.audit.recorded.v1',
} as const;

/** DOMAIN.md "Reports". */
export const REPORT_KINDS = ['lkjip', 'pk', 'iku', 'rencana_aksi', 'capaian', 'realisasi_anggaran'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];
export const REPORT_FORMATS = ['pdf', 'xlsx'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

class ReportJobV1 {
  @IsUUID() reportId: string;
  @IsIn(REPORT_KINDS) kind: ReportKind;
  @IsIn(REPORT_FORMATS) format: ReportFormat;
  /** null for a Pemda-wide report. */
  @IsNullableUuid() opdId: string | null;
  @IsInt() @Min(2000) @Max(2100) year: number;
  /** Who ordered it: notified when it is done. */
  @IsActor() requestedBy: string;
}

export class ReportCompletedV1 extends ReportJobV1 {
  /** The stored document, downloadable through the file service. */
  @IsUUID() fileId: string;
}

export class ReportFailedV1 extends ReportJobV1 {
  /** A message fit for the user who ordered it (no internals). */
  @IsString() @Length(1, 1000) error: string;
}
