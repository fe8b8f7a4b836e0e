// DTOs of the budget routes (API.md "Core performance"): public request/response classes and the RPC commands the gateway sends.
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Max, Min, ValidateBy } from 'class-validator';
import type { Page } from '../common/envelope';
import { ListQuery } from '../common/pagination';
import { IsMoney } from '../common/validators';
import { BUDGET_REVISIONS, type BudgetRevision } from './enums';
import { IsExpectedVersion, notUndefined, sortOptions } from '../common/transforms';

/** The planning levels a budget hangs on (DOMAIN.md "Budget"): program, kegiatan, sub kegiatan. */
export const BUDGET_NODE_TYPES = ['program', 'activity', 'sub_activity'] as const;
export type BudgetNodeType = (typeof BUDGET_NODE_TYPES)[number];

/** Who set the current value: a user (`manual`) or the SIPD sync (`sipd`). */
export const BUDGET_SOURCES = ['manual', 'sipd'] as const;
export type BudgetSource = (typeof BUDGET_SOURCES)[number];

export const EFFICIENCY_LEVELS = ['efficient', 'fairly_efficient', 'inefficient'] as const;
export type EfficiencyLevel = (typeof EFFICIENCY_LEVELS)[number];

/**
 * Money as API.md has it: a decimal string with at most 2 decimals (IsMoney, numeric(18,2)) that
 * is not negative (a pagu or a realization never is).
 */
export const IsBudgetMoney = (): PropertyDecorator => (target, key) => {
  IsMoney()(target, key);
  // Only the sign: a non-string is IsMoney's to report.
  ValidateBy({ name: 'isNotNegativeMoney', validator: { validate: (v) => typeof v !== 'string' || !v.startsWith('-'), defaultMessage: () => '$property must not be negative' } })(target, key);
};

const MONEY_DOC = { type: String, example: '1250000000.00', description: 'decimal string, ≥ 0, at most 2 decimals (answers always carry 2)' };

// ── Allocations (pagu) ─────────────────────────────────────────────────────────────────────────

export class CreateBudgetAllocationRequest {
  @ApiProperty({ enum: BUDGET_NODE_TYPES }) @IsIn(BUDGET_NODE_TYPES)
  nodeType: BudgetNodeType;

  @ApiProperty({ format: 'uuid', description: 'a program, activity or sub-activity of an OPD Renstra (its level must equal nodeType)' }) @IsUUID()
  nodeId: string;

  @ApiProperty({ minimum: 2000, maximum: 2100, example: 2026, description: 'within the node\'s plan period' }) @IsInt() @Min(2000) @Max(2100)
  year: number;

  @ApiProperty({ enum: BUDGET_REVISIONS, description: 'murni, or perubahan (the revised budget; the latest counts)' }) @IsIn(BUDGET_REVISIONS)
  revision: BudgetRevision;

  @ApiProperty(MONEY_DOC) @IsBudgetMoney()
  pagu: string;

  @ApiPropertyOptional({ example: '1.02.02.2.01.0001', description: 'full dotted SIPD code of the node\'s level; default: the node\'s own' })
  // Optional, but null is refused (400), not passed on.
  @notUndefined @IsString() @Length(1, 60)
  sipdCode?: string;
}

/** The node, year and revision are the allocation's identity: delete and create instead of moving one. */
export class UpdateBudgetAllocationRequest {
  // Either may be left out; sent as null it is a 400 (null is no value to keep or set).
  @ApiPropertyOptional(MONEY_DOC) @notUndefined @IsBudgetMoney()
  pagu?: string;

  @ApiPropertyOptional({ example: '1.02.02.2.01.0001' }) @notUndefined @IsString() @Length(1, 60)
  sipdCode?: string;
}

export class UpdateBudgetAllocationCommand extends UpdateBudgetAllocationRequest {
  @IsUUID() id: string;
  @IsExpectedVersion() expectedVersion?: number;
}

export const BUDGET_ALLOCATION_SORTABLE = ['year', 'revision', 'pagu', 'createdAt', 'updatedAt'] as const;

export class BudgetAllocationListQuery extends ListQuery {
  @ApiPropertyOptional({ enum: BUDGET_NODE_TYPES }) @IsOptional() @IsIn(BUDGET_NODE_TYPES)
  nodeType?: BudgetNodeType;

  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID()
  nodeId?: string;

  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID()
  opdId?: string;

  @ApiPropertyOptional({ minimum: 2000, maximum: 2100 }) @IsOptional() @Type(() => Number) @IsInt() @Min(2000) @Max(2100)
  year?: number;

  @ApiPropertyOptional({ enum: BUDGET_REVISIONS }) @IsOptional() @IsIn(BUDGET_REVISIONS)
  revision?: BudgetRevision;

  @ApiPropertyOptional({ enum: BUDGET_SOURCES }) @IsOptional() @IsIn(BUDGET_SOURCES)
  source?: BudgetSource;

  @ApiPropertyOptional({ enum: sortOptions(BUDGET_ALLOCATION_SORTABLE), default: '-createdAt' })
  @IsOptional() @IsIn(sortOptions(BUDGET_ALLOCATION_SORTABLE))
  declare sort?: string;
}

export class BudgetAllocationView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: BUDGET_NODE_TYPES }) nodeType: BudgetNodeType;
  @ApiProperty({ format: 'uuid' }) nodeId: string;
  @ApiProperty({ format: 'uuid', description: 'the node\'s OPD' }) opdId: string;
  @ApiProperty() year: number;
  @ApiProperty({ enum: BUDGET_REVISIONS }) revision: BudgetRevision;
  @ApiProperty({ type: String, example: '1250000000.00' }) pagu: string;
  @ApiProperty({ nullable: true, type: String }) sipdCode: string | null;
  @ApiProperty({ enum: BUDGET_SOURCES, description: 'who set the current value' }) source: BudgetSource;
  @ApiProperty() version: number;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}

// ── Realizations (monthly amounts) ─────────────────────────────────────────────────────────────

export class CreateBudgetRealizationRequest {
  @ApiProperty({ enum: BUDGET_NODE_TYPES }) @IsIn(BUDGET_NODE_TYPES)
  nodeType: BudgetNodeType;

  @ApiProperty({ format: 'uuid' }) @IsUUID()
  nodeId: string;

  @ApiProperty({ minimum: 2000, maximum: 2100, example: 2026, description: 'within the node\'s plan period' }) @IsInt() @Min(2000) @Max(2100)
  year: number;

  @ApiProperty({ minimum: 1, maximum: 12, description: 'a locked period covering the month → 409' }) @IsInt() @Min(1) @Max(12)
  month: number;

  @ApiProperty({ ...MONEY_DOC, description: 'that month\'s amount alone; the cumulative figure is computed' }) @IsBudgetMoney()
  amount: string;
}

/** Only the amount changes; node, year and month are the realization's identity. */
export class UpdateBudgetRealizationRequest {
  @ApiPropertyOptional(MONEY_DOC) @notUndefined @IsBudgetMoney()
  amount?: string;
}

export class UpdateBudgetRealizationCommand extends UpdateBudgetRealizationRequest {
  @IsUUID() id: string;
  @IsExpectedVersion() expectedVersion?: number;
}

/** Delete of an allocation or a realization, with the client's If-Match. */
export class DeleteBudgetRowCommand {
  @IsUUID() id: string;
  @IsExpectedVersion() expectedVersion?: number;
}

export const BUDGET_REALIZATION_SORTABLE = ['year', 'month', 'amount', 'createdAt', 'updatedAt'] as const;

export class BudgetRealizationListQuery extends ListQuery {
  @ApiPropertyOptional({ enum: BUDGET_NODE_TYPES }) @IsOptional() @IsIn(BUDGET_NODE_TYPES)
  nodeType?: BudgetNodeType;

  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID()
  nodeId?: string;

  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID()
  opdId?: string;

  @ApiPropertyOptional({ minimum: 2000, maximum: 2100 }) @IsOptional() @Type(() => Number) @IsInt() @Min(2000) @Max(2100)
  year?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 12 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(12)
  month?: number;

  @ApiPropertyOptional({ enum: BUDGET_SOURCES }) @IsOptional() @IsIn(BUDGET_SOURCES)
  source?: BudgetSource;

  @ApiPropertyOptional({ enum: sortOptions(BUDGET_REALIZATION_SORTABLE), default: '-createdAt', description: 'month sorts by year, then month' })
  @IsOptional() @IsIn(sortOptions(BUDGET_REALIZATION_SORTABLE))
  declare sort?: string;
}

export class BudgetRealizationView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: BUDGET_NODE_TYPES }) nodeType: BudgetNodeType;
  @ApiProperty({ format: 'uuid' }) nodeId: string;
  @ApiProperty({ format: 'uuid' }) opdId: string;
  @ApiProperty() year: number;
  @ApiProperty({ minimum: 1, maximum: 12 }) month: number;
  @ApiProperty({ type: String, example: '125000000.00', description: 'this month alone' }) amount: string;
  @ApiProperty({ type: String, example: '375000000.00', description: 'the node\'s months 1..month of the year summed' }) cumulative: string;
  @ApiProperty({ enum: BUDGET_SOURCES }) source: BudgetSource;
  @ApiProperty() version: number;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}

// ── Summary: serapan and efficiency per node ───────────────────────────────────────────────────

export const BUDGET_SUMMARY_SORTABLE = ['nodeCode', 'pagu', 'realization', 'serapan', 'capaian'] as const;

/**
 * `GET /budget/summary`: one row per node with an allocation or a realization in `year`, computed
 * for the whole filtered set (totals need every row), then sorted and paged.
 */
export class BudgetSummaryQuery extends ListQuery {
  @ApiProperty({ minimum: 2000, maximum: 2100, example: 2026 })
  @Type(() => Number) @IsInt() @Min(2000) @Max(2100)
  year: number;

  @ApiPropertyOptional({ format: 'uuid', description: 'callers bound to an OPD see only theirs (a foreign one → 404)' }) @IsOptional() @IsUUID()
  opdId?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 12, description: 'realization and capaian cumulative through this month (default: the year so far)' })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(12)
  month?: number;

  @ApiPropertyOptional({ enum: BUDGET_NODE_TYPES }) @IsOptional() @IsIn(BUDGET_NODE_TYPES)
  nodeType?: BudgetNodeType;

  @ApiPropertyOptional({ enum: sortOptions(BUDGET_SUMMARY_SORTABLE), default: 'nodeCode', description: 'null values last either way' })
  @IsOptional() @IsIn(sortOptions(BUDGET_SUMMARY_SORTABLE))
  declare sort?: string;
}

export class BudgetSummaryRowView {
  @ApiProperty({ enum: BUDGET_NODE_TYPES }) nodeType: BudgetNodeType;
  @ApiProperty({ format: 'uuid' }) nodeId: string;
  @ApiProperty() nodeCode: string;
  @ApiProperty() nodeName: string;
  @ApiProperty({ format: 'uuid' }) opdId: string;
  @ApiProperty({ nullable: true, type: String, description: 'the counted allocation\'s, else the node\'s' }) sipdCode: string | null;
  @ApiProperty({ nullable: true, type: String, example: '1250000000.00', description: 'of the latest revision (perubahan when present, else murni); null without an allocation' })
  pagu: string | null;
  @ApiProperty({ nullable: true, enum: BUDGET_REVISIONS, description: 'the revision `pagu` comes from' }) revision: BudgetRevision | null;
  @ApiProperty({ type: String, example: '625000000.00', description: 'cumulative through `throughMonth`' }) realization: string;
  @ApiProperty({ nullable: true, type: Number, description: '`month` when given, else the latest month with a realization; null when none' }) throughMonth: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'realization / pagu × 100, half-up to 2 decimals; null when pagu is 0 or absent' }) serapan: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'weighted mean of the node\'s indicators\' capaian (s.d. `month`, else the year so far); null = not scored' })
  capaian: number | null;
  @ApiProperty({ nullable: true, enum: EFFICIENCY_LEVELS, description: 'capaian − serapan (both rounded) against the efficiency thresholds of the settings; null when either is null' })
  efficiency: EfficiencyLevel | null;
}

/** Totals of one OPD at one level (levels are not added up: a program's pagu usually contains its activities'). */
export class BudgetSummaryTotalView {
  @ApiProperty({ format: 'uuid' }) opdId: string;
  @ApiProperty({ enum: BUDGET_NODE_TYPES }) nodeType: BudgetNodeType;
  @ApiProperty({ description: 'rows counted' }) nodes: number;
  @ApiProperty({ type: String, example: '5000000000.00', description: 'sum of the counted pagu' }) pagu: string;
  @ApiProperty({ type: String, example: '2500000000.00', description: 'sum of the realization of the rows with an allocation (what serapan measures)' }) realization: string;
  @ApiProperty({ type: String, example: '0.00', description: 'sum of the realization of the rows without an allocation (no pagu to absorb it)' })
  unallocatedRealization: string;
  @ApiProperty({ nullable: true, type: Number, description: 'realization / pagu × 100 of the totals; null when pagu is 0' }) serapan: number | null;
}

/** The page plus what the gateway puts into `meta`: the year, `month` (when given) and the totals of the whole filtered set. */
export interface BudgetSummaryPage extends Page<BudgetSummaryRowView> {
  year: number;
  month: number | null;
  totals: BudgetSummaryTotalView[];
}
