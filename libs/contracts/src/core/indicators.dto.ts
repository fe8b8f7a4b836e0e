// DTOs of the indicators routes (API.md "Core performance"): public request/response classes and the RPC commands the gateway sends.
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsNumber, IsObject, IsOptional, IsString, IsUUID, Length, Max, Min, ValidateNested } from 'class-validator';
import { ListQuery } from '../common/pagination';
import { INDICATOR_PARENT_TYPES, type IndicatorParentType } from './enums';
import { IsExpectedVersion, notUndefined, nullText, queryBoolean, sortOptions, trim } from '../common/transforms';

/** DOMAIN.md "Indicators". */
export const INDICATOR_CATEGORIES = ['input', 'output', 'outcome', 'impact'] as const;
export type IndicatorCategory = (typeof INDICATOR_CATEGORIES)[number];
export const INDICATOR_FREQUENCIES = ['monthly', 'quarterly', 'semester', 'annual'] as const;
export type IndicatorFrequency = (typeof INDICATOR_FREQUENCIES)[number];
export const INDICATOR_POLARITIES = ['higher_better', 'lower_better', 'target_based'] as const;
export type IndicatorPolarity = (typeof INDICATOR_POLARITIES)[number];
export const INDICATOR_AGGREGATIONS = ['sum', 'average', 'last'] as const;
export type IndicatorAggregation = (typeof INDICATOR_AGGREGATIONS)[number];

/** If-Match versions are int4; 0 or one past the row's version is simply stale (412), never a 400 or an overflow. */

/** weight is numeric(10,4): > 0, at most 4 decimals. */
const WEIGHT_MAX = 999999.9999;

export class CreateIndicatorRequest {
  @ApiProperty({ enum: INDICATOR_PARENT_TYPES }) @IsIn(INDICATOR_PARENT_TYPES)
  parentType: IndicatorParentType;

  @ApiProperty({ format: 'uuid' }) @IsUUID()
  parentId: string;

  @ApiProperty() @Transform(trim) @IsString() @Length(1, 500)
  name: string;

  @ApiProperty({ description: 'definisi operasional' }) @Transform(trim) @IsString() @Length(1, 5000)
  definition: string;

  @ApiProperty() @Transform(trim) @IsString() @Length(1, 2000)
  formula: string;

  @ApiProperty({ description: 'satuan', example: '%' }) @Transform(trim) @IsString() @Length(1, 100)
  unit: string;

  @ApiPropertyOptional({ nullable: true, type: String }) @IsOptional() @IsString() @Length(0, 500)
  dataSource?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String }) @IsOptional() @IsString() @Length(0, 500)
  personInCharge?: string | null;

  @ApiProperty({ enum: INDICATOR_CATEGORIES }) @IsIn(INDICATOR_CATEGORIES)
  category: IndicatorCategory;

  @ApiProperty({ description: 'key indicator (IKU)' }) @IsBoolean()
  isIku: boolean;

  @ApiPropertyOptional({ default: 1, description: 'decimal > 0, at most 4 decimals; normalised within the parent' })
  @IsOptional() @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 4 }) @Min(0.0001) @Max(WEIGHT_MAX)
  weight?: number;

  @ApiProperty({ enum: INDICATOR_FREQUENCIES }) @IsIn(INDICATOR_FREQUENCIES)
  frequency: IndicatorFrequency;

  @ApiProperty({ enum: INDICATOR_POLARITIES }) @IsIn(INDICATOR_POLARITIES)
  polarity: IndicatorPolarity;

  @ApiProperty({ enum: INDICATOR_AGGREGATIONS }) @IsIn(INDICATOR_AGGREGATIONS)
  aggregation: IndicatorAggregation;
}

/** Any subset of the create fields except the parent (an indicator is not moved to another node). */
export class UpdateIndicatorRequest {
  @ApiPropertyOptional() @notUndefined @Transform(trim) @IsString() @Length(1, 500)
  name?: string;

  @ApiPropertyOptional() @notUndefined @Transform(trim) @IsString() @Length(1, 5000)
  definition?: string;

  @ApiPropertyOptional() @notUndefined @Transform(trim) @IsString() @Length(1, 2000)
  formula?: string;

  @ApiPropertyOptional() @notUndefined @Transform(trim) @IsString() @Length(1, 100)
  unit?: string;

  @ApiPropertyOptional({ nullable: true, type: String }) @IsOptional() @IsString() @Length(0, 500)
  dataSource?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String }) @IsOptional() @IsString() @Length(0, 500)
  personInCharge?: string | null;

  @ApiPropertyOptional({ enum: INDICATOR_CATEGORIES }) @notUndefined @IsIn(INDICATOR_CATEGORIES)
  category?: IndicatorCategory;

  @ApiPropertyOptional() @notUndefined @IsBoolean()
  isIku?: boolean;

  @ApiPropertyOptional({ description: 'stays editable: it only weights roll-ups' })
  @notUndefined @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 4 }) @Min(0.0001) @Max(WEIGHT_MAX)
  weight?: number;

  @ApiPropertyOptional({ enum: INDICATOR_FREQUENCIES, description: 'refused (409) once targets or achievements exist' })
  @notUndefined @IsIn(INDICATOR_FREQUENCIES)
  frequency?: IndicatorFrequency;

  @ApiPropertyOptional({ enum: INDICATOR_POLARITIES, description: 'refused (409) once targets or achievements exist: it decides how their capaian is computed' })
  @notUndefined @IsIn(INDICATOR_POLARITIES)
  polarity?: IndicatorPolarity;

  @ApiPropertyOptional({ enum: INDICATOR_AGGREGATIONS, description: 'refused (409) once targets or achievements exist' })
  @notUndefined @IsIn(INDICATOR_AGGREGATIONS)
  aggregation?: IndicatorAggregation;
}

export class UpdateIndicatorCommand extends UpdateIndicatorRequest {
  @IsUUID() id: string;
  @IsExpectedVersion() expectedVersion?: number;
}

export class DeleteIndicatorCommand {
  @IsUUID() id: string;
  @IsExpectedVersion() expectedVersion?: number;
}

export const INDICATOR_SORTABLE = ['name', 'createdAt', 'category'] as const;

export class IndicatorListQuery extends ListQuery {
  @ApiPropertyOptional({ enum: INDICATOR_PARENT_TYPES }) @IsOptional() @IsIn(INDICATOR_PARENT_TYPES)
  parentType?: IndicatorParentType;

  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID()
  parentId?: string;

  @ApiPropertyOptional({ description: 'an OPD id, or `null` for Pemda indicators' })
  @IsOptional() @Transform(nullText) @IsUUID()
  opdId?: string | null;

  @ApiPropertyOptional() @IsOptional() @Transform(queryBoolean) @IsBoolean()
  isIku?: boolean;

  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID()
  strategicPlanId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'the sasaran the indicators roll up into' }) @IsOptional() @IsUUID()
  objectiveId?: string;

  @ApiPropertyOptional({ enum: sortOptions(INDICATOR_SORTABLE) })
  @IsOptional() @IsIn(sortOptions(INDICATOR_SORTABLE))
  declare sort?: string;
}

export class IndicatorView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: INDICATOR_PARENT_TYPES }) parentType: IndicatorParentType;
  @ApiProperty({ format: 'uuid' }) parentId: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'the sasaran it rolls up into; null under a goal' }) objectiveId: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'null: Pemda IKU (RPJMD)' }) opdId: string | null;
  @ApiProperty({ format: 'uuid' }) strategicPlanId: string;
  @ApiProperty() name: string;
  @ApiProperty() definition: string;
  @ApiProperty() formula: string;
  @ApiProperty() unit: string;
  @ApiProperty({ nullable: true, type: String }) dataSource: string | null;
  @ApiProperty({ nullable: true, type: String }) personInCharge: string | null;
  @ApiProperty({ enum: INDICATOR_CATEGORIES }) category: IndicatorCategory;
  @ApiProperty() isIku: boolean;
  @ApiProperty() weight: number;
  @ApiProperty({ enum: INDICATOR_FREQUENCIES }) frequency: IndicatorFrequency;
  @ApiProperty({ enum: INDICATOR_POLARITIES }) polarity: IndicatorPolarity;
  @ApiProperty({ enum: INDICATOR_AGGREGATIONS }) aggregation: IndicatorAggregation;
  @ApiProperty() version: number;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}

// ── Targets of one year (Rencana Aksi) ────────────────────────────────────────────────────────

export class TargetYearQuery {
  @ApiProperty({ example: 2026 }) @Type(() => Number) @IsInt() @Min(2000) @Max(2100)
  year: number;
}

export class PutTargetsRequest {
  @ApiProperty({ example: 2026, description: 'inside the plan period' }) @IsInt() @Min(2000) @Max(2100)
  year: number;

  /** Checked in the service (number, ≥ 0, ≤ 4 decimals, ≤ 15 digits, split rules), so every problem is named at once. */
  @ApiProperty({ example: 100, description: 'JSON number ≥ 0, at most 4 decimals and 15 digits' })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  annual: number;

  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'number' },
    example: { Q1: 25, Q2: 25, Q3: 25, Q4: 25 },
    description:
      'Q1–Q4 for every indicator, M01–M12 too for monthly ones; they combine to the annual by the aggregation. A value (or the annual) whose period a lock covers cannot change (409)',
  })
  @IsObject()
  periods: Record<string, number>;
}

export class GetTargetsCommand extends TargetYearQuery {
  @IsUUID() id: string;
}

export class PutTargetsCommand extends PutTargetsRequest {
  @IsUUID() id: string;
  @IsExpectedVersion() expectedVersion?: number;
}

export class TargetView {
  @ApiProperty({ format: 'uuid' }) indicatorId: string;
  @ApiProperty() year: number;
  @ApiProperty() annual: number;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' } }) periods: Record<string, number>;
  @ApiProperty() version: number;
  @ApiProperty() updatedAt: string;
}

// ── Five-year (Renstra) targets ───────────────────────────────────────────────────────────────

export class PlanTargetItem {
  @ApiProperty({ example: 2026 }) @IsInt() @Min(2000) @Max(2100)
  year: number;

  @ApiProperty({ example: 80, description: 'JSON number ≥ 0, at most 4 decimals and 15 digits' })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  annual: number;
}

export class PutPlanTargetsRequest {
  @ApiProperty({ type: [PlanTargetItem], description: 'replaces the set; years unique and inside the plan period' })
  @IsArray() @ArrayMaxSize(5) @ValidateNested({ each: true }) @Type(() => PlanTargetItem)
  items: PlanTargetItem[];
}

export class PutPlanTargetsCommand extends PutPlanTargetsRequest {
  @IsUUID() id: string;
  @IsExpectedVersion() expectedVersion?: number;
}

export class PlanTargetsView {
  @ApiProperty({ format: 'uuid' }) indicatorId: string;
  @ApiProperty({ type: [PlanTargetItem] }) items: PlanTargetItem[];
  @ApiProperty({ description: 'of the whole set (1 before any PUT); sent as the ETag, If-Match on PUT' }) version: number;
}
