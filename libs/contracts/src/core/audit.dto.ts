// DTOs of the audit routes (API.md "Core performance"): public request/response classes and the RPC commands the gateway sends.
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { ListQuery } from '../common/pagination';
import { IsInstant } from '../common/validators';
import { SERVICES, type ServiceName } from '../events/audit.events';
import { sortOptions } from '../common/transforms';

export const AUDIT_SORTABLE = ['occurredAt'] as const;
const AUDIT_SORTS = sortOptions(AUDIT_SORTABLE);

/** `GET /audit-logs` (super_admin): newest first unless `sort=occurredAt`; `from`/`to` bound `occurredAt` (inclusive). */
export class AuditLogQuery extends ListQuery {
  @ApiPropertyOptional({ enum: SERVICES }) @IsOptional() @IsIn(SERVICES)
  service?: ServiceName;

  @ApiPropertyOptional({ description: 'table name, e.g. opds' }) @IsOptional() @IsString() @Length(1, 100)
  table?: string;

  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 256)
  rowId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'the user behind `user:<id>` actors' }) @IsOptional() @IsUUID()
  userId?: string;

  @ApiPropertyOptional({ description: 'exact actor, e.g. apikey:<id> or system:integration' }) @IsOptional() @IsString() @Length(1, 210)
  actor?: string;

  @ApiPropertyOptional({ description: 'insert, update, delete, or an action such as login_failed' }) @IsOptional() @IsString() @Length(1, 100)
  operation?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'occurredAt ≥ from (ISO instant)' }) @IsOptional() @IsInstant()
  from?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'occurredAt ≤ to (ISO instant)' }) @IsOptional() @IsInstant()
  to?: string;

  @ApiPropertyOptional({ enum: AUDIT_SORTS, default: '-occurredAt' }) @IsOptional() @IsIn(AUDIT_SORTS)
  declare sort?: string;
}

export class AuditLogView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: SERVICES }) service: ServiceName;
  @ApiProperty() occurredAt: string;
  @ApiProperty({ example: 'user:0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b' }) actor: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) userId: string | null;
  @ApiProperty({ nullable: true, type: String }) ip: string | null;
  @ApiProperty({ nullable: true, type: String }) requestId: string | null;
  @ApiProperty() operation: string;
  @ApiProperty() table: string;
  @ApiProperty({ nullable: true, type: String }) rowId: string | null;
  @ApiProperty({ nullable: true, type: Object }) oldValues: Record<string, unknown> | null;
  @ApiProperty({ nullable: true, type: Object }) newValues: Record<string, unknown> | null;
}
