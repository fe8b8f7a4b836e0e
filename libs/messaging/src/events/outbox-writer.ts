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
    const [id] = await this.enqueueMany(tx, [{ subject, data } as OutboxEvent]);
    return id;
  }

  /**
   * Many events in one statement (set-based writers: a period lock, an import), in this order.
   * Every payload is validated first: one bad payload enqueues none.
   */
  async enqueueMany(tx: EntityManager, events: readonly OutboxEvent[]): Promise<string[]> {
    const runner = tx.queryRunner;
    if (!events.length) return [];
    if (!runner?.isTransactionActive) throw new Error(`event ${events[0].subject} must be enqueued inside the transaction of the change it reports`);
    for (const e of events) {
      try {
        validateEventData(e.subject, e.data, 'strict');
      } catch (err) {
        // A bad payload is a producer bug, not the caller's input: report it as an internal error.
        const details = err instanceof DomainError ? JSON.stringify(err.details) : String(err);
        throw new Error(`refusing to enqueue an invalid ${e.subject}: ${details}`);
      }
    }
    const ids = events.map(() => uuidv7());
    await tx.query(
      `INSERT INTO ${this.table} (id, subject, data, occurred_at)
       SELECT e.id, e.subject, e.data, $4 FROM unnest($1::uuid[], $2::text[], $3::jsonb[]) WITH ORDINALITY AS e(id, subject, data, ord) ORDER BY e.ord`,
      [ids, events.map((e) => e.subject), events.map((e) => JSON.stringify(e.data)), new Date()],
    );
    runner.data[OUTBOX_ENQUEUED] = true;
    return ids;
  }
}

/** One event for enqueueMany: a catalogue subject with its payload. */
export type OutboxEvent = { [S in EventSubject]: { subject: S; data: EventOf<S> } }[EventSubject];
