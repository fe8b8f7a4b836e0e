import { Injectable } from '@nestjs/common';
import type { FileView } from '@sakip/contracts';
import { DataSource, type EntityManager } from 'typeorm';

export interface FileRow {
  id: string;
  name: string;
  mime_type: string;
  size_bytes: string;
  sha256: string;
  storage_key: string;
  opd_id: string | null;
  owner_id: string;
  owner_actor: string;
  created_at: Date;
}

export interface NewFile {
  id: string;
  name: string;
  mimeType: string;
  size: number;
  sha256: string;
  storageKey: string;
  opdId: string | null;
  ownerId: string;
  ownerActor: string;
}

export function toFileView(r: FileRow): FileView {
  return { id: r.id, name: r.name, size: Number(r.size_bytes), mimeType: r.mime_type, sha256: r.sha256, opdId: r.opd_id, createdAt: r.created_at.toISOString() };
}

type Db = DataSource | EntityManager;

@Injectable()
export class FilesRepository {
  constructor(readonly ds: DataSource) {}

  async find(id: string, db: Db = this.ds, lock = false): Promise<FileRow | null> {
    const rows: FileRow[] = await db.query(`SELECT * FROM file.files WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [id]);
    return rows[0] ?? null;
  }

  async findMany(ids: string[]): Promise<FileRow[]> {
    return this.ds.query(`SELECT * FROM file.files WHERE id = ANY($1::uuid[])`, [ids]);
  }

  /** OPDs of the records that link the file (one entry per link; null = Pemda-wide record). */
  async linkOpdIds(fileId: string, db: Db = this.ds): Promise<(string | null)[]> {
    const rows: { opd_id: string | null }[] = await db.query(`SELECT DISTINCT opd_id FROM file.file_links WHERE file_id = $1`, [fileId]);
    return rows.map((r) => r.opd_id);
  }


  async insert(tx: EntityManager, f: NewFile): Promise<FileRow> {
    const rows: FileRow[] = await tx.query(
      `INSERT INTO file.files (id, name, mime_type, size_bytes, sha256, storage_key, opd_id, owner_id, owner_actor)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING *`,
      [f.id, f.name, f.mimeType, f.size, f.sha256, f.storageKey, f.opdId, f.ownerId, f.ownerActor],
    );
    return rows[0] as FileRow;
  }

  async delete(tx: EntityManager, id: string): Promise<void> {
    await tx.query(`DELETE FROM file.files WHERE id = $1`, [id]);
  }

  /**
   * Unlinked uploads past their grace period, oldest first: never linked and created before
   * `cutoff`, or released (last link gone) before it. Locked and skipped when busy, so concurrent
   * sweeps and a link arriving at the same moment never collide.
   */
  async lockExpiredUnlinked(tx: EntityManager, cutoff: Date, limit: number): Promise<FileRow[]> {
    return tx.query(
      `SELECT f.* FROM file.files f
        WHERE coalesce(f.released_at, f.created_at) < $1
          AND NOT EXISTS (SELECT 1 FROM file.file_links l WHERE l.file_id = f.id)
        ORDER BY f.created_at
        LIMIT $2
        FOR UPDATE SKIP LOCKED`,
      [cutoff, limit],
    );
  }

  async deleteMany(tx: EntityManager, ids: string[]): Promise<void> {
    await tx.query(`DELETE FROM file.files WHERE id = ANY($1::uuid[])`, [ids]);
  }
}
