import { Injectable } from '@nestjs/common';
import {
  notFound,
  type CallerIdentity,
  type IntegrationHealthView,
  type IntegrationIdRequest,
  type Page,
  type QuarantineListCommand,
  type QuarantineView,
  type SyncLogListCommand,
  type SyncLogView,
} from '@sakip/contracts';
import { assertPermission } from '@sakip/security';
import { Breakers } from '../../connectors/breakers';
import { IntegrationsRepository } from '../../integrations/integrations.repository';
import { healthOf } from '../health-score';
import { QuarantineRepository } from '../quarantine.repository';
import { SyncRunsRepository, toSyncLogView } from '../sync-runs.repository';

/** Sync logs, health and quarantine of one integration (super_admin). */
@Injectable()
export class ReadRunsUseCase {
  constructor(
    private readonly integrations: IntegrationsRepository,
    private readonly runs: SyncRunsRepository,
    private readonly quarantine: QuarantineRepository,
    private readonly breakers: Breakers,
  ) {}

  async logs(q: SyncLogListCommand, caller: CallerIdentity | null): Promise<Page<SyncLogView>> {
    await this.known(q.id, caller);
    const page = await this.runs.list(q.id, q);
    return { ...page, items: page.items.map(toSyncLogView) };
  }

  async health(dto: IntegrationIdRequest, caller: CallerIdentity | null): Promise<IntegrationHealthView> {
    await this.known(dto.id, caller);
    return { integrationId: dto.id, ...healthOf(await this.runs.recentFinished(dto.id, 10)), breaker: this.breakers.state(dto.id) };
  }

  async quarantined(q: QuarantineListCommand, caller: CallerIdentity | null): Promise<Page<QuarantineView>> {
    await this.known(q.id, caller);
    return this.quarantine.list(q.id, q);
  }

  private async known(id: string, caller: CallerIdentity | null): Promise<void> {
    assertPermission(caller, 'integrations.manage');
    if (!(await this.integrations.get(id))) throw notFound('Integration');
  }
}
