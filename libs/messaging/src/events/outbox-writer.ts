import { DomainError, validateEventData, type EventOf, type EventSubject } from '@sakip/contracts';
import { uuidv7 } from '@sakip/persistence';
import type { EntityManager } from 'typeorm';
import { qualifiedTable } from './event-tables.sql';

/** Set on the transaction's query runner so the relay can be woken right after that commit. */
export const OUTBOX_ENQUEUED = 'sakip.outboxEnqueued';

/**
 * Writes events to the service's outbox inside the caller's transaction (ARCHITECTURE.md
 * "Events", STYLE.md 5): the event exists exactly when the state change committed. Publishing
 * is the relay's job; a crash after commit leaves the row pending, never lost.
 */
export class OutboxWriter {
  private readonly table: string;

  constructor(schema: string) {
    this.table = qualifiedTable(schema, 'outbox');
  }

  /** Returns the event id (UUIDv7, also its Nats-Msg-Id). */
  async enqueue<S extends EventSubject>(tx: EntityManager, subject: S, data: EventOf<S>): Promise<string> {
    const runner = tx.queryRunner;
    if (!runner?.isTransactionActive) throw new Error(`event ${subject} must be enqueued inside the transaction of the change it reports`);
    try {
      validateEventData(subject, data, 'strict');
    } catch (err) {
      // A bad payload is a producer bug, not the caller's input: report it as an internal error.
      const details = err instanceof DomainError ? JSON.stringify(err.details) : String(err);
      throw new Error(`refusing to enqueue an invalid ${subject}: ${details}`);
    }
    const id = uuidv7();
    await tx.query(`INSERT INTO ${this.table} (id, subject, data, occurred_at) VALUES ($1, $2, $3, $4)`, [id, subject, JSON.stringify(data), new Date()]);
    runner.data[OUTBOX_ENQUEUED] = true;
    return id;
  }
}
