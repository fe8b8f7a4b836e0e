import { Injectable } from '@nestjs/common';
import { DomainError, ErrorCode, notFound, type CallerIdentity, type IntegrationIdRequest } from '@sakip/contracts';
import { assertPermission } from '@sakip/security';
import { DataSource } from 'typeorm';
import { writeAudit } from '../../audit/integration-audit';
import { Breakers } from '../../connectors/breakers';
import { auditValues } from '../integration-view';
import { IntegrationsRepository } from '../integrations.repository';

/** Removes it with its sync logs, quarantine and staff copy; refused (409) while a sync is queued or running. */
@Injectable()
export class DeleteIntegrationUseCase {
  constructor(
    private readonly ds: DataSource,
    private readonly integrations: IntegrationsRepository,
    private readonly breakers: Breakers,
  ) {}

  async execute(dto: IntegrationIdRequest, caller: CallerIdentity | null): Promise<void> {
    const me = assertPermission(caller, 'integrations.manage');
    await this.ds.transaction(async (tx) => {
      const row = await this.integrations.get(dto.id, tx, true);
      if (!row) throw notFound('Integration');
      const [{ active }] = await tx.query<Array<{ active: boolean }>>(`SELECT EXISTS (SELECT 1 FROM integration.sync_runs WHERE integration_id = $1 AND status IN ('queued', 'running')) AS active`, [row.id]);
      if (active) throw new DomainError(ErrorCode.InvalidState, 'A sync of this integration is queued or running: wait for it to finish', [{ field: 'id', message: 'sync in progress' }]);
      await this.integrations.delete(tx, row.id);
      await writeAudit(tx, { actor: me.actor, ip: me.ip, operation: 'delete', table: 'integrations', rowId: row.id, oldValues: auditValues(row) });
    });
    this.breakers.forget(dto.id);
  }
}
