import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional, IsUUID } from 'class-validator';
import { ListQuery } from '../common/pagination';

export const IMPORT_STATUSES = ['queued', 'running', 'done', 'failed'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

/** `POST /imports/achievements`: an uploaded CSV or XLSX (API.md "import file"). */
export class CreateImportRequest {
  @ApiProperty({ format: 'uuid', description: 'An uploaded CSV or XLSX file' }) @IsUUID()
  fileId: string;
}

/** 202 reply of `POST /imports/achievements`. */
export class ImportAccepted {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: IMPORT_STATUSES }) status: ImportStatus;
}

/** `GET /imports/:id`. */
export class ImportView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: IMPORT_STATUSES }) status: ImportStatus;
  @ApiProperty({ description: 'data rows read from the file' }) total: number;
  @ApiProperty() succeeded: number;
  @ApiProperty() failed: number;
  @ApiProperty({ format: 'uuid' }) fileId: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) finishedAt: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'why the whole job failed' }) error: string | null;
}

/** One row of `GET /imports/:id/rows`. */
export class ImportRowView {
  @ApiProperty({ description: 'row number in the file (the header is row 1)' }) row: number;
  @ApiProperty() ok: boolean;
  @ApiPropertyOptional() error?: string;
  @ApiPropertyOptional({ format: 'uuid' }) achievementId?: string;
}

/** `GET /imports/:id/rows?ok=false`. */
export class ImportRowsQuery extends ListQuery {
  @ApiPropertyOptional() @IsOptional() @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value)) @IsBoolean()
  ok?: boolean;
}

/** RPC `core.import.rows.v1`: the job id with the list query. */
export class ImportRowsCommand extends ImportRowsQuery {
  @IsUUID() id: string;
}
