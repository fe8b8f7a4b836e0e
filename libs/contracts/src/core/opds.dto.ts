// DTOs of the opds routes (API.md "Core performance"): public request/response classes and the RPC commands the gateway sends.
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, IsUUID, Length, Matches } from 'class-validator';
import { ListQuery } from '../common/pagination';
import { IsExpectedVersion, queryBoolean, sortOptions, trim } from '../common/transforms';

/** If-Match versions are int4; 0 or one past the row's version is simply stale (412), never a 400 or an overflow. */

/** OPD codes such as `1.02.0.00.0.00.01.0000` or `DINKES`: letters, digits, `.`, `-`, `_`. */
export const OPD_CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const OPD_CODE_MESSAGE = 'code must hold letters, digits, ".", "-" or "_" only';

/** `POST /opds` (super_admin). The head (PIHAK PERTAMA) counts only with both name and position. */
export class CreateOpdRequest {
  @ApiProperty({ example: '1.02.0.00.0.00.01.0000', description: 'unique, case-insensitive' })
  @Transform(trim) @IsString() @Length(1, 50) @Matches(OPD_CODE_PATTERN, { message: OPD_CODE_MESSAGE })
  code: string;

  @ApiProperty({ example: 'Dinas Kesehatan' }) @Transform(trim) @IsString() @Length(1, 300)
  name: string;

  @ApiPropertyOptional({ example: 'Dinkes', nullable: true, type: String }) @IsOptional() @Transform(trim) @IsString() @Length(1, 100)
  shortName?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String }) @IsOptional() @Transform(trim) @IsString() @Length(1, 200)
  headName?: string | null;

  @ApiPropertyOptional({ example: 'Kepala Dinas Kesehatan', nullable: true, type: String }) @IsOptional() @Transform(trim) @IsString() @Length(1, 200)
  headPosition?: string | null;

  @ApiPropertyOptional({ example: 'Pembina Utama Muda (IV/c)', nullable: true, type: String }) @IsOptional() @Transform(trim) @IsString() @Length(1, 100)
  headRank?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String }) @IsOptional() @Transform(trim) @IsString() @Length(1, 30)
  headNip?: string | null;
}

/** `PATCH /opds/:id`: any subset; `null` clears an optional field; `isActive: false` retires the OPD without deleting it. */
export class UpdateOpdRequest {
  @ApiPropertyOptional() @IsOptional() @Transform(trim) @IsString() @Length(1, 50) @Matches(OPD_CODE_PATTERN, { message: OPD_CODE_MESSAGE })
  code?: string;

  @ApiPropertyOptional() @IsOptional() @Transform(trim) @IsString() @Length(1, 300)
  name?: string;

  @ApiPropertyOptional({ nullable: true, type: String }) @IsOptional() @Transform(trim) @IsString() @Length(1, 100)
  shortName?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String }) @IsOptional() @Transform(trim) @IsString() @Length(1, 200)
  headName?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String }) @IsOptional() @Transform(trim) @IsString() @Length(1, 200)
  headPosition?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String }) @IsOptional() @Transform(trim) @IsString() @Length(1, 100)
  headRank?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String }) @IsOptional() @Transform(trim) @IsString() @Length(1, 30)
  headNip?: string | null;

  @ApiPropertyOptional() @IsOptional() @IsBoolean()
  isActive?: boolean;
}

export class UpdateOpdCommand extends UpdateOpdRequest {
  @IsUUID() id: string;

  /** From the client's If-Match: the write applies only to this version (else 412). */
  @IsExpectedVersion() expectedVersion?: number;
}

/** `DELETE /opds/:id` with the client's If-Match (else 412). */
export class DeleteOpdCommand {
  @IsUUID() id: string;
  @IsExpectedVersion() expectedVersion?: number;
}

export class OpdView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty({ nullable: true, type: String }) shortName: string | null;
  @ApiProperty({ nullable: true, type: String }) headName: string | null;
  @ApiProperty({ nullable: true, type: String }) headPosition: string | null;
  @ApiProperty({ nullable: true, type: String }) headRank: string | null;
  @ApiProperty({ nullable: true, type: String }) headNip: string | null;
  @ApiProperty() isActive: boolean;
  @ApiProperty() version: number;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}

export const OPD_SORTABLE = ['code', 'name', 'createdAt'] as const;
const OPD_SORTS = sortOptions(OPD_SORTABLE);

export class OpdListQuery extends ListQuery {
  @ApiPropertyOptional({ description: 'exact code, case-insensitive' }) @IsOptional() @Transform(trim) @IsString() @Length(1, 50)
  code?: string;

  @ApiPropertyOptional() @IsOptional() @Transform(queryBoolean) @IsBoolean()
  isActive?: boolean;

  @ApiPropertyOptional({ description: 'substring of name or short name' }) @IsOptional() @IsString() @Length(1, 100)
  q?: string;

  @ApiPropertyOptional({ enum: OPD_SORTS, default: 'code' }) @IsOptional() @IsIn(OPD_SORTS)
  declare sort?: string;
}
