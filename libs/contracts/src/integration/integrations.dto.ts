import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayNotEmpty, ArrayUnique, IsArray, IsBoolean, IsIn, IsInt, IsObject, IsOptional, IsString, IsUrl, IsUUID, Length, Matches, Max, Min, ValidateBy, ValidateNested, type ValidationOptions } from 'class-validator';
import { ListQuery } from '../common/pagination';
import { INTEGRATION_KINDS, type IntegrationKind } from '../events/integration.events';

/** Named schedules; anything else must be a five-field cron expression (minute hour day month weekday). */
export const SYNC_FREQUENCIES = ['manual', 'hourly', 'daily', 'weekly'] as const;
const FREQUENCY = /^(manual|hourly|daily|weekly|(\S+\s+){4}\S+)$/;

export const SYNC_STATUSES = ['queued', 'running', 'success', 'partial', 'failed'] as const;
export type SyncStatus = (typeof SYNC_STATUSES)[number];

/** Credentials: a flat object of short strings (SIPD: `apiKey`; SIMPEG: `username`, `password`). */
function IsCredentials(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isCredentials',
      validator: {
        validate: (value: unknown) =>
          typeof value === 'object' &&
          value !== null &&
          !Array.isArray(value) &&
          Object.keys(value).length >= 1 &&
          Object.keys(value).length <= 10 &&
          Object.entries(value).every(([k, v]) => /^[A-Za-z][A-Za-z0-9_]{0,39}$/.test(k) && typeof v === 'string' && v.length >= 1 && v.length <= 1000),
        defaultMessage: () => '$property must be an object of 1–10 string values (names of letters/digits/_, values 1–1000 characters)',
      },
    },
    options,
  );
}

export class IntegrationOptions {
  /** SIPD: the budget years to pull (default: the current year and the one before). */
  @ApiPropertyOptional({ type: [Number], maxItems: 6 })
  @IsOptional() @IsArray() @ArrayNotEmpty() @ArrayMaxSize(6) @ArrayUnique() @IsInt({ each: true }) @Min(2000, { each: true }) @Max(2100, { each: true })
  years?: number[];

  /** SIMPEG: also create sign-in accounts (viewer) for OPD heads through auth. */
  @ApiPropertyOptional() @IsOptional() @IsBoolean()
  provisionUsers?: boolean;
}

export class CreateIntegrationRequest {
  @ApiProperty({ enum: INTEGRATION_KINDS }) @IsIn(INTEGRATION_KINDS) type: IntegrationKind;
  @ApiProperty() @IsString() @Length(1, 120) name: string;
  @ApiProperty({ example: 'https://sipd.kemendagri.go.id/api' })
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false }, { message: 'baseUrl must be an http(s) URL' }) @Length(1, 500)
  baseUrl: string;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' }, description: 'stored encrypted, never returned' }) @IsCredentials()
  credentials: Record<string, string>;
  @ApiProperty({ description: 'manual, hourly, daily, weekly or a 5-field cron in the Pemda time zone' })
  @IsString() @Length(1, 100) @Matches(FREQUENCY, { message: 'syncFrequency must be manual, hourly, daily, weekly or a 5-field cron expression' })
  syncFrequency: string;
  @ApiPropertyOptional({ type: IntegrationOptions }) @IsOptional() @IsObject() @ValidateNested() @Type(() => IntegrationOptions)
  options?: IntegrationOptions;
}

export class UpdateIntegrationRequest {
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 120) name?: string;
  @ApiPropertyOptional()
  @IsOptional() @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false }, { message: 'baseUrl must be an http(s) URL' }) @Length(1, 500)
  baseUrl?: string;
  @ApiPropertyOptional({ type: 'object', additionalProperties: { type: 'string' } }) @IsOptional() @IsCredentials()
  credentials?: Record<string, string>;
  @ApiPropertyOptional()
  @IsOptional() @IsString() @Length(1, 100) @Matches(FREQUENCY, { message: 'syncFrequency must be manual, hourly, daily, weekly or a 5-field cron expression' })
  syncFrequency?: string;
  @ApiPropertyOptional({ type: IntegrationOptions }) @IsOptional() @IsObject() @ValidateNested() @Type(() => IntegrationOptions)
  options?: IntegrationOptions;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() isActive?: boolean;
}

/** Service side of PATCH: the id and the caller's If-Match version (when sent). */
export class UpdateIntegrationCommand extends UpdateIntegrationRequest {
  @IsUUID() id: string;
  @IsOptional() @IsInt() @Min(1) expectedVersion?: number;
}

export class IntegrationListQuery extends ListQuery {
  @ApiPropertyOptional({ enum: INTEGRATION_KINDS }) @IsOptional() @IsIn(INTEGRATION_KINDS) type?: IntegrationKind;
}

export class SyncLogView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) integrationId: string;
  @ApiProperty({ enum: ['manual', 'schedule'] }) trigger: 'manual' | 'schedule';
  @ApiProperty({ enum: SYNC_STATUSES }) status: SyncStatus;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) startedAt: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) finishedAt: string | null;
  @ApiProperty() inserted: number;
  @ApiProperty() updated: number;
  @ApiProperty({ description: 'rows that were already up to date' }) unchanged: number;
  @ApiProperty({ description: 'rows refused (quarantined) or not written' }) failed: number;
  @ApiProperty({ type: String, nullable: true }) error: string | null;
  @ApiProperty() requestedBy: string;
  @ApiProperty() attempts: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class IntegrationView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: INTEGRATION_KINDS }) type: IntegrationKind;
  @ApiProperty() name: string;
  @ApiProperty() baseUrl: string;
  @ApiProperty() syncFrequency: string;
  @ApiProperty({ type: IntegrationOptions }) options: IntegrationOptions;
  @ApiProperty() isActive: boolean;
  @ApiProperty({ type: [String], description: 'names of the stored credentials (values are never returned)' }) credentialNames: string[];
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) nextRunAt: string | null;
  @ApiProperty({ type: SyncLogView, nullable: true }) lastSync: SyncLogView | null;
  @ApiProperty() version: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class IntegrationIdRequest {
  @IsUUID() id: string;
}

export class SyncAccepted {
  @ApiProperty({ format: 'uuid' }) syncLogId: string;
  @ApiProperty({ enum: SYNC_STATUSES }) status: SyncStatus;
}

export class SyncLogListQuery extends ListQuery {
  @ApiPropertyOptional({ enum: SYNC_STATUSES }) @IsOptional() @IsIn(SYNC_STATUSES) status?: SyncStatus;
}

export class SyncLogListCommand extends SyncLogListQuery {
  @IsUUID() id: string;
}

export class QuarantineListQuery extends ListQuery {}

export class QuarantineListCommand extends QuarantineListQuery {
  @IsUUID() id: string;
}

export class QuarantineView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ description: 'what the row is: a SIPD code, a NIP, or its position when it has neither' }) recordKey: string;
  @ApiProperty() reason: string;
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true, description: 'the row as received (truncated)' }) payload: unknown;
  @ApiProperty({ format: 'uuid' }) syncLogId: string;
  @ApiProperty({ format: 'date-time' }) firstSeenAt: string;
  @ApiProperty({ format: 'date-time' }) lastSeenAt: string;
}

export class IntegrationHealthView {
  @ApiProperty({ format: 'uuid' }) integrationId: string;
  @ApiProperty({ type: Number, nullable: true, description: '0–100 from the last 10 finished runs (success 1, partial 0.5, failed 0; newer weigh more); null before any run' }) score: number | null;
  @ApiProperty({ enum: ['healthy', 'degraded', 'failing', 'unknown'] }) status: 'healthy' | 'degraded' | 'failing' | 'unknown';
  @ApiProperty() runsConsidered: number;
  @ApiProperty() consecutiveFailures: number;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) lastSuccessAt: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) lastFailureAt: string | null;
  @ApiProperty({ enum: ['closed', 'open', 'half_open'], description: "this replica's circuit breaker for the upstream" }) breaker: 'closed' | 'open' | 'half_open';
}
