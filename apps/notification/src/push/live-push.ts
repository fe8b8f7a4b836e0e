import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { GATEWAY_PUSH_SUBJECTS, type NotificationPushBatch, type PushedNotification } from '@sakip/contracts';
import { MESSAGING_OPTIONS, NATS_CONNECTION, type MessagingOptions } from '@sakip/messaging';
import { LOGGER, type Logger } from '@sakip/observability';
import { JSONCodec, type NatsConnection } from 'nats';
import { DataSource, type EntityManager, type EntitySubscriberInterface, type QueryRunner, type TransactionCommitEvent, type TransactionRollbackEvent } from 'typeorm';

/** Keeps each message well under NATS' 1 MiB payload limit even with long titles and facts. */
const BATCH = 200;
const codec = JSONCodec<NotificationPushBatch>();

/**
 * Pushes new in-app notifications to the gateways once their transaction has committed, never
 * before (a rolled-back or retried event must not show a notification that does not exist). A
 * TypeORM transaction subscriber tells when the outermost transaction of a query runner commits.
 */
@Injectable()
export class LivePush implements OnModuleInit, EntitySubscriberInterface {
  private readonly pending = new WeakMap<QueryRunner, PushedNotification[]>();
  private readonly subject: string;

  constructor(
    private readonly ds: DataSource,
    @Inject(NATS_CONNECTION) private readonly nc: NatsConnection,
    @Inject(MESSAGING_OPTIONS) messaging: MessagingOptions,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    this.subject = messaging.prefix + GATEWAY_PUSH_SUBJECTS.notification;
  }

  onModuleInit(): void {
    this.ds.subscribers.push(this);
  }

  /** Sends these once the transaction `tx` runs in commits (at once outside a transaction); a rollback drops them. */
  afterCommit(tx: EntityManager, items: PushedNotification[]): void {
    if (!items.length) return;
    const runner = tx.queryRunner;
    if (!runner?.isTransactionActive) return this.publish(items);
    const queued = this.pending.get(runner);
    if (queued) queued.push(...items);
    else this.pending.set(runner, [...items]);
  }

  afterTransactionCommit(event: TransactionCommitEvent): void {
    // A released savepoint is not the commit: wait for the outermost one.
    if (event.queryRunner.isTransactionActive) return;
    const items = this.pending.get(event.queryRunner);
    if (!items) return;
    this.pending.delete(event.queryRunner);
    this.publish(items);
  }

  afterTransactionRollback(event: TransactionRollbackEvent): void {
    if (!event.queryRunner.isTransactionActive) this.pending.delete(event.queryRunner);
  }

  private publish(items: PushedNotification[]): void {
    try {
      for (let i = 0; i < items.length; i += BATCH) this.nc.publish(this.subject, codec.encode({ items: items.slice(i, i + BATCH) }));
    } catch (err) {
      // Best effort: the inbox row is committed and clients catch up on reconnect.
      this.logger.warn({ err: (err as Error).message, count: items.length }, 'live push not sent');
    }
  }
}
