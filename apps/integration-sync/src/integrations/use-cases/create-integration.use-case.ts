import { Inject, Injectable } from '@nestjs/common';
import { conflict, type CallerIdentity, type CreateIntegrationRequest, type IntegrationView } from '@sakip/contracts';
import { isUniqueViolation, uuidv7 } from '@sakip/persistence';
import { assertPermission } from '@sakip/security';
import { DataSource } from 'typeorm';
import { writeAudit } from '../../audit/integration-audit';
import { INTEGRATION_CONFIG, type IntegrationConfig } from '../../integration.config';
import { AllowedHosts, assertBaseUrlAllowed } from '../base-url-guard';
import { CredentialsCipher } from '../credentials-cipher';
import { assertCredentialsFit, scheduleOf } from '../integration-rules';
import { auditValues, toIntegrationView } from '../integration-view';
import { IntegrationsRepository } from '../integrations.repository';

@Injectable()
export class CreateIntegrationUseCase {
  private readonly allowed: AllowedHosts;

  constructor(
    private readonly ds: DataSource,
    private readonly integrations: IntegrationsRepository,
    private readonly cipher: CredentialsCipher,
    @Inject(INTEGRATION_CONFIG) private readonly config: IntegrationConfig,
  ) {
    this.allowed = new AllowedHosts(config.INTEGRATION_ALLOWED_HOSTS);
  }

  async execute(dto: CreateIntegrationRequest, caller: CallerIdentity | null): Promise<IntegrationView> {
    const me = assertPermission(caller, 'integrations.manage');
    assertCredentialsFit(dto.type, dto.credentials);
    const nextRun = scheduleOf(dto.syncFrequency, true, this.config.INTEGRATION_TIME_ZONE);
    await assertBaseUrlAllowed(dto.baseUrl, this.allowed);
    const id = uuidv7();
    const sealed = this.cipher.seal(id, dto.credentials);
    try {
      return await this.ds.transaction(async (tx) => {
        const row = await this.integrations.insert(tx, {
          id,
          type: dto.type,
          name: dto.name.trim(),
          base_url: dto.baseUrl,
          credentials: sealed.blob,
          credentials_key_id: sealed.keyId,
          credential_names: Object.keys(dto.credentials).sort(),
          sync_frequency: dto.syncFrequency.trim(),
          options: dto.options ?? {},
          is_active: true,
          next_run_at: nextRun,
          created_by: me.actor,
        });
        await writeAudit(tx, { actor: me.actor, ip: me.ip, operation: 'insert', table: 'integrations', rowId: id, newValues: auditValues(row) });
        return toIntegrationView(row, undefined);
      });
    } catch (err) {
      if (isUniqueViolation(err)) throw conflict(`An integration named "${dto.name.trim()}" exists already`, [{ field: 'name', message: 'must be unique' }]);
      throw err;
    }
  }
}
