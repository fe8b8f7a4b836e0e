import { Injectable } from '@nestjs/common';
import { notFound, type CallerIdentity, type IntegrationIdRequest, type IntegrationListQuery, type IntegrationView, type Page } from '@sakip/contracts';
import { assertPermission } from '@sakip/security';
import { SyncRunsRepository } from '../../runs/sync-runs.repository';
import { toIntegrationView } from '../integration-view';
import { IntegrationsRepository } from '../integrations.repository';

/** GET /integrations and /integrations/:id, each with its latest sync. */
@Injectable()
export class ReadIntegrationsUseCase {
  constructor(
    private readonly integrations: IntegrationsRepository,
    private readonly runs: SyncRunsRepository,
  ) {}

  async list(q: IntegrationListQuery, caller: CallerIdentity | null): Promise<Page<IntegrationView>> {
    assertPermission(caller, 'integrations.manage');
    const page = await this.integrations.list(q);
    const latest = await this.runs.latest(page.items.map((r) => r.id));
    return { ...page, items: page.items.map((r) => toIntegrationView(r, latest.get(r.id))) };
  }

  async get(dto: IntegrationIdRequest, caller: CallerIdentity | null): Promise<IntegrationView> {
    assertPermission(caller, 'integrations.manage');
    const row = await this.integrations.get(dto.id);
    if (!row) throw notFound('Integration');
    return toIntegrationView(row, (await this.runs.latest([row.id])).get(row.id));
  }
}
