import { Injectable } from '@nestjs/common';
import type { NotificationListQuery, NotificationsSince, NotificationType, NotificationView, Page } from '@sakip/contracts';
import { orderByClause, pageRequest } from '@sakip/persistence';
import { DataSource } from 'typeorm';

export interface NotificationRow {
  id: string;
  type: NotificationType;
  title: string;
  body: string;
  data: Record<string, unknown>;
  read_at: Date | null;
  created_at: Date;
}

export const COLUMNS = 'id, type, title, body, data, read_at, created_at';

export function toView(r: NotificationRow): NotificationView {
  return { id: r.id, type: r.type, title: r.title, body: r.body, data: r.data, readAt: r.read_at?.toISOString() ?? null, createdAt: r.created_at.toISOString() };
}

/** TypeORM answers UPDATE … RETURNING through query() as [rows, count]. */
const updated = (result: unknown): { rows: NotificationRow[]; count: number } =>
  Array.isArray(result) && Array.isArray(result[0]) ? { rows: result[0] as NotificationRow[], count: Number(result[1]) } : { rows: [], count: 0 };

/** One user's inbox; every statement is bound to the owner, so another's notification is simply not found. */
@Injectable()
export class InboxRepository {
  constructor(private readonly ds: DataSource) {}

  async list(userId: string, q: NotificationListQuery): Promise<Page<NotificationView>> {
    const req = pageRequest(q, { createdAt: 'created_at' }, '-createdAt', 'id');
    const where = `user_id = $1 AND ($2::boolean IS NOT TRUE OR read_at IS NULL)`;
    const [rows, [{ total }]] = await Promise.all([
      this.ds.query<NotificationRow[]>(`SELECT ${COLUMNS} FROM notification.notifications WHERE ${where} ORDER BY ${orderByClause(req)} LIMIT $3 OFFSET $4`, [userId, q.unread ?? false, req.limit, req.offset]),
      this.ds.query<Array<{ total: string }>>(`SELECT count(*) AS total FROM notification.notifications WHERE ${where}`, [userId, q.unread ?? false]),
    ]);
    return { items: rows.map(toView), total: Number(total), limit: req.limit, offset: req.offset };
  }

  /** Marks one read (keeping the first read time); null when it is not this user's. */
  async markRead(userId: string, id: string): Promise<NotificationView | null> {
    const { rows } = updated(
      await this.ds.query(
        `UPDATE notification.notifications SET read_at = COALESCE(read_at, now()) WHERE id = $1 AND user_id = $2 RETURNING ${COLUMNS}`,
        [id, userId],
      ),
    );
    return rows[0] ? toView(rows[0]) : null;
  }

  /** Oldest first after `afterId` (UUIDv7: id order is creation order); one row more tells whether more follow. */
  async since(userId: string, afterId: string, limit: number): Promise<NotificationsSince> {
    const rows = await this.ds.query<NotificationRow[]>(
      `SELECT ${COLUMNS} FROM notification.notifications WHERE user_id = $1 AND id > $2 ORDER BY id LIMIT $3`,
      [userId, afterId, limit + 1],
    );
    return { items: rows.slice(0, limit).map(toView), hasMore: rows.length > limit };
  }

  async markAllRead(userId: string): Promise<number> {
    return updated(await this.ds.query(`UPDATE notification.notifications SET read_at = now() WHERE user_id = $1 AND read_at IS NULL RETURNING id`, [userId])).count;
  }
}
