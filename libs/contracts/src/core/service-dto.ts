import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, Min, ValidateNested } from 'class-validator';
import { SnapshotRequest, type SnapshotPage } from '../common/snapshot';
import { IsNullableText } from '../common/validators';
import type { OpdHeadV1 } from '../events/core.events';
import { IsBudgetMoney } from './budget.dto';
import { BUDGET_REVISIONS, type BudgetRevision } from './enums';

/** `core.opd.list.v1`: every OPD, in id order. */
export class OpdSnapshotRequest extends SnapshotRequest {}

export interface OpdSnapshot {
  opdId: string;
  code: string;
  name: string;
  isActive: boolean;
  head: OpdHeadV1 | null;
  version: number;
}

export type OpdSnapshotPage = SnapshotPage<OpdSnapshot>;

/** `core.opd.head.upsert.v1`. */
export class OpdHeadUpsertRequest {
  @IsUUID() opdId: string;
  @IsString() @Length(1, 200) name: string;
  @IsString() @Length(1, 200) position: string;
  @IsNullableText(100) rank: string | null;
  @IsNullableText(30) nip: string | null;
}

export interface OpdHeadUpsertResult {
  opdId: string;
  /** false when the head was already exactly this (idempotent re-sync). */
  changed: boolean;
}

/** SIPD codes such as `1.01.01.2.01.0001`. */
const SIPD_CODE = /^[0-9A-Za-z]+(\.[0-9A-Za-z]+)*$/;

export class BudgetAllocationRow {
  @Matches(SIPD_CODE) @Length(1, 60) kodeSubGiat: string;
  /** Never negative (the column refuses it): 400 rather than a failed write. */
  @IsBudgetMoney() pagu: string;
}

export class BudgetRealizationRow {
  @Matches(SIPD_CODE) @Length(1, 60) kodeSubGiat: string;
  @IsInt() @Min(1) @Max(12) month: number;
  /** That month's amount alone; the cumulative figure is computed. */
  @IsBudgetMoney() amount: string;
}

export const BUDGET_UPSERT_MAX_ROWS = 1000;

/**
 * `core.budget.upsert.v1`: one chunk of a SIPD sync, applied set-based and idempotently. A code is
 * the sub-kegiatan's full dotted SIPD code, resolved among sub-activities of OPD Renstras covering
 * `year`. `revision` applies to the allocations; realizations are independent of it. A code twice
 * in `allocations`, or a (code, month) twice in `realizations`, is 400 with nothing written.
 */
export class BudgetUpsertRequest {
  @IsInt() @Min(2000) @Max(2100) year: number;
  @IsIn(BUDGET_REVISIONS) revision: BudgetRevision;

  @IsOptional() @IsArray() @ArrayMaxSize(BUDGET_UPSERT_MAX_ROWS) @ValidateNested({ each: true }) @Type(() => BudgetAllocationRow)
  allocations?: BudgetAllocationRow[];

  @IsOptional() @IsArray() @ArrayMaxSize(BUDGET_UPSERT_MAX_ROWS) @ValidateNested({ each: true }) @Type(() => BudgetRealizationRow)
  realizations?: BudgetRealizationRow[];
}

export interface BudgetUpsertResult {
  inserted: number;
  updated: number;
  /** Codes core does not know (no such sub-kegiatan): the sync log quarantines them. */
  unknownCodes: string[];
  /** Codes held by more than one sub-kegiatan of a plan covering the year (e.g. two OPDs): not written, to be resolved in the Renstras. */
  ambiguousCodes: string[];
  /** Realizations of a month inside a locked period: reported, not written. */
  lockedRows: Array<{ kodeSubGiat: string; month: number }>;
  /** Allocations of a year whose period Y is locked: reported, not written. */
  lockedAllocations: string[];
}
