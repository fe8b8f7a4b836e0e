import { Injectable } from '@nestjs/common';
import { DomainError, ErrorCode, notFound, type CallerIdentity, type IntegrationIdRequest, type SyncAccepted } from '@sakip/contracts';
import { assertPermission } from '@sakip/security';
import { DataSource } from 'typeorm';
import { IntegrationsRepository } from '../../integrations/integrations.repository';
import { SyncJobs } from '../sync-jobs';
import { SyncRunsRepository } from '../sync-runs.repository';

/** POST /integrations/:id/sync → 202: a queued run, or the one already queued or running. */
@Injectable()
export class TriggerSyncUseCase {
  constructor(
    private readonly ds: DataSource,
    private readonly integrations: IntegrationsRepository,
    private readonly runs: SyncRunsRepository,
    private readonly jobs: SyncJobs,
  ) {}

  async execute(dto: IntegrationIdRequest, caller: CallerIdentity | null): Promise<SyncAccepted> {
    const me = assertPermission(caller, 'integrations.manage');
    const { run, created } = await this.ds.transaction(async (tx) => {
      const integration = await this.integrations.get(dto.id, tx);
      if (!integration) throw notFound('Integration');
      if (!integration.is_active) throw new DomainError(ErrorCode.InvalidState, 'The integration is inactive: activate it first', [{ field: 'isActive', message: 'is false' }]);
      return this.runs.enqueue(tx, integration.id, 'manual', me.actor);
    });
    if (created) await this.jobs.dispatch(run.id);
    return { syncLogId: run.id, status: run.status };
  }
}
