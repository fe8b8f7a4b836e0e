import { EVENT_SUBJECTS, type SakipEventEnvelope } from '@sakip/contracts';
import type { Logger, Metrics } from '@sakip/observability';
import { AckPolicy, DeliverPolicy, nanos, type ConsumerMessages, type JetStreamClient, type JetStreamManager, type JsMsg } from 'nats';
import type { DataSource, EntityManager } from 'typeorm';
import { backoffMs, Wakeup } from './backoff';
import { publishDeadLetter, type DeadLetterReason } from './dead-letter';
import { decodeEvent } from './event-decoding';
import { consumerKey, durableNameFor, subjectMatches } from './event-names';
import { DEFAULT_CONSUMER_SETTINGS, type ConsumerSettings } from './event-settings';
import type { EventStreamNames } from './event-streams';
import { claimInbox } from './inbox';
import { errorMessage } from './error-message';

/** Handles one event inside the transaction that also records it in the inbox. */
export type EventHandlerFn = (event: SakipEventEnvelope, tx: EntityManager) => Promise<void>;

export interface EventConsumerOptions {
  ds: DataSource;
  js: JetStreamClient;
  jsm: JetStreamManager;
  prefix: string;
  /** Schema holding this service's inbox. */
  schema: string;
  service: string;
  /** Why this consumer exists, e.g. `opd-directory`: with the service it names the durable. */
  purpose: string;
  /** ONE subject filter, wildcards allowed (`evt.core.achievement.*.v1`), without NATS_PREFIX. */
  filter: string;
  handler: EventHandlerFn;
  streams: EventStreamNames;
  logger: Logger;
  metrics?: Metrics;
  settings?: Partial<ConsumerSettings>;
}

const DLQ_PUBLISH_ATTEMPTS = 3;
const RESTART_DELAY_MS = 1000;

/**
 * A durable pull consumer on EVENTS for one (service, purpose), explicit ack. Per message:
 * invalid → DLQ at once; otherwise the handler and the inbox row commit together, then ack (a
 * duplicate is acked without running the handler); a failure naks with a delay growing with the
 * delivery count, and the last allowed delivery goes to `DLQ.<subject>` and is terminated.
 * Messages are handled one at a time, in stream order.
 */
export class EventConsumer {
  readonly durable: string;
  /** Inbox key: the durable without NATS_PREFIX. */
  readonly key: string;
  readonly settings: ConsumerSettings;
  private messages?: ConsumerMessages;
  private running?: Promise<void>;
  private stopping = false;
  private readonly halt = new Wakeup();

  constructor(private readonly o: EventConsumerOptions) {
    this.settings = { ...DEFAULT_CONSUMER_SETTINGS, ...o.settings };
    this.durable = durableNameFor(o.prefix, o.service, o.purpose);
    this.key = consumerKey(o.service, o.purpose);
    if (!EVENT_SUBJECTS.some((s) => subjectMatches(o.filter, s))) {
      throw new Error(`consumer ${this.key}: filter ${o.filter} matches no event in the catalogue (libs/contracts)`);
    }
  }

  async start(): Promise<void> {
    if (this.running) return;
    await this.ensureDurable();
    this.running = this.loop();
  }

  /** Stops pulling, finishes the messages already delivered to this process, then returns. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.halt.wake();
    await this.messages?.close();
    await this.running;
  }

  private async ensureDurable(): Promise<void> {
    try {
      // Creates the durable, or updates the settings the server lets change (max_deliver, ack_wait…).
      await this.o.jsm.consumers.add(this.o.streams.events, {
        durable_name: this.durable,
        ack_policy: AckPolicy.Explicit,
        filter_subject: this.o.prefix + this.o.filter,
        max_deliver: this.settings.maxDeliver,
        ack_wait: nanos(this.settings.ackWaitMs),
        deliver_policy: this.settings.deliverPolicy === 'new' ? DeliverPolicy.New : DeliverPolicy.All,
      });
    } catch (err) {
      // NATS 2.9 cannot change a durable's filter: a new filter needs a new purpose name.
      throw new Error(`cannot create or update durable ${this.durable} on ${this.o.streams.events}: ${errorMessage(err)}`, { cause: err });
    }
  }

  private async loop(): Promise<void> {
    while (!this.stopping) {
      try {
        const consumer = await this.o.js.consumers.get(this.o.streams.events, this.durable);
        this.messages = await consumer.consume({ max_messages: this.settings.batchSize });
        if (this.stopping) await this.messages.close();
        for await (const m of this.messages) await this.handle(m);
      } catch (err) {
        if (!this.stopping) this.o.logger.error({ err, consumer: this.key }, 'event consumer stopped unexpectedly; restarting');
      }
      if (!this.stopping) await this.halt.sleep(RESTART_DELAY_MS);
    }
  }

  private async handle(m: JsMsg): Promise<void> {
    const subject = m.subject.startsWith(this.o.prefix) ? m.subject.slice(this.o.prefix.length) : m.subject;
    const decoded = decodeEvent(m.data, subject);
    if (!decoded.ok) return this.deadLetter(m, subject, 'invalid_payload', decoded.reason, null);
    const event = decoded.event;
    const deliveries = m.info.redeliveryCount;
    // A long handler tells the server it is alive so the message is not redelivered meanwhile.
    const progress = setInterval(() => m.working(), Math.max(250, Math.floor(this.settings.ackWaitMs / 2)));
    progress.unref();
    try {
      await this.o.ds.transaction(async (tx) => {
        if (!(await claimInbox(tx, this.o.schema, this.key, event.id, subject))) return; // handled before: ack again only
        await this.o.handler(event, tx);
      });
    } catch (err) {
      if (deliveries >= this.settings.maxDeliver) return this.deadLetter(m, subject, 'handler_failed', errorMessage(err), event.id);
      const retryInMs = backoffMs(deliveries, this.settings.retryBaseMs, this.settings.retryMaxMs);
      this.o.logger.warn({ err, consumer: this.key, subject, eventId: event.id, deliveries, retryInMs }, 'event handler failed; will retry');
      m.nak(retryInMs);
      return;
    } finally {
      clearInterval(progress);
    }
    this.ack(m);
  }

  /** After the commit: if this ack is lost, the redelivery finds the inbox row and is only acked. */
  protected ack(m: JsMsg): void {
    m.ack();
  }

  private async deadLetter(m: JsMsg, subject: string, reason: DeadLetterReason, error: string, eventId: string | null): Promise<void> {
    const letter = { msg: m, subject, consumer: this.key, reason, error, eventId };
    for (let attempt = 1; ; attempt++) {
      try {
        await publishDeadLetter(this.o.js, { prefix: this.o.prefix, stream: this.o.streams.dlq, timeoutMs: 5000 }, letter);
        break;
      } catch (err) {
        if (attempt >= DLQ_PUBLISH_ATTEMPTS || this.stopping) {
          // Not terminated: the message stays in EVENTS (and is redelivered unless this was its last delivery).
          this.o.logger.error({ err, consumer: this.key, subject, eventId, reason }, 'could not move the event to the DLQ');
          m.nak(backoffMs(m.info.redeliveryCount, this.settings.retryBaseMs, this.settings.retryMaxMs));
          return;
        }
        await this.halt.sleep(backoffMs(attempt, 200, 2000));
      }
    }
    // No reason text: `+TERM <reason>` needs NATS 2.10.4; a 2.9 server would ignore the term and redeliver.
    m.term();
    this.o.metrics?.eventsDeadLettered.inc({ subject });
    this.o.logger.error({ consumer: this.key, subject, eventId, reason, error, deliveries: m.info.redeliveryCount }, 'event moved to the DLQ');
  }
}
