import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { LOGGER, type Logger } from '@sakip/observability';
import { DataSource } from 'typeorm';
import { INTEGRATION_CONFIG, type IntegrationConfig } from '../integration.config';
import { IntegrationsRepository } from '../integrations/integrations.repository';
import { nextRunAt } from '../integrations/schedule';
import { SyncJobs } from './sync-jobs';
import { SyncRunsRepository } from './sync-runs.repository';

const DUE_PER_TICK = 50;

/**
 * Turns due schedules into queued runs. Every replica ticks, but only the one holding the advisory
 * lock does the work, and each due row is taken FOR UPDATE SKIP LOCKED and moved to its next time in
 * the same transaction: a slot becomes exactly one run. The tick also re-publishes runs whose queue
 * message may have been lost (queued too long, or a lease that lapsed without a redelivery).
 */
@Injectable()
export class SyncScheduler implements OnApplicationBootstrap, OnModuleDestroy {
  private timer?: NodeJS.Timeout;
  private ticking?: Promise<void>;

  constructor(
    private readonly ds: DataSource,
    private readonly integrations: IntegrationsRepository,
    private readonly runs: SyncRunsRepository,
    private readonly jobs: SyncJobs,
    @Inject(INTEGRATION_CONFIG) private readonly config: IntegrationConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.INTEGRATION_SCHEDULER_INTERVAL_MS) return;
    this.timer = setInterval(() => {
      this.ticking ??= this.tick()
        .then(() => undefined)
        .catch((err: unknown) => this.logger.warn({ err: err instanceof Error ? err.message : String(err) }, 'scheduler tick failed'))
        .finally(() => (this.ticking = undefined));
    }, this.config.INTEGRATION_SCHEDULER_INTERVAL_MS);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    await this.ticking;
  }

  /** One round (also called by tests): returns the runs it queued. */
  async tick(now = new Date()): Promise<string[]> {
    const queued = await this.ds.transaction(async (tx) => {
      const [{ locked }] = await tx.query<Array<{ locked: boolean }>>(`SELECT pg_try_advisory_xact_lock(hashtext('integration.scheduler')) AS locked`);
      if (!locked) return [];
      const out: string[] = [];
      for (const integration of await this.integrations.claimDue(tx, now, DUE_PER_TICK)) {
        const { run, created } = await this.runs.enqueue(tx, integration.id, 'schedule', 'system:scheduler');
        if (created) out.push(run.id);
        await this.integrations.setNextRun(tx, integration.id, nextRunAt(integration.sync_frequency, this.config.INTEGRATION_TIME_ZONE, now));
      }
      return out;
    });
    for (const id of queued) await this.jobs.dispatch(id);
    for (const orphan of await this.runs.orphaned(this.config.INTEGRATION_JOB_ACK_WAIT_MS * 2)) await this.jobs.dispatch(orphan.id, `${orphan.id}:${now.getTime()}`);
    return queued;
  }
}
