import { IsIn, IsObject, IsOptional, IsString, IsUUID, Length, ValidateIf } from 'class-validator';
import { IsActor, IsInstant, IsNullableText } from '../common/validators';

export const SERVICES = ['auth', 'core', 'integration', 'report', 'notification', 'file'] as const;
export type ServiceName = (typeof SERVICES)[number];

/**
 * `evt.<service>.audit.recorded.v1`: one per audit row, emitted in the row's own transaction, so
 * core-performance can keep the searchable copy (DOMAIN.md "Audit"). Values are already masked.
 */
export class AuditRecordedV1 {
  @IsUUID() auditId: string;
  @IsIn(SERVICES) service: ServiceName;
  @IsInstant() occurredAt: string;
  @IsActor() actor: string;
  @IsNullableText(64) ip: string | null;
  @IsNullableText(128) requestId: string | null;
  @IsString() @Length(1, 64) operation: string;
  @IsString() @Length(1, 64) table: string;
  @IsNullableText(128) rowId: string | null;
  @IsOptional() @ValidateIf((_o, v) => v !== null) @IsObject() oldValues: Record<string, unknown> | null;
  @IsOptional() @ValidateIf((_o, v) => v !== null) @IsObject() newValues: Record<string, unknown> | null;
}
