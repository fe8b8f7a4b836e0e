import { Inject, Injectable, type BeforeApplicationShutdown, type OnApplicationBootstrap, type OnModuleInit } from '@nestjs/common';
import { REPORT_JOBS } from '@sakip/contracts';
import { MESSAGING_OPTIONS, NATS_CONNECTION, WorkQueue, type MessagingOptions } from '@sakip/messaging';
import { LOGGER, type Logger } from '@sakip/observability';
import type { NatsConnection } from 'nats';
import { REPORT_CONFIG, type ReportConfig } from '../report.config';
import { ReportBuilder } from './report-builder';
import { ReportsRepository } from './reports.repository';

const SWEEP_MS = 30_000;

/**
 * The build queue of this replica: publishes jobs after their row commits, builds one at a time,
 * and every 30 s re-publishes jobs whose message may have been lost (queued too long, or a lease
 * lapsed long ago).
 */
@Injectable()
export class ReportJobs implements OnModuleInit, OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly queue: WorkQueue<{ id: string }>;
  private sweeper?: NodeJS.Timeout;

  constructor(
    @Inject(NATS_CONNECTION) nc: NatsConnection,
    @Inject(MESSAGING_OPTIONS) messaging: MessagingOptions,
    @Inject(REPORT_CONFIG) private readonly config: ReportConfig,
    @Inject(LOGGER) private readonly logger: Logger,
    private readonly builder: ReportBuilder,
    private readonly reports: ReportsRepository,
  ) {
    this.queue = new WorkQueue({
      nc,
      prefix: messaging.prefix,
      service: 'report',
      stream: REPORT_JOBS.stream,
      subject: REPORT_JOBS.subject,
      logger,
      ackWaitMs: config.REPORT_JOB_ACK_WAIT_MS,
      maxDeliver: config.REPORT_JOB_MAX_DELIVER,
      retryBaseMs: 2000,
      retryMaxMs: 60_000,
    });
  }

  async onModuleInit(): Promise<void> {
    await this.queue.ensure();
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.start({
      run: (job, delivery, signal) => this.builder.build(job.id, delivery, signal),
      giveUp: (job, error) => this.builder.fail(job, `gave up after repeated attempts: ${error}`),
    });
    this.sweeper = setInterval(() => void this.sweep(), SWEEP_MS);
    this.sweeper.unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.sweeper);
    await this.queue.stop();
  }

  async dispatch(id: string, msgId?: string): Promise<void> {
    try {
      await this.queue.publish({ id }, msgId);
    } catch (err) {
      this.logger.warn({ reportId: id, err: err instanceof Error ? err.message : String(err) }, 'report job not published; the sweep will retry');
    }
  }

  /** Re-publishes orphaned jobs (also called by tests). */
  async sweep(): Promise<void> {
    try {
      for (const { id } of await this.reports.orphaned(this.config.REPORT_JOB_ACK_WAIT_MS * 2)) await this.dispatch(id, `${id}:${Date.now()}`);
    } catch (err) {
      this.logger.warn({ err: err instanceof Error ? err.message : String(err) }, 'report sweep failed');
    }
  }
}
