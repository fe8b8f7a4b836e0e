// DTOs of the dashboard routes (API.md "Core performance"): public request/response classes and the RPC commands the gateway sends.
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { PERIOD_KEYS } from './periods.dto';
import { CAPAIAN_CATEGORIES } from './performance.dto';

/**
 * `GET /dashboard/summary?year=&opdId=`: the caller's scope (a caller bound to an OPD sees its own;
 * an explicit foreign `opdId` → 404). Only reported achievements (submitted, verified, locked)
 * count in the figures, as in `/performance/data`.
 */
export class DashboardSummaryQuery {
  @ApiProperty({ minimum: 2000, maximum: 2100, example: 2026 })
  @Type(() => Number) @IsInt() @Min(2000) @Max(2100)
  year: number;

  @ApiPropertyOptional({ format: 'uuid', description: 'one OPD (callers bound to an OPD: only their own)' })
  @IsOptional() @IsUUID()
  opdId?: string;
}

export class CategoryCountView {
  @ApiProperty({ enum: CAPAIAN_CATEGORIES }) category: string;
  @ApiProperty() count: number;
}

/**
 * Indicators by the category of their capaian of the year so far: the OPD's own when the answer is
 * limited to one (`opdId`, or the caller's own OPD: the same figures either way; the Pemda's rows
 * count in `rpjmd` only), else every indicator `/performance/data` lists for the year.
 */
export class IndicatorTotalsView {
  @ApiProperty() total: number;
  @ApiProperty() scored: number;
  @ApiProperty({ description: 'no counted realization (or no target) yet: never read as 0' }) notScored: number;
  @ApiProperty({ type: [CategoryCountView], description: 'every category, best first (Sangat Tinggi … Sangat Rendah), zeros included' })
  byCategory: CategoryCountView[];
}

/** An OPD's capaian: the mean of its sasaran, each the weighted mean of the indicators rolling up into it. */
export class OpdScoreView {
  @ApiProperty({ format: 'uuid' }) opdId: string;
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty({ nullable: true, type: Number, description: '2 decimals; null = no sasaran scored' }) capaian: number | null;
  @ApiProperty({ nullable: true, enum: CAPAIAN_CATEGORIES }) category: string | null;
  @ApiProperty({ description: 'sasaran with a value' }) scoredObjectives: number;
  @ApiProperty({ description: 'sasaran of its plans covering the year' }) objectives: number;
  @ApiProperty({ nullable: true, type: Number, description: '1 = best, by the capaian as shown (2 decimals); equal values share a rank; null when not scored' })
  rank: number | null;
}

/** The Pemda index: the mean of the OPDs of this answer (a dashboard figure only). */
export class PemdaIndexView {
  @ApiProperty({ nullable: true, type: Number }) capaian: number | null;
  @ApiProperty({ nullable: true, enum: CAPAIAN_CATEGORIES }) category: string | null;
  @ApiProperty() scoredOpds: number;
  @ApiProperty() opds: number;
}

export class ObjectiveScoreView {
  @ApiProperty({ format: 'uuid' }) objectiveId: string;
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty({ nullable: true, type: Number }) capaian: number | null;
  @ApiProperty({ nullable: true, enum: CAPAIAN_CATEGORIES }) category: string | null;
  @ApiProperty() scoredIndicators: number;
  @ApiProperty() indicators: number;
}

/** The Pemda's own performance: its RPJMD sasaran (mean of them), from the Pemda IKU and other Pemda indicators. */
export class RpjmdFigureView {
  @ApiProperty({ nullable: true, type: Number }) capaian: number | null;
  @ApiProperty({ nullable: true, enum: CAPAIAN_CATEGORIES }) category: string | null;
  @ApiProperty() scoredObjectives: number;
  @ApiProperty({ type: [ObjectiveScoreView] }) objectives: ObjectiveScoreView[];
}

/** A period whose input deadline has passed: the OPDs (of this answer) that submitted nothing by it. */
export class OverduePeriodView {
  @ApiProperty({ enum: PERIOD_KEYS }) period: string;
  @ApiProperty({ description: 'ISO instant' }) inputDeadline: string;
  @ApiProperty({ type: [String], format: 'uuid' }) opdIds: string[];
  @ApiProperty() count: number;
}

/** Achievements of the year (every status, counted or not) of the indicators in the totals. */
export class AchievementStatusCountsView {
  @ApiProperty() draft: number;
  @ApiProperty() submitted: number;
  @ApiProperty() revision: number;
  @ApiProperty() verified: number;
  @ApiProperty() locked: number;
  @ApiProperty() total: number;
}

export class DashboardSummaryView {
  @ApiProperty() year: number;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'the OPD the answer is limited to (the caller\'s own when bound); null = every OPD' })
  opdId: string | null;
  @ApiProperty({ type: IndicatorTotalsView }) indicators: IndicatorTotalsView;
  @ApiProperty({ type: [OpdScoreView], description: 'every OPD of the answer, by code' }) opds: OpdScoreView[];
  @ApiProperty({ type: [OpdScoreView], description: 'the 5 best scored OPDs (ties: by code)' }) topOpds: OpdScoreView[];
  @ApiProperty({ type: [OpdScoreView], description: 'the 5 lowest scored OPDs, lowest first (ties: by code); may overlap topOpds when fewer than 10 are scored' })
  bottomOpds: OpdScoreView[];
  @ApiProperty({ type: PemdaIndexView }) pemdaIndex: PemdaIndexView;
  @ApiProperty({ type: RpjmdFigureView }) rpjmd: RpjmdFigureView;
  @ApiProperty({ type: [OverduePeriodView], description: 'every period of the year whose deadline has passed, in the order `/periods` lists them (Y, S1–S2, Q1–Q4, M01–M12)' }) overdue: OverduePeriodView[];
  @ApiProperty({ description: 'distinct OPDs overdue in at least one period' }) overdueOpds: number;
  @ApiProperty({ type: AchievementStatusCountsView }) achievements: AchievementStatusCountsView;
}
