import { Injectable } from '@nestjs/common';
import type { Role, UserStateV1 } from '@sakip/contracts';
import { DataSource, type EntityManager } from 'typeorm';

/** A user as core knows it from auth (snapshot + events): enough to address and scope people. */
export interface DirectoryUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  opdId: string | null;
  isActive: boolean;
  version: number;
}

interface DirectoryRow {
  user_id: string;
  email: string;
  name: string;
  role: Role;
  opd_id: string | null;
  is_active: boolean;
  version: number;
}

const COLUMNS = 'user_id, email, name, role, opd_id, is_active, version';

function fromRow(r: DirectoryRow): DirectoryUser {
  return { id: r.user_id, email: r.email, name: r.name, role: r.role, opdId: r.opd_id, isActive: r.is_active, version: r.version };
}

/** The snapshot source name in core.snapshot_state. */
export const AUTH_USERS_SOURCE = 'auth.users';

/**
 * core.user_directory. Every write keeps the higher `version` (auth bumps it on every change), so
 * the snapshot and the events may arrive in any order, and more than once, and still converge.
 * A deactivation seen before any state of the user leaves a placeholder row (no e-mail, no role)
 * holding its version, so an older snapshot row cannot bring the user back; it is never returned.
 */
@Injectable()
export class UserDirectoryRepository {
  constructor(private readonly ds: DataSource) {}

  /** Set-based upsert of whole user states (a snapshot page, or one event). */
  async upsertStates(users: UserStateV1[], db: DataSource | EntityManager = this.ds): Promise<void> {
    if (!users.length) return;
    await db.query(
      `INSERT INTO core.user_directory AS d (user_id, email, name, role, opd_id, is_active, version, updated_at)
       SELECT u.user_id, u.email, u.name, u.role, u.opd_id, u.is_active, u.version, now()
         FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::uuid[], $6::boolean[], $7::integer[])
           AS u (user_id, email, name, role, opd_id, is_active, version)
       ON CONFLICT (user_id) DO UPDATE SET email = EXCLUDED.email, name = EXCLUDED.name, role = EXCLUDED.role, opd_id = EXCLUDED.opd_id,
         is_active = EXCLUDED.is_active, version = EXCLUDED.version, updated_at = now()
       WHERE d.version <= EXCLUDED.version`,
      [
        users.map((u) => u.userId),
        users.map((u) => u.email),
        users.map((u) => u.name),
        users.map((u) => u.role),
        users.map((u) => u.opdId),
        users.map((u) => u.isActive),
        users.map((u) => u.version),
      ],
    );
  }

  async deactivate(tx: EntityManager, userId: string, version: number): Promise<void> {
    await tx.query(
      `INSERT INTO core.user_directory AS d (user_id, email, name, role, opd_id, is_active, version, updated_at)
       VALUES ($1, '', '', '', NULL, false, $2, now())
       ON CONFLICT (user_id) DO UPDATE SET is_active = false, version = EXCLUDED.version, updated_at = now()
       WHERE d.version < EXCLUDED.version`,
      [userId, version],
    );
  }


  async byId(id: string): Promise<DirectoryUser | null> {
    const [row] = await this.ds.query<DirectoryRow[]>(`SELECT ${COLUMNS} FROM core.user_directory WHERE user_id = $1 AND role <> ''`, [id]);
    return row ? fromRow(row) : null;
  }

  async activeOfOpd(opdId: string, roles?: readonly Role[]): Promise<DirectoryUser[]> {
    const rows = await this.ds.query<DirectoryRow[]>(
      `SELECT ${COLUMNS} FROM core.user_directory
        WHERE opd_id = $1 AND is_active AND ($2::text[] IS NULL OR role = ANY($2::text[]))
        ORDER BY name, user_id`,
      [opdId, roles?.length ? roles : null],
    );
    return rows.map(fromRow);
  }
}
