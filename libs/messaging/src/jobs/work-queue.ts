import type { Logger } from '@sakip/observability';
import { AckPolicy, DiscardPolicy, JSONCodec, nanos, RetentionPolicy, StorageType, type ConsumerMessages, type JetStreamClient, type JetStreamManager, type JsMsg, type NatsConnection, type NatsError } from 'nats';
import { backoffMs, Wakeup } from '../events/backoff';
import { errorMessage } from '../events/error-message';
import { durableNameFor, streamNameFor } from '../events/event-names';

const STREAM_NOT_FOUND = 10059;
const RESTART_DELAY_MS = 1000;
const codec = JSONCodec<unknown>();

export interface WorkQueueOptions {
  nc: NatsConnection;
  /** NATS_PREFIX. */
  prefix: string;
  /** Owning service (names the durable). */
  service: string;
  /** Stream base name, e.g. `INTEGRATION_JOBS` (gets the prefix token in tests). */
  stream: string;
  /** The one job subject, without the prefix, e.g. `job.integration.sync.v1`. */
  subject: string;
  logger: Logger;
  /** A job not acked (nor kept alive with working()) within this is redelivered to another worker. */
  ackWaitMs?: number;
  /** Deliveries before the job is handed to `giveUp` and dropped from the queue. */
  maxDeliver?: number;
  retryBaseMs?: number;
  retryMaxMs?: number;
}

export interface JobHandlers<T> {
  /** Does the job; throws to have it redelivered later (with back-off). */
  run(job: T, delivery: number, signal: AbortSignal): Promise<void>;
  /** The last delivery failed too: record the failure (the message is then removed). */
  giveUp(job: T, error: string): Promise<void>;
}

/**
 * A JetStream work queue for long jobs (syncs, reports): a stream with work-queue retention and one
 * durable pull consumer shared by every replica, so each job goes to one worker at a time; a worker
 * that dies mid-job stops sending `working()` and the job is redelivered after `ackWaitMs`. Jobs are
 * published with their id as `Nats-Msg-Id`, so a repeated publish within the dedupe window is one job.
 * The truth about a job stays in the owner's table; the queue only carries "work on id X".
 */
export class WorkQueue<T extends { id: string }> {
  readonly streamName: string;
  readonly durable: string;
  private readonly ackWaitMs: number;
  private readonly maxDeliver: number;
  private messages?: ConsumerMessages;
  private running?: Promise<void>;
  private stopping = false;
  private readonly halt = new Wakeup();
  private readonly abort = new AbortController();
  private readonly js: JetStreamClient;
  private jsm?: JetStreamManager;

  constructor(private readonly o: WorkQueueOptions) {
    this.js = o.nc.jetstream();
    this.streamName = streamNameFor(o.prefix, o.stream);
    this.durable = durableNameFor(o.prefix, o.service, 'workers');
    this.ackWaitMs = o.ackWaitMs ?? 30_000;
    this.maxDeliver = o.maxDeliver ?? 5;
  }

  /** Creates the stream if missing (replicas starting together may both try: identical adds are accepted). */
  async ensure(): Promise<void> {
    const jsm = await this.manager();
    const have = await jsm.streams.info(this.streamName).catch((err: NatsError) => {
      if (err.api_error?.err_code === STREAM_NOT_FOUND) return null;
      throw err;
    });
    if (have) return;
    await jsm.streams.add({
      name: this.streamName,
      subjects: [this.o.prefix + this.o.subject],
      retention: RetentionPolicy.Workqueue,
      storage: StorageType.File,
      discard: DiscardPolicy.Old,
      num_replicas: 1,
      duplicate_window: nanos(120_000),
    });
  }

  /** `msgId` defaults to the job id (a repeat within two minutes is dropped); a deliberate re-publish passes its own. */
  async publish(job: T, msgId: string = job.id): Promise<void> {
    await this.js.publish(this.o.prefix + this.o.subject, codec.encode(job), { msgID: msgId });
  }

  async start(handlers: JobHandlers<T>): Promise<void> {
    if (this.running) return;
    await this.ensure();
    await (await this.manager()).consumers.add(this.streamName, {
      durable_name: this.durable,
      ack_policy: AckPolicy.Explicit,
      max_deliver: this.maxDeliver,
      ack_wait: nanos(this.ackWaitMs),
    });
    this.running = this.loop(handlers);
  }

  /** Stops pulling and lets the job in hand finish (its signal is aborted so it can checkpoint and stop early). */
  async stop(): Promise<void> {
    this.stopping = true;
    this.halt.wake();
    this.abort.abort();
    await this.messages?.close();
    await this.running;
  }

  private async manager(): Promise<JetStreamManager> {
    this.jsm ??= await this.o.nc.jetstreamManager();
    return this.jsm;
  }

  private async loop(handlers: JobHandlers<T>): Promise<void> {
    while (!this.stopping) {
      try {
        const consumer = await this.js.consumers.get(this.streamName, this.durable);
        // One job at a time per replica: jobs are heavy, replicas add parallelism.
        this.messages = await consumer.consume({ max_messages: 1 });
        if (this.stopping) await this.messages.close();
        for await (const m of this.messages) await this.handle(m, handlers);
      } catch (err) {
        if (!this.stopping) this.o.logger.error({ err: errorMessage(err), stream: this.streamName }, 'work queue consumer stopped unexpectedly; restarting');
      }
      if (!this.stopping) await this.halt.sleep(RESTART_DELAY_MS);
    }
  }

  private async handle(m: JsMsg, handlers: JobHandlers<T>): Promise<void> {
    let job: T;
    try {
      job = codec.decode(m.data) as T;
      if (typeof job?.id !== 'string') throw new Error('job without id');
    } catch (err) {
      this.o.logger.error({ err: errorMessage(err), stream: this.streamName }, 'malformed job dropped');
      return m.term();
    }
    const delivery = m.info.redeliveryCount;
    const alive = setInterval(() => m.working(), Math.max(250, Math.floor(this.ackWaitMs / 3)));
    alive.unref();
    try {
      await handlers.run(job, delivery, this.abort.signal);
      m.ack();
    } catch (err) {
      const error = errorMessage(err);
      if (this.stopping) {
        // Shutting down: let another replica take it now rather than after ack_wait.
        m.nak();
      } else if (delivery >= this.maxDeliver) {
        await handlers.giveUp(job, error).catch((e: unknown) => this.o.logger.error({ err: errorMessage(e), jobId: job.id }, 'could not record a failed job'));
        m.term();
      } else {
        const retryInMs = backoffMs(delivery, this.o.retryBaseMs ?? 1000, this.o.retryMaxMs ?? 60_000);
        this.o.logger.warn({ err: error, jobId: job.id, delivery, retryInMs }, 'job failed; will retry');
        m.nak(retryInMs);
      }
    } finally {
      clearInterval(alive);
    }
  }
}
