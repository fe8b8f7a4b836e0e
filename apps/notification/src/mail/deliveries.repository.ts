import { Injectable } from '@nestjs/common';
import type { DeadLetterListQuery, DeadLetterView, NotificationLanguage, NotificationType, Page } from '@sakip/contracts';
import { orderByClause, pageRequest, uuidv7 } from '@sakip/persistence';
import { DataSource } from 'typeorm';

export interface ClaimedDelivery {
  id: string;
  channel: 'email' | 'slack';
  eventId: string;
  userId: string;
  recipient: string;
  /** A notification type, or `mail.<template>` for a direct mail. */
  type: NotificationType | string;
  language: NotificationLanguage;
  data: Record<string, unknown>;
  messageId: string;
  /** This attempt's number (from 1). */
  attempts: number;
}

interface DeliveryRow {
  id: string;
  channel: 'email' | 'slack';
  event_id: string;
  user_id: string;
  recipient: string;
  type: NotificationType;
  language: NotificationLanguage;
  data: Record<string, unknown>;
  message_id: string;
  attempts: number;
  last_error: string | null;
  created_at: Date;
  updated_at: Date;
}

/** TypeORM answers UPDATE … RETURNING through query() as [rows, count]. */
const returned = <T>(result: unknown): T[] => (Array.isArray(result) && Array.isArray(result[0]) ? (result[0] as T[]) : []);

/**
 * A direct mail's variables can be a secret (a password-reset token): once the delivery is
 * finished (sent or dead) they are dropped, so they sit in the table at most until then.
 */
const PRUNE_DIRECT = `data = CASE WHEN type LIKE 'mail.%' THEN '{}'::jsonb ELSE data END`;

export interface DirectDelivery {
  key: string;
  userId: string;
  recipient: string;
  type: string;
  language: NotificationLanguage;
  data: Record<string, string>;
  messageId: string;
}

@Injectable()
export class DeliveriesRepository {
  constructor(private readonly ds: DataSource) {}

  /**
   * Claims due e-mail deliveries: SKIP LOCKED so replicas take disjoint rows, and the claim pushes
   * next_attempt_at out by `leaseMs`, so a worker that dies mid-send leaves the row due again
   * later (at least once; the Message-ID stays the same).
   */
  async claimDue(limit: number, leaseMs: number, channels: Array<'email' | 'slack'> = ['email']): Promise<ClaimedDelivery[]> {
    const rows = returned<DeliveryRow>(
      await this.ds.query(
        `WITH due AS (
           SELECT id FROM notification.deliveries
            WHERE status = 'pending' AND channel = ANY($3::text[]) AND next_attempt_at <= now()
            ORDER BY next_attempt_at, id LIMIT $1 FOR UPDATE SKIP LOCKED)
         UPDATE notification.deliveries d
            SET attempts = d.attempts + 1, next_attempt_at = now() + make_interval(secs => $2::double precision / 1000), updated_at = now()
           FROM due WHERE d.id = due.id
         RETURNING d.id, d.channel, d.event_id, d.user_id, d.recipient, d.type, d.language, d.data, d.message_id, d.attempts`,
        [limit, leaseMs, channels],
      ),
    );
    return rows.map((r) => ({ id: r.id, channel: r.channel, eventId: r.event_id, userId: r.user_id, recipient: r.recipient, type: r.type, language: r.language, data: r.data, messageId: r.message_id, attempts: r.attempts }));
  }

  /** Queues a direct mail once per caller key (a repeated call changes nothing); returns its Message-ID. */
  async enqueueDirect(d: DirectDelivery): Promise<string> {
    await this.ds.query(
      `INSERT INTO notification.deliveries (id, event_id, user_id, channel, recipient, type, language, data, message_id)
       VALUES ($1, $2, $3, 'email', $4, $5, $6, $7::jsonb, $8) ON CONFLICT (event_id, user_id, channel) DO NOTHING`,
      [uuidv7(), d.key, d.userId, d.recipient, d.type, d.language, JSON.stringify(d.data), d.messageId],
    );
    const [row] = await this.ds.query<Array<{ message_id: string }>>(
      `SELECT message_id FROM notification.deliveries WHERE event_id = $1 AND user_id = $2 AND channel = 'email'`,
      [d.key, d.userId],
    );
    return row?.message_id ?? d.messageId;
  }

  async markSent(id: string): Promise<void> {
    await this.ds.query(`UPDATE notification.deliveries SET status = 'sent', sent_at = now(), last_error = NULL, updated_at = now(), ${PRUNE_DIRECT} WHERE id = $1 AND status = 'pending'`, [id]);
  }

  async retryLater(id: string, delayMs: number, error: string): Promise<void> {
    await this.ds.query(
      `UPDATE notification.deliveries SET next_attempt_at = now() + make_interval(secs => $2::double precision / 1000), last_error = $3, updated_at = now()
        WHERE id = $1 AND status = 'pending'`,
      [id, delayMs, error],
    );
  }

  async markDead(id: string, error: string): Promise<void> {
    await this.ds.query(`UPDATE notification.deliveries SET status = 'dead', last_error = $2, updated_at = now(), ${PRUNE_DIRECT} WHERE id = $1 AND status = 'pending'`, [id, error]);
  }

  async deadLetters(q: DeadLetterListQuery): Promise<Page<DeadLetterView>> {
    const req = pageRequest(q, { updatedAt: 'updated_at', createdAt: 'created_at' }, '-updatedAt', 'id');
    const [rows, [{ total }]] = await Promise.all([
      this.ds.query<DeliveryRow[]>(
        `SELECT id, event_id, user_id, recipient, type, language, data, message_id, attempts, last_error, created_at, updated_at, channel
           FROM notification.deliveries WHERE status = 'dead' ORDER BY ${orderByClause(req)} LIMIT $1 OFFSET $2`,
        [req.limit, req.offset],
      ),
      this.ds.query<Array<{ total: string }>>(`SELECT count(*) AS total FROM notification.deliveries WHERE status = 'dead'`),
    ]);
    return {
      items: rows.map((r) => ({
        id: r.id,
        channel: (r as DeliveryRow & { channel: string }).channel,
        recipient: r.recipient,
        userId: r.user_id,
        eventId: r.event_id,
        type: r.type,
        attempts: r.attempts,
        lastError: r.last_error ?? '',
        messageId: r.message_id,
        createdAt: r.created_at.toISOString(),
        updatedAt: r.updated_at.toISOString(),
      })),
      total: Number(total),
      limit: req.limit,
      offset: req.offset,
    };
  }
}
