import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { ListQuery } from '../common/pagination';
import { IsPeriod } from '../common/validators';
import { REPORT_FORMATS, type ReportFormat, type ReportKind } from '../events/report.events';

/** API.md "Reports": the types as the public API spells them. */
export const REPORT_TYPES = ['lkjip', 'pk', 'iku', 'rencana-aksi', 'capaian', 'realisasi-anggaran'] as const;
export type ReportType = (typeof REPORT_TYPES)[number];
export const REPORT_LANGUAGES = ['id', 'en'] as const;
export type ReportLanguage = (typeof REPORT_LANGUAGES)[number];
export const REPORT_STATUSES = ['queued', 'running', 'done', 'failed'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

/** The event catalogue names kinds with underscores (`rencana_aksi`). */
export const reportKindOf = (type: ReportType): ReportKind => type.replace(/-/g, '_') as ReportKind;

export class CreateReportRequest {
  @ApiProperty({ enum: REPORT_TYPES }) @IsIn(REPORT_TYPES) type: ReportType;
  @ApiProperty({ enum: REPORT_FORMATS }) @IsIn(REPORT_FORMATS) format: ReportFormat;
  @ApiProperty({ example: 2026 }) @Type(() => Number) @IsInt() @Min(2000) @Max(2100) year: number;
  @ApiPropertyOptional({ format: 'uuid', description: 'absent: Pemda-wide (every OPD)' }) @IsOptional() @IsUUID() opdId?: string;
  @ApiPropertyOptional({ description: 'Y, S1–S2, Q1–Q4, M01–M12 (capaian: the period reported; default Y)' }) @IsOptional() @IsPeriod() period?: string;
  @ApiPropertyOptional({ enum: REPORT_LANGUAGES, default: 'id' }) @IsOptional() @IsIn(REPORT_LANGUAGES) language?: ReportLanguage;
}

export class ReportView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: REPORT_TYPES }) type: ReportType;
  @ApiProperty({ enum: REPORT_FORMATS }) format: ReportFormat;
  @ApiProperty() year: number;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) opdId: string | null;
  @ApiProperty({ nullable: true, type: String }) period: string | null;
  @ApiProperty({ enum: REPORT_LANGUAGES }) language: ReportLanguage;
  @ApiProperty({ enum: REPORT_STATUSES }) status: ReportStatus;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'the document, once done' }) fileId: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'the signed scan, once attached' }) signedFileId: string | null;
  @ApiProperty({ nullable: true, type: Number }) pages: number | null;
  @ApiProperty({ nullable: true, type: String, description: 'why it failed' }) error: string | null;
  @ApiProperty() requestedBy: string;
  @ApiProperty() attempts: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) startedAt: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) finishedAt: string | null;
}

export class ReportAccepted {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: REPORT_STATUSES }) status: ReportStatus;
}

export class ReportListQuery extends ListQuery {
  @ApiPropertyOptional({ enum: REPORT_STATUSES }) @IsOptional() @IsIn(REPORT_STATUSES) status?: ReportStatus;
  @ApiPropertyOptional({ enum: REPORT_TYPES }) @IsOptional() @IsIn(REPORT_TYPES) type?: ReportType;
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(2000) @Max(2100) year?: number;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() opdId?: string;
}

export class ReportIdRequest {
  @IsUUID() id: string;
}

export class AttachSignedRequest {
  @ApiProperty({ format: 'uuid', description: 'an uploaded file (POST /files): the signed scan' }) @IsUUID() fileId: string;
}

export class AttachSignedCommand extends AttachSignedRequest {
  @IsUUID() id: string;
}

/** `report.download.v1`: the document's file id once the caller may have it (409 until done). */
export interface ReportDownload {
  fileId: string;
}
