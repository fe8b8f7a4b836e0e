import { IsIn, IsString, IsUUID, Length } from 'class-validator';
import { IsInstant } from '../common/validators';

export const INTEGRATION_EVENTS = {
  syncFailed: 'evt.integration.sync.failed.v1',
  fileLinksChanged: 'evt.integration.file_links.changed.v1',
  auditRecorded: 'evt.integration.audit.recorded.v1',
} as const;

export const INTEGRATION_KINDS = ['sipd', 'simpeg'] as const;
export type IntegrationKind = (typeof INTEGRATION_KINDS)[number];

/** A sync run ended in failure (its sync log row holds the details); super_admin is notified. */
export class SyncFailedV1 {
  @IsUUID() integrationId: string;
  @IsIn(INTEGRATION_KINDS) kind: IntegrationKind;
  @IsUUID() runId: string;
  @IsInstant() startedAt: string;
  @IsInstant() finishedAt: string;
  @IsString() @Length(1, 1000) error: string;
}
