import { Injectable } from '@nestjs/common';
import type { NotificationLanguage, NotificationType, NotificationView } from '@sakip/contracts';
import { uuidv7 } from '@sakip/persistence';
import type { EntityManager } from 'typeorm';
import { COLUMNS, toView, type NotificationRow } from '../inbox/inbox.repository';
import { messageIdOf } from '../mail/retry-policy';

export interface InAppRow {
  userId: string;
  language: NotificationLanguage;
  title: string;
  body: string;
}

export interface MailRow {
  userId: string;
  email: string;
  language: NotificationLanguage;
}

/** Writes one event's notifications and deliveries, set-based; the UNIQUE keys make a repeat a no-op. */
@Injectable()
export class FanOutRepository {
  /** Returns the rows actually inserted (a repeat of the event inserts none). */
  async insertInApp(tx: EntityManager, eventId: string, type: NotificationType, data: unknown, rows: InAppRow[]): Promise<Array<{ userId: string; view: NotificationView }>> {
    if (!rows.length) return [];
    const inserted = await tx.query<Array<NotificationRow & { user_id: string }>>(
      `INSERT INTO notification.notifications (id, event_id, user_id, type, language, title, body, data, created_at)
       SELECT n.id, $1, n.user_id, $2, n.language, n.title, n.body, $3::jsonb, now()
         FROM unnest($4::uuid[], $5::uuid[], $6::text[], $7::text[], $8::text[]) AS n (id, user_id, language, title, body)
       ON CONFLICT (event_id, user_id) DO NOTHING
       RETURNING user_id, ${COLUMNS}`,
      [eventId, type, JSON.stringify(data), rows.map(() => uuidv7()), rows.map((r) => r.userId), rows.map((r) => r.language), rows.map((r) => r.title), rows.map((r) => r.body)],
    );
    return inserted.map((r) => ({ userId: r.user_id, view: toView(r) }));
  }

  async enqueueMail(tx: EntityManager, eventId: string, type: NotificationType, data: unknown, rows: MailRow[]): Promise<void> {
    if (!rows.length) return;
    await tx.query(
      `INSERT INTO notification.deliveries (id, event_id, user_id, channel, recipient, type, language, data, message_id)
       SELECT d.id, $1, d.user_id, 'email', d.recipient, $2, d.language, $3::jsonb, d.message_id
         FROM unnest($4::uuid[], $5::uuid[], $6::text[], $7::text[], $8::text[]) AS d (id, user_id, recipient, language, message_id)
       ON CONFLICT (event_id, user_id, channel) DO NOTHING`,
      [
        eventId,
        type,
        JSON.stringify(data),
        rows.map(() => uuidv7()),
        rows.map((r) => r.userId),
        rows.map((r) => r.email),
        rows.map((r) => r.language),
        rows.map((r) => messageIdOf(eventId, r.userId)),
      ],
    );
  }
}
