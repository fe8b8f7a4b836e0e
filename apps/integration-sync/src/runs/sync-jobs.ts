import { Inject, Injectable, type BeforeApplicationShutdown, type OnApplicationBootstrap, type OnModuleInit } from '@nestjs/common';
import { INTEGRATION_JOBS } from '@sakip/contracts';
import { MESSAGING_OPTIONS, NATS_CONNECTION, WorkQueue, type MessagingOptions } from '@sakip/messaging';
import { LOGGER, type Logger } from '@sakip/observability';
import type { NatsConnection } from 'nats';
import { INTEGRATION_CONFIG, type IntegrationConfig } from '../integration.config';
import { IntegrationsRepository } from '../integrations/integrations.repository';
import { SyncRunner } from './sync-runner';
import { SyncRunsRepository } from './sync-runs.repository';

export interface SyncJob {
  id: string;
}

/** The sync work queue of this replica: publishes runs and works on them one at a time. */
@Injectable()
export class SyncJobs implements OnModuleInit, OnApplicationBootstrap, BeforeApplicationShutdown {
  readonly queue: WorkQueue<SyncJob>;

  constructor(
    @Inject(NATS_CONNECTION) nc: NatsConnection,
    @Inject(MESSAGING_OPTIONS) messaging: MessagingOptions,
    @Inject(INTEGRATION_CONFIG) config: IntegrationConfig,
    @Inject(LOGGER) private readonly logger: Logger,
    private readonly runner: SyncRunner,
    private readonly runs: SyncRunsRepository,
    private readonly integrations: IntegrationsRepository,
  ) {
    this.queue = new WorkQueue<SyncJob>({
      nc,
      prefix: messaging.prefix,
      service: 'integration',
      stream: INTEGRATION_JOBS.stream,
      subject: INTEGRATION_JOBS.subject,
      logger,
      ackWaitMs: config.INTEGRATION_JOB_ACK_WAIT_MS,
      maxDeliver: config.INTEGRATION_JOB_MAX_DELIVER,
      retryBaseMs: 2000,
      retryMaxMs: 60_000,
    });
  }

  async onModuleInit(): Promise<void> {
    await this.queue.ensure();
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.start({
      run: (job, delivery, signal) => this.runner.run(job.id, delivery, signal),
      giveUp: async (job, error) => {
        const run = await this.runs.get(job.id);
        const integration = run && (await this.integrations.get(run.integration_id));
        if (run && integration) await this.runner.fail(run, integration, `gave up after repeated attempts: ${error}`);
      },
    });
  }

  /** The run in hand stops at its next page boundary and is handed back to the queue for another replica. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.queue.stop();
  }

  /** After the run's row has committed; a lost publish is repaired by the scheduler's sweep. */
  async dispatch(runId: string, msgId?: string): Promise<void> {
    try {
      await this.queue.publish({ id: runId }, msgId);
    } catch (err) {
      this.logger.warn({ runId, err: err instanceof Error ? err.message : String(err) }, 'sync job not published; the sweep will retry');
    }
  }
}
