import { Injectable } from '@nestjs/common';
import { Role } from '@sakip/contracts';
import type { EntityManager } from 'typeorm';

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

/** Reads of notification.user_directory (written by the shared UserDirectoryModule from auth's snapshot and events; placeholders have role '' and receive nothing). */
@Injectable()
export class DirectoryRepository {
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
