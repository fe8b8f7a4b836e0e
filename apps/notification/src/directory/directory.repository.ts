import { Injectable } from '@nestjs/common';
import { Role, type UserStateV1 } from '@sakip/contracts';
import { DataSource, type EntityManager } from 'typeorm';

/** A person notifications can be addressed to, as last seen from auth. */
export interface Recipient {
  id: string;
  email: string;
  name: string;
  role: Role;
  opdId: string | null;
}

/** Who to notify: everyone active with one of `roles`, optionally only of `opdId`; or one user. */
export type RecipientQuery = { roles: readonly Role[]; opdId?: string } | { userId: string };

/** The snapshot source name in notification.snapshot_state. */
export const AUTH_USERS_SOURCE = 'auth.users';

/**
 * notification.user_directory. Every write keeps the higher `version` (auth bumps it on every
 * change), so snapshot pages and events converge in any order. A deactivation seen first leaves
 * a placeholder (no e-mail, no role) holding its version; it never receives anything.
 */
@Injectable()
export class DirectoryRepository {
  constructor(private readonly ds: DataSource) {}

  async upsertStates(users: UserStateV1[], db: DataSource | EntityManager = this.ds): Promise<void> {
    if (!users.length) return;
    await db.query(
      `INSERT INTO notification.user_directory AS d (user_id, email, name, role, opd_id, is_active, version, updated_at)
       SELECT u.* , now()
         FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::uuid[], $6::boolean[], $7::integer[])
           AS u (user_id, email, name, role, opd_id, is_active, version)
       ON CONFLICT (user_id) DO UPDATE SET email = EXCLUDED.email, name = EXCLUDED.name, role = EXCLUDED.role, opd_id = EXCLUDED.opd_id,
         is_active = EXCLUDED.is_active, version = EXCLUDED.version, updated_at = now()
       WHERE d.version <= EXCLUDED.version`,
      [users.map((u) => u.userId), users.map((u) => u.email), users.map((u) => u.name), users.map((u) => u.role), users.map((u) => u.opdId), users.map((u) => u.isActive), users.map((u) => u.version)],
    );
  }

  async deactivate(tx: EntityManager, userId: string, version: number): Promise<void> {
    await tx.query(
      `INSERT INTO notification.user_directory AS d (user_id, email, name, role, opd_id, is_active, version, updated_at)
       VALUES ($1, '', '', '', NULL, false, $2, now())
       ON CONFLICT (user_id) DO UPDATE SET is_active = false, version = EXCLUDED.version, updated_at = now()
       WHERE d.version < EXCLUDED.version`,
      [userId, version],
    );
  }

  /** Active users matching the query, in a stable order. */
  async resolve(db: EntityManager, q: RecipientQuery): Promise<Recipient[]> {
    const rows: Array<{ user_id: string; email: string; name: string; role: Role; opd_id: string | null }> =
      'userId' in q
        ? await db.query(`SELECT user_id, email, name, role, opd_id FROM notification.user_directory WHERE user_id = $1 AND is_active AND role <> ''`, [q.userId])
        : await db.query(
            `SELECT user_id, email, name, role, opd_id FROM notification.user_directory
              WHERE is_active AND role = ANY($1::text[]) AND ($2::uuid IS NULL OR opd_id = $2)
              ORDER BY user_id`,
            [q.roles, q.opdId ?? null],
          );
    return rows.map((r) => ({ id: r.user_id, email: r.email, name: r.name, role: r.role, opdId: r.opd_id }));
  }
}
