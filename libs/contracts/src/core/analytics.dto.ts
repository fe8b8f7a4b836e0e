// DTOs of the analytics routes (API.md "Core performance"): public request/response classes and the RPC commands the gateway sends.
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { ACHIEVEMENT_STATUSES, type AchievementStatus } from './enums';
import { INDICATOR_AGGREGATIONS, INDICATOR_FREQUENCIES, INDICATOR_POLARITIES } from './indicators.dto';
import { PERIOD_KEYS } from './periods.dto';
import { CAPAIAN_CATEGORIES } from './performance.dto';

export const MAX_ANALYTICS_YEARS = 10;

/**
 * `years=2024,2025,2026` (also repeated `years=…`, or an array once parsed): each part must be a
 * 4-digit year; anything else is kept as text so @IsInt names it (400).
 */
const yearList = ({ value }: { value: unknown }): unknown => {
  const parts = (Array.isArray(value) ? value : [value]).flatMap((v) => (typeof v === 'string' ? v.split(',') : [v]));
  return parts.map((p) => (typeof p === 'string' && /^\s*\d{4}\s*$/.test(p) ? Number(p) : p));
};

/** `?years=`: optional, default the Pemda's current year and the two before; at most 10. */
export class AnalyticsYearsQuery {
  @ApiPropertyOptional({
    type: String,
    example: '2024,2025,2026',
    description: `comma-separated years (2000–2100, at most ${MAX_ANALYTICS_YEARS}); default: the current year (Pemda time zone) and the two before`,
  })
  @IsOptional() @Transform(yearList) @IsArray() @ArrayMinSize(1) @ArrayMaxSize(MAX_ANALYTICS_YEARS)
  @IsInt({ each: true, message: 'years must be comma-separated 4-digit years' }) @Min(2000, { each: true }) @Max(2100, { each: true })
  years?: number[];
}

export class IndicatorAnalyticsCommand extends AnalyticsYearsQuery {
  @IsUUID() id: string;
}

export class OpdAnalyticsCommand extends AnalyticsYearsQuery {
  @IsUUID() id: string;
}

/** Growth vs the previous year, in percent of the previous value: (this − previous) / |previous| × 100. */
export class IndicatorGrowthView {
  @ApiProperty({
    nullable: true,
    enum: PERIOD_KEYS,
    description: 'like for like: both years are taken s.d. this period (this year\'s `throughPeriod`); null when this year has nothing counted',
  })
  basis: string | null;
  @ApiProperty({ nullable: true, type: Number, description: 'percent, 2 decimals; null when either value is missing or the previous one is 0' }) realization: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'percent, 2 decimals; null when either capaian is missing or the previous one is 0' }) capaian: number | null;
}

/** The year-end estimate from the periods counted so far (current year only). */
export class IndicatorProjectionView {
  @ApiProperty({
    description:
      'periods fitted (least squares over the cumulative values at each period\'s last month; aggregation sum also passes through 0 at month 0). ' +
      'When the year\'s last period is counted, the actual year value is used instead',
  })
  points: number;
  @ApiProperty({ description: 'true when the year is complete and the value is the actual one' }) actual: boolean;
  @ApiProperty({ type: Number, description: 'projected year-end value (aggregated like the realizations), 4 decimals' }) realization: number;
  @ApiProperty({ nullable: true, type: Number, description: 'the whole year\'s target, 4 decimals' }) target: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'projected capaian, 2 decimals (cap applied); null without targets' }) capaian: number | null;
  @ApiProperty({ nullable: true, enum: CAPAIAN_CATEGORIES }) category: string | null;
  @ApiProperty({ description: 'projected capaian below 85' }) atRisk: boolean;
}

/** One point of the trend: cumulative (s.d.) through `period`, exactly as `/performance/data?period=` shows it. */
export class IndicatorTrendPointView {
  @ApiProperty({ enum: PERIOD_KEYS }) period: string;
  @ApiProperty({ nullable: true, type: Number, description: 'the period\'s own counted realization (not cumulative), 4 decimals' }) periodRealization: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 's.d. target, 4 decimals' }) target: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 's.d. realization, 4 decimals' }) realization: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 's.d. capaian, 2 decimals' }) capaian: number | null;
  @ApiProperty({ nullable: true, enum: CAPAIAN_CATEGORIES }) category: string | null;
  @ApiProperty({ nullable: true, enum: ACHIEVEMENT_STATUSES }) status: AchievementStatus | null;
}

export class IndicatorYearView {
  @ApiProperty() year: number;
  @ApiProperty({ description: 'false when no strategic plan of the indicator covers the year (every figure null)' }) inPlan: boolean;
  @ApiProperty({ type: [IndicatorTrendPointView], description: 'the periods of the indicator\'s frequency, in order' }) periods: IndicatorTrendPointView[];
  @ApiProperty({ nullable: true, enum: PERIOD_KEYS, description: 'the year so far runs through this period' }) throughPeriod: string | null;
  @ApiProperty({ nullable: true, type: Number }) target: number | null;
  @ApiProperty({ nullable: true, type: Number }) realization: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'the year (so far), 2 decimals' }) capaian: number | null;
  @ApiProperty({ nullable: true, enum: CAPAIAN_CATEGORIES }) category: string | null;
  @ApiProperty({ type: IndicatorGrowthView }) growth: IndicatorGrowthView;
  @ApiProperty({ type: IndicatorProjectionView, nullable: true, description: 'the current year only; null otherwise or when nothing is counted yet' })
  projection: IndicatorProjectionView | null;
}

export class IndicatorAnalyticsView {
  @ApiProperty({ format: 'uuid' }) indicatorId: string;
  @ApiProperty() indicatorName: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'null for Pemda indicators' }) opdId: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) objectiveId: string | null;
  @ApiProperty() unit: string;
  @ApiProperty({ enum: INDICATOR_FREQUENCIES }) frequency: string;
  @ApiProperty({ enum: INDICATOR_AGGREGATIONS }) aggregation: string;
  @ApiProperty({ enum: INDICATOR_POLARITIES }) polarity: string;
  @ApiProperty({ description: 'the current year in the Pemda time zone' }) currentYear: number;
  @ApiProperty({ description: 'the current year\'s projected capaian is below 85' }) atRisk: boolean;
  @ApiProperty({ type: [IndicatorYearView], description: 'ascending' }) years: IndicatorYearView[];
}

export class OpdTrendPointView {
  @ApiProperty({ enum: PERIOD_KEYS, description: 'M01–M12: every indicator s.d. its latest period ending by this month' }) period: string;
  @ApiProperty({ nullable: true, type: Number }) capaian: number | null;
  @ApiProperty({ nullable: true, enum: CAPAIAN_CATEGORIES }) category: string | null;
  @ApiProperty() scoredObjectives: number;
}

export class OpdProjectionView {
  @ApiProperty({ nullable: true, type: Number, description: 'the OPD roll-up (mean of sasaran, weighted mean of indicators) of the indicators\' projected capaian' })
  capaian: number | null;
  @ApiProperty({ nullable: true, enum: CAPAIAN_CATEGORIES }) category: string | null;
  @ApiProperty() atRisk: boolean;
  @ApiProperty() scoredObjectives: number;
}

export class OpdIndicatorCountsView {
  @ApiProperty() total: number;
  @ApiProperty({ description: 'with a capaian of the year so far' }) scored: number;
  @ApiProperty({ description: 'with a projection (current year only)' }) projected: number;
  @ApiProperty({ description: 'projected capaian below 85 (current year only)' }) atRisk: number;
}

export class OpdYearView {
  @ApiProperty() year: number;
  @ApiProperty({ type: [OpdTrendPointView] }) periods: OpdTrendPointView[];
  @ApiProperty({ nullable: true, type: Number, description: 'the year (so far), 2 decimals' }) capaian: number | null;
  @ApiProperty({ nullable: true, enum: CAPAIAN_CATEGORIES }) category: string | null;
  @ApiProperty() scoredObjectives: number;
  @ApiProperty() objectives: number;
  @ApiProperty({ nullable: true, type: Number, description: 'capaian growth vs the previous year, percent, 2 decimals' }) capaianGrowth: number | null;
  @ApiProperty({ type: OpdProjectionView, nullable: true, description: 'the current year only' }) projection: OpdProjectionView | null;
  @ApiProperty({ type: OpdIndicatorCountsView }) indicators: OpdIndicatorCountsView;
}

export class OpdAnalyticsView {
  @ApiProperty({ format: 'uuid' }) opdId: string;
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty() currentYear: number;
  @ApiProperty({ description: 'the current year\'s projected capaian is below 85' }) atRisk: boolean;
  @ApiProperty({ type: [OpdYearView], description: 'ascending' }) years: OpdYearView[];
}
