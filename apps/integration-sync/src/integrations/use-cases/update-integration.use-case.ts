import { Inject, Injectable } from '@nestjs/common';
import { assertVersion, conflict, notFound, type CallerIdentity, type IntegrationView, type UpdateIntegrationCommand } from '@sakip/contracts';
import { isUniqueViolation } from '@sakip/persistence';
import { assertPermission } from '@sakip/security';
import { DataSource } from 'typeorm';
import { writeAudit } from '../../audit/integration-audit';
import { Breakers } from '../../connectors/breakers';
import { INTEGRATION_CONFIG, type IntegrationConfig } from '../../integration.config';
import { SyncRunsRepository } from '../../runs/sync-runs.repository';
import { AllowedHosts, assertBaseUrlAllowed } from '../base-url-guard';
import { CredentialsCipher } from '../credentials-cipher';
import { assertCredentialsFit, scheduleOf } from '../integration-rules';
import { auditValues, toIntegrationView } from '../integration-view';
import { IntegrationsRepository, type IntegrationPatch } from '../integrations.repository';

/** PATCH: new credentials replace the stored ones whole; a new baseUrl or credentials reset the breaker. */
@Injectable()
export class UpdateIntegrationUseCase {
  private readonly allowed: AllowedHosts;

  constructor(
    private readonly ds: DataSource,
    private readonly integrations: IntegrationsRepository,
    private readonly runs: SyncRunsRepository,
    private readonly cipher: CredentialsCipher,
    private readonly breakers: Breakers,
    @Inject(INTEGRATION_CONFIG) private readonly config: IntegrationConfig,
  ) {
    this.allowed = new AllowedHosts(config.INTEGRATION_ALLOWED_HOSTS);
  }

  async execute(cmd: UpdateIntegrationCommand, caller: CallerIdentity | null): Promise<IntegrationView> {
    const me = assertPermission(caller, 'integrations.manage');
    if (cmd.baseUrl !== undefined) await assertBaseUrlAllowed(cmd.baseUrl, this.allowed);
    try {
      const row = await this.ds.transaction(async (tx) => {
        const before = await this.integrations.get(cmd.id, tx, true);
        if (!before) throw notFound('Integration');
        assertVersion(cmd.expectedVersion, before.version);
        const patch: IntegrationPatch = {};
        if (cmd.name !== undefined) patch.name = cmd.name.trim();
        if (cmd.baseUrl !== undefined) patch.base_url = cmd.baseUrl;
        if (cmd.options !== undefined) patch.options = cmd.options;
        if (cmd.credentials !== undefined) {
          assertCredentialsFit(before.type, cmd.credentials);
          const sealed = this.cipher.seal(before.id, cmd.credentials);
          Object.assign(patch, { credentials: sealed.blob, credentials_key_id: sealed.keyId, credential_names: Object.keys(cmd.credentials).sort() });
        }
        const frequency = cmd.syncFrequency?.trim() ?? before.sync_frequency;
        const active = cmd.isActive ?? before.is_active;
        if (cmd.syncFrequency !== undefined) patch.sync_frequency = frequency;
        if (cmd.isActive !== undefined) patch.is_active = active;
        if (cmd.syncFrequency !== undefined || cmd.isActive !== undefined) patch.next_run_at = scheduleOf(frequency, active, this.config.INTEGRATION_TIME_ZONE);
        const after = await this.integrations.update(tx, before.id, patch);
        await writeAudit(tx, { actor: me.actor, ip: me.ip, operation: 'update', table: 'integrations', rowId: before.id, oldValues: auditValues(before), newValues: auditValues(after) });
        return after;
      });
      if (cmd.baseUrl !== undefined || cmd.credentials !== undefined) this.breakers.forget(row.id);
      return toIntegrationView(row, (await this.runs.latest([row.id])).get(row.id));
    } catch (err) {
      if (isUniqueViolation(err)) throw conflict(`An integration named "${cmd.name?.trim()}" exists already`, [{ field: 'name', message: 'must be unique' }]);
      throw err;
    }
  }
}
