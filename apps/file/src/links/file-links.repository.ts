import { Injectable } from '@nestjs/common';
import type { FileLinksChangedV1 } from '@sakip/contracts';
import type { EntityManager } from 'typeorm';

/** The link table kept from every service's `evt.<service>.file_links.changed.v1`. */
@Injectable()
export class FileLinksRepository {
  /**
   * Replaces the owner's links with its complete current set, unless a newer set was already
   * applied (a late, older event is ignored). Files gaining a link are locked first (FOR SHARE),
   * the same row lock a delete takes, so a delete and a new link never pass each other.
   * Returns false when the event was stale.
   */
  async applySet(tx: EntityManager, producer: string, e: FileLinksChangedV1, occurredAt: string): Promise<boolean> {
    const [owner] = await tx.query(
      `INSERT INTO file.file_link_owners (producer, owner_type, owner_id, last_event_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (producer, owner_type, owner_id) DO UPDATE SET last_event_at = EXCLUDED.last_event_at
         WHERE file_link_owners.last_event_at <= EXCLUDED.last_event_at
       RETURNING owner_id`,
      [producer, e.ownerType, e.ownerId, occurredAt],
    );
    if (!owner) return false;
    const fileIds = [...new Set(e.fileIds)];
    await tx.query(`SELECT id FROM file.files WHERE id = ANY($1::uuid[]) ORDER BY id FOR SHARE`, [fileIds]);
    // TypeORM answers DELETE … RETURNING with [rows, count].
    const [removed] = (await tx.query(
      `DELETE FROM file.file_links WHERE producer = $1 AND owner_type = $2 AND owner_id = $3 AND NOT (file_id = ANY($4::uuid[])) RETURNING file_id`,
      [producer, e.ownerType, e.ownerId, fileIds],
    )) as [{ file_id: string }[], number];
    await tx.query(
      `INSERT INTO file.file_links (producer, owner_type, owner_id, file_id, opd_id)
       SELECT $1, $2, $3, f, $5 FROM unnest($4::uuid[]) AS f
       ON CONFLICT (producer, owner_type, owner_id, file_id) DO UPDATE SET opd_id = EXCLUDED.opd_id`,
      [producer, e.ownerType, e.ownerId, fileIds, e.opdId],
    );
    // Linked files are not garbage; a file whose last link just went starts its grace period now.
    await tx.query(`UPDATE file.files SET released_at = NULL WHERE id = ANY($1::uuid[]) AND released_at IS NOT NULL`, [fileIds]);
    const gone = removed.map((r) => r.file_id);
    if (gone.length) {
      await tx.query(
        `UPDATE file.files f SET released_at = now() WHERE f.id = ANY($1::uuid[]) AND NOT EXISTS (SELECT 1 FROM file.file_links l WHERE l.file_id = f.id)`,
        [gone],
      );
    }
    return true;
  }
}
