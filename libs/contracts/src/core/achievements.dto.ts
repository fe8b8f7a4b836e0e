// DTOs of the achievements routes (API.md "Core performance"): public request/response classes and the RPC commands the gateway sends.
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsArray, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Max, Min, ValidateBy, ValidateIf, type ValidationOptions } from 'class-validator';
import { ListQuery } from '../common/pagination';
import { IsPeriod } from '../common/validators';
import { ACHIEVEMENT_STATUSES, type AchievementStatus } from './enums';
import { PERIOD_KEYS } from './periods.dto';
import { IsExpectedVersion, sortOptions, trim } from '../common/transforms';

/** If-Match versions are int4; 0 or one past the row's version is simply stale (412), never a 400 or an overflow. */

/**
 * A realization is a JSON number (never a string) with at most 4 decimals (numeric(20,4)) and at
 * most 15 digits in all: every such value survives JSON's double exactly, so what the client wrote
 * is what is stored. Exponent forms (1e-7) and NaN/Infinity are refused.
 */
export function isRealizationNumber(value: unknown): value is number {
  if (typeof value !== 'number' || !Number.isFinite(value)) return false;
  const m = /^-?(\d+)(?:\.(\d{1,4}))?$/.exec(String(value));
  if (!m) return false;
  const digits = m[1].replace(/^0+/, '').length + (m[2]?.length ?? 0);
  return digits <= 15;
}

export const IsRealization = (options?: ValidationOptions): PropertyDecorator =>
  ValidateBy(
    {
      name: 'isRealization',
      validator: {
        validate: (value) => isRealizationNumber(value),
        defaultMessage: () => '$property must be a JSON number with at most 4 decimals and 15 digits',
      },
    },
    options,
  );

export const MAX_ACHIEVEMENT_DOCUMENTS = 20;
export const ACHIEVEMENT_NOTE_MAX = 2000;

export class CreateAchievementRequest {
  @ApiProperty({ format: 'uuid' }) @IsUUID()
  indicatorId: string;

  @ApiProperty({ minimum: 2000, maximum: 2100, example: 2026 }) @IsInt() @Min(2000) @Max(2100)
  year: number;

  @ApiProperty({ enum: PERIOD_KEYS, description: 'a period the indicator\'s frequency has' }) @IsPeriod()
  period: string;

  @ApiProperty({ example: 87.5, description: 'that period\'s value alone (for aggregation last: the level at its end); ≤ 4 decimals' })
  @IsRealization()
  realization: number;

  @ApiPropertyOptional({ nullable: true, type: String, maxLength: ACHIEVEMENT_NOTE_MAX })
  @IsOptional() @ValidateIf((_o, v) => v !== null) @IsString() @Length(0, ACHIEVEMENT_NOTE_MAX)
  notes?: string | null;

  @ApiPropertyOptional({ type: [String], format: 'uuid', maxItems: MAX_ACHIEVEMENT_DOCUMENTS, description: 'supporting documents (uploaded file ids)' })
  @IsOptional() @IsArray() @ArrayMaxSize(MAX_ACHIEVEMENT_DOCUMENTS) @ArrayUnique() @IsUUID(undefined, { each: true })
  documentIds?: string[];
}

export class UpdateAchievementRequest {
  @ApiPropertyOptional({ example: 87.5 }) @IsOptional() @IsRealization()
  realization?: number;

  @ApiPropertyOptional({ nullable: true, type: String, maxLength: ACHIEVEMENT_NOTE_MAX })
  @IsOptional() @ValidateIf((_o, v) => v !== null) @IsString() @Length(0, ACHIEVEMENT_NOTE_MAX)
  notes?: string | null;

  @ApiPropertyOptional({ type: [String], format: 'uuid', maxItems: MAX_ACHIEVEMENT_DOCUMENTS, description: 'the complete new set' })
  @IsOptional() @IsArray() @ArrayMaxSize(MAX_ACHIEVEMENT_DOCUMENTS) @ArrayUnique() @IsUUID(undefined, { each: true })
  documentIds?: string[];
}

export class ReturnAchievementRequest {
  @ApiProperty({ minLength: 1, maxLength: ACHIEVEMENT_NOTE_MAX, description: 'why it goes back to the OPD' })
  @Transform(trim) @IsString() @Length(1, ACHIEVEMENT_NOTE_MAX)
  note: string;
}

export const ACHIEVEMENT_SORTABLE = ['createdAt', 'updatedAt', 'period', 'status'] as const;
const ACHIEVEMENT_SORTS = sortOptions(ACHIEVEMENT_SORTABLE);

export class AchievementListQuery extends ListQuery {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID()
  opdId?: string;

  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID()
  indicatorId?: string;

  @ApiPropertyOptional({ minimum: 2000, maximum: 2100 }) @IsOptional() @Type(() => Number) @IsInt() @Min(2000) @Max(2100)
  year?: number;

  @ApiPropertyOptional({ enum: PERIOD_KEYS }) @IsOptional() @IsPeriod()
  period?: string;

  @ApiPropertyOptional({ enum: ACHIEVEMENT_STATUSES }) @IsOptional() @IsIn(ACHIEVEMENT_STATUSES)
  status?: AchievementStatus;

  @ApiPropertyOptional({ enum: ACHIEVEMENT_SORTS, description: 'period sorts by year, then calendar order' })
  @IsOptional() @IsIn(ACHIEVEMENT_SORTS)
  declare sort?: string;
}

export class AchievementView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) indicatorId: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'null for Pemda IKU' }) opdId: string | null;
  @ApiProperty() year: number;
  @ApiProperty({ enum: PERIOD_KEYS }) period: string;
  @ApiProperty() realization: number;
  @ApiProperty({ enum: ACHIEVEMENT_STATUSES }) status: AchievementStatus;
  @ApiProperty({ nullable: true, type: String }) notes: string | null;
  @ApiProperty({ type: [String], format: 'uuid' }) documentIds: string[];
  @ApiProperty({ description: 'user:<id> or apikey:<id>' }) inputBy: string;
  @ApiProperty({ nullable: true, type: String }) verifiedBy: string | null;
  @ApiProperty({ nullable: true, type: String }) verifiedAt: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'the latest submission' }) submittedAt: string | null;
  @ApiProperty() version: number;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}

export class AchievementHistoryView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ACHIEVEMENT_STATUSES, nullable: true, type: String, description: 'null for the creation row' }) fromStatus: AchievementStatus | null;
  @ApiProperty({ enum: ACHIEVEMENT_STATUSES }) toStatus: AchievementStatus;
  @ApiProperty() actor: string;
  @ApiProperty({ nullable: true, type: String }) note: string | null;
  @ApiProperty() occurredAt: string;
}

/** RPC commands: the public body plus the path id and the If-Match version. */
export class UpdateAchievementCommand extends UpdateAchievementRequest {
  @IsUUID() id: string;
  @IsExpectedVersion() expectedVersion?: number;
}

export class AchievementActionCommand {
  @IsUUID() id: string;
  @IsExpectedVersion() expectedVersion?: number;
}

export class ReturnAchievementCommand extends ReturnAchievementRequest {
  @IsUUID() id: string;
  @IsExpectedVersion() expectedVersion?: number;
}
