import { Injectable } from '@nestjs/common';
import type { Role } from '@sakip/contracts';
import { DataSource } from 'typeorm';

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

/** Reads of core.user_directory (written by the shared UserDirectoryModule from auth's snapshot and events; placeholders have role ''). */
@Injectable()
export class UserDirectoryRepository {
  constructor(private readonly ds: DataSource) {}

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
