// DTOs of the periods routes (API.md "Core performance"): public request/response classes and the RPC commands the gateway sends.
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, Max, Min } from 'class-validator';
import { IsNullableInstant, IsPeriod } from '../common/validators';
import { IsExpectedVersion } from '../common/transforms';

export const PERIOD_KEYS = ['Y', 'S1', 'S2', 'Q1', 'Q2', 'Q3', 'Q4', 'M01', 'M02', 'M03', 'M04', 'M05', 'M06', 'M07', 'M08', 'M09', 'M10', 'M11', 'M12'] as const;

/** `GET /periods?year=`: the year's 19 periods. */
export class PeriodListQuery {
  @ApiProperty({ minimum: 2000, maximum: 2100, example: 2026 })
  @Type(() => Number) @IsInt() @Min(2000) @Max(2100)
  year: number;
}

/** `:year/:period` of `/periods/:year/:period…`. */
export class PeriodKeyParams {
  @ApiProperty({ minimum: 2000, maximum: 2100, example: 2026 })
  @Type(() => Number) @IsInt() @Min(2000) @Max(2100)
  year: number;

  @ApiProperty({ enum: PERIOD_KEYS, example: 'Q1' })
  @IsPeriod()
  period: string;
}

export class PeriodView {
  @ApiProperty() year: number;
  @ApiProperty({ enum: PERIOD_KEYS }) period: string;
  @ApiProperty({ nullable: true, type: String, description: 'ISO instant; null = no deadline' }) inputDeadline: string | null;
  @ApiProperty({ description: 'this period or a period containing it (Y ⊃ S ⊃ Q ⊃ M) is locked' }) locked: boolean;
  @ApiProperty({ nullable: true, type: String, description: 'when the lock that covers this period was set' }) lockedAt: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'who set that lock (user:<id>)' }) lockedBy: string | null;
  @ApiProperty({
    type: [String],
    description: 'OPDs with an indicator of this period not submitted by the passed deadline; a caller bound to an OPD sees only its own',
  })
  overdueOpdIds: string[];
  @ApiProperty({ description: '0 until the deadline or lock is first set' }) version: number;
  @ApiProperty({ nullable: true, type: String }) updatedAt: string | null;
}

export class PeriodLockView extends PeriodView {
  @ApiProperty({ description: 'achievements this lock moved to locked' }) lockedAchievements: number;
}

export class UpdatePeriodRequest {
  @ApiProperty({ nullable: true, type: String, example: '2026-04-10T17:00:00.000Z', description: 'ISO instant, or null to clear' })
  @IsNullableInstant()
  inputDeadline: string | null;
}

export class LockPeriodRequest {
  @ApiPropertyOptional({ description: 'lock even while achievements are submitted or in revision (they become locked too)' })
  @IsOptional() @IsBoolean()
  force?: boolean;
}

export class UpdatePeriodCommand extends UpdatePeriodRequest {
  @IsInt() @Min(2000) @Max(2100) year: number;
  @IsPeriod() period: string;
  /** From If-Match; 0 = a period never set. */
  @IsExpectedVersion() expectedVersion?: number;
}

export class LockPeriodCommand extends LockPeriodRequest {
  @IsInt() @Min(2000) @Max(2100) year: number;
  @IsPeriod() period: string;
  @IsExpectedVersion() expectedVersion?: number;
}
