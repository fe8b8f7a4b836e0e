import type { EventEnvelope } from '@sakip/contracts';
import type { Logger, Metrics } from '@sakip/observability';
import { JSONCodec, type JetStreamClient, type PubAck } from 'nats';
import type { DataSource, EntityManager, EntitySubscriberInterface } from 'typeorm';
import { backoffMs, Wakeup } from './backoff';
import { DEFAULT_RELAY_SETTINGS, type RelaySettings } from './event-settings';
import { qualifiedTable } from './event-tables.sql';
import { OUTBOX_ENQUEUED } from './outbox-writer';
import { errorMessage } from './error-message';
import { DELETE_CHUNK, deleteInChunks } from './sql-results';

const codec = JSONCodec<EventEnvelope>();

export interface OutboxRelayOptions {
  ds: DataSource;
  js: JetStreamClient;
  /** NATS_PREFIX, put in front of every subject. */
  prefix: string;
  /** The schema whose outbox this relay drains. */
  schema: string;
  /** The service name written into each envelope. */
  producer: string;
  /** The EVENTS stream: a publish counts only when that stream stored it. */
  stream: string;
  logger: Logger;
  metrics?: Metrics;
  settings?: Partial<RelaySettings>;
}

interface OutboxRow {
  id: string;
  subject: string;
  data: unknown;
  occurred_at: Date;
}

/**
 * Publishes pending outbox rows to JetStream in `seq` order and marks them sent, in one
 * transaction per batch:
 * - `Nats-Msg-Id` = event id, so publishing a row twice (a crash after publish, before the
 *   commit that marks it) stores it once within the stream's duplicate window;
 * - a transaction-scoped advisory try-lock lets one replica relay at a time (order is kept), and
 *   `FOR UPDATE SKIP LOCKED` guarantees no row is ever taken by two relays at once;
 * - a failed publish ends the batch (later rows wait, order is kept), counts an attempt on the
 *   row, and the next round waits with exponential back-off.
 * Woken right after a local commit that enqueued something, and polls for the rest (other
 * replicas' commits, rows left by a crash).
 */
export class OutboxRelay {
  readonly settings: RelaySettings;
  private readonly table: string;
  private readonly lockKey: string;
  private kicks = new Wakeup();
  private halt = new Wakeup();
  private stopping = false;
  private running?: Promise<void>;
  private pruneTimer?: NodeJS.Timeout;
  private readonly commitListener: EntitySubscriberInterface = {
    afterTransactionCommit: ({ queryRunner }) => {
      // Also fired when a savepoint is released: only the outermost commit makes rows visible.
      if (queryRunner.data?.[OUTBOX_ENQUEUED] && !queryRunner.isTransactionActive) {
        delete queryRunner.data[OUTBOX_ENQUEUED];
        this.kick();
      }
    },
    afterTransactionRollback: ({ queryRunner }) => {
      if (!queryRunner.isTransactionActive) delete queryRunner.data?.[OUTBOX_ENQUEUED];
    },
  };

  constructor(private readonly o: OutboxRelayOptions) {
    this.settings = { ...DEFAULT_RELAY_SETTINGS, ...o.settings };
    this.table = qualifiedTable(o.schema, 'outbox');
    this.lockKey = `${o.schema}.outbox.relay`;
  }

  start(): void {
    if (this.running) return;
    this.stopping = false;
    this.kicks = new Wakeup();
    this.halt = new Wakeup();
    this.o.ds.subscribers.push(this.commitListener);
    this.running = this.loop();
    this.pruneTimer = setInterval(() => void this.pruneLogged(), this.settings.pruneIntervalMs);
    this.pruneTimer.unref();
    void this.pruneLogged();
  }

  /** Relay now instead of at the next poll. */
  kick(): void {
    this.kicks.wake();
  }

  /** Finishes the round in progress, then flushes once more: rows committed during shutdown leave now, not at the next start. */
  async stop(): Promise<void> {
    if (!this.running) return;
    this.stopping = true;
    clearInterval(this.pruneTimer);
    this.kicks.wake();
    this.halt.wake();
    await this.running;
    this.running = undefined;
    const i = this.o.ds.subscribers.indexOf(this.commitListener);
    if (i >= 0) this.o.ds.subscribers.splice(i, 1);
    await this.relayOnce().catch((err) => this.o.logger.warn({ err }, 'final outbox flush failed; the rows stay pending for the next start'));
  }

  /** One batch. Returns how many rows were published; throws after committing what succeeded when a publish fails. */
  async relayOnce(): Promise<number> {
    const outcome = await this.o.ds.transaction(async (tx) => {
      const [lock] = (await tx.query(`SELECT pg_try_advisory_xact_lock(hashtext($1)) AS locked`, [this.lockKey])) as Array<{ locked: boolean }>;
      if (!lock?.locked) return { sent: 0 }; // another replica is relaying; it will take these rows
      const rows = (await tx.query(
        `SELECT id, subject, data, occurred_at FROM ${this.table}
          WHERE published_at IS NULL ORDER BY seq LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [this.settings.batchSize],
      )) as OutboxRow[];
      const sent: string[] = [];
      for (const row of rows) {
        try {
          const ack = await this.publish(this.envelopeOf(row));
          if (!ack.duplicate) this.o.metrics?.eventsPublished.inc({ subject: row.subject });
        } catch (err) {
          if (sent.length) await this.markSent(tx, sent);
          await tx.query(`UPDATE ${this.table} SET attempts = attempts + 1, last_error = $2 WHERE id = $1`, [row.id, errorMessage(err).slice(0, 1000)]);
          return { sent: sent.length, failed: { err, id: row.id, subject: row.subject } };
        }
        sent.push(row.id);
      }
      if (sent.length) await this.markSent(tx, sent);
      return { sent: sent.length };
    });
    if (outcome.failed) throw Object.assign(new Error(`publishing event ${outcome.failed.id} (${outcome.failed.subject}) failed: ${errorMessage(outcome.failed.err)}`), { cause: outcome.failed.err });
    return outcome.sent;
  }

  /** Deletes sent rows older than the retention. */
  prune(): Promise<number> {
    return deleteInChunks(
      this.o.ds,
      `DELETE FROM ${this.table} WHERE id IN (
         SELECT id FROM ${this.table} WHERE published_at < now() - $1::bigint * interval '1 millisecond' LIMIT ${DELETE_CHUNK})`,
      [this.settings.retentionMs],
    );
  }

  /** The broker call, separate so a test can fail it or crash around it. */
  protected publish(envelope: EventEnvelope): Promise<PubAck> {
    return this.o.js.publish(this.o.prefix + envelope.subject, codec.encode(envelope), {
      msgID: envelope.id,
      expect: { streamName: this.o.stream },
      timeout: this.settings.publishTimeoutMs,
    });
  }

  protected async markSent(tx: EntityManager, ids: string[]): Promise<void> {
    await tx.query(`UPDATE ${this.table} SET published_at = now() WHERE id = ANY($1::uuid[])`, [ids]);
  }

  private envelopeOf(row: OutboxRow): EventEnvelope {
    return { id: row.id, subject: row.subject, occurredAt: row.occurred_at.toISOString(), producer: this.o.producer, data: row.data };
  }

  private async loop(): Promise<void> {
    let failures = 0;
    while (!this.stopping) {
      try {
        const sent = await this.relayOnce();
        failures = 0;
        if (sent < this.settings.batchSize) await this.kicks.sleep(this.settings.pollIntervalMs);
      } catch (err) {
        failures++;
        const retryInMs = backoffMs(failures, this.settings.retryBaseMs, this.settings.retryMaxMs);
        this.o.logger.warn({ err, failures, retryInMs }, 'outbox relay round failed');
        // Only stop() cuts the back-off short: commits during an outage must not hammer NATS.
        await this.halt.sleep(retryInMs);
      }
    }
  }

  private async pruneLogged(): Promise<void> {
    try {
      const deleted = await this.prune();
      if (deleted) this.o.logger.info({ deleted, schema: this.o.schema }, 'pruned sent outbox rows');
    } catch (err) {
      this.o.logger.warn({ err }, 'outbox prune failed');
    }
  }
}
