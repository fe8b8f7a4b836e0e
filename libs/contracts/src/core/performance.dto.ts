// DTOs of the performance routes (API.md "Core performance"): public request/response classes and the RPC commands the gateway sends.
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import type { Page } from '../common/envelope';
import { ListQuery } from '../common/pagination';
import { IsPeriod } from '../common/validators';
import { ACHIEVEMENT_STATUSES, type AchievementStatus } from './enums';
import { PERIOD_KEYS } from './periods.dto';
import { queryBoolean, sortOptions } from '../common/transforms';

export const PERFORMANCE_SORTABLE = ['indicatorName', 'capaian'] as const;
const PERFORMANCE_SORTS = sortOptions(PERFORMANCE_SORTABLE);

export const CAPAIAN_CATEGORIES = ['Sangat Tinggi', 'Tinggi', 'Sedang', 'Rendah', 'Sangat Rendah'] as const;

/** Query-string booleans: exactly `true` / `false` (anything else stays as is and fails @IsBoolean → 400). */

/**
 * `GET /performance/data`: one row per indicator, *s.d.* `period` (default `Y`, the year so far).
 * Only reported achievements (submitted, verified, locked) count unless `includeDrafts=true`.
 */
export class PerformanceDataQuery extends ListQuery {
  @ApiProperty({ minimum: 2000, maximum: 2100, example: 2026 })
  @Type(() => Number) @IsInt() @Min(2000) @Max(2100)
  year: number;

  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID()
  opdId?: string;

  @ApiPropertyOptional({
    enum: PERIOD_KEYS,
    default: 'Y',
    description:
      'cumulative through this period (s.d.); its own realization must be entered, else the row is not scored. ' +
      'Y = the year so far: s.d. the latest entered period (see `throughPeriod`), the whole year once every period is entered',
  })
  @IsOptional() @IsPeriod()
  period?: string;

  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID()
  indicatorId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'the sasaran the indicators roll up into' }) @IsOptional() @IsUUID()
  objectiveId?: string;

  @ApiPropertyOptional()
  @IsOptional() @Transform(queryBoolean) @IsBoolean()
  isIku?: boolean;

  @ApiPropertyOptional({
    default: false,
    description: 'also count draft and revision achievements (an operator previewing their input); by default only submitted, verified and locked ones count',
  })
  @IsOptional() @Transform(queryBoolean) @IsBoolean()
  includeDrafts?: boolean;

  @ApiPropertyOptional({ enum: PERFORMANCE_SORTS, description: 'capaian: not scored rows last either way' })
  @IsOptional() @IsIn(PERFORMANCE_SORTS)
  declare sort?: string;
}

export class PerformanceRowView {
  @ApiProperty({ format: 'uuid' }) indicatorId: string;
  @ApiProperty() indicatorName: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) objectiveId: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'null for Pemda IKU' }) opdId: string | null;
  @ApiProperty() year: number;
  @ApiProperty({ enum: PERIOD_KEYS, description: 'the period asked for' }) period: string;
  @ApiProperty({
    nullable: true,
    enum: PERIOD_KEYS,
    description: 'the latest period (of the indicator frequency) included, e.g. Q3 for "Y so far = s.d. Q3"; null when no realization is included (not scored)',
  })
  throughPeriod: string | null;
  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'targets of the matched periods (those with a counted realization, through `throughPeriod`) aggregated; when none, of all periods through `period`; 4 decimals',
  })
  target: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'counted realizations of the matched periods, aggregated; 4 decimals' }) realization: number | null;
  @ApiProperty({ nullable: true, type: Number, description: '2 decimals; null = not scored' }) capaian: number | null;
  @ApiProperty({ nullable: true, enum: CAPAIAN_CATEGORIES }) category: string | null;
  @ApiProperty({ nullable: true, enum: ACHIEVEMENT_STATUSES, description: 'status of the achievement of `period` (see the docs for Y), shown whether or not it counts' }) status: AchievementStatus | null;
}

/** The page plus `scored`: rows with a capaian across the whole filtered set (API.md "meta.scored"). */
export interface PerformancePage extends Page<PerformanceRowView> {
  scored: number;
}
