import { IsIn, IsObject, IsString, IsUUID, Length, ValidateIf } from 'class-validator';
import { IsActor, IsInstant, IsNullableText } from '../common/validators';

export const SERVICES = ['auth', 'core', 'integration', 'report', 'notification', 'file'] as const;
export type ServiceName = (typeof SERVICES)[number];

/**
 * `evt.<service>.audit.recorded.v1`: one per audit row, emitted in the row's own transaction, so
 * core-performance can keep the searchable copy (DOMAIN.md "Audit"). Values are already masked.
 * Limits are generous on purpose: a producer validates strictly, and an audit row must never fail
 * its business transaction over the length of a request id.
 */
export class AuditRecordedV1 {
  @IsUUID() auditId: string;
  @IsIn(SERVICES) service: ServiceName;
  @IsInstant() occurredAt: string;
  @IsActor() actor: string;
  @IsNullableText(128) ip: string | null;
  @IsNullableText(256) requestId: string | null;
  @IsString() @Length(1, 100) operation: string;
  @IsString() @Length(1, 100) table: string;
  @IsNullableText(256) rowId: string | null;
  @ValidateIf((_o, v) => v !== null) @IsObject() oldValues: Record<string, unknown> | null;
  @ValidateIf((_o, v) => v !== null) @IsObject() newValues: Record<string, unknown> | null;
}
