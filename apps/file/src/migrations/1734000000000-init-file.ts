import { auditLogTableSql, eventTablesDropSql, eventTablesMigrationSql } from '@sakip/messaging';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The file schema (issue #7): stored files' metadata (bytes live in the storage driver under
 * `storage_key`), the links other services report through `evt.<service>.file_links.changed.v1`
 * (a file with links cannot be deleted), the audit log and the event tables.
 */
export class InitFile1734000000000 implements MigrationInterface {
  name = 'InitFile1734000000000';

  async up(q: QueryRunner): Promise<void> {
    // opd_id NULL: a Pemda-level file. released_at: when the last link went (NULL while linked or never linked).
    await q.query(`
      CREATE TABLE file.files (
        id uuid PRIMARY KEY,
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 255),
        mime_type text NOT NULL,
        size_bytes bigint NOT NULL CHECK (size_bytes >= 0),
        sha256 char(64) NOT NULL,
        storage_key text NOT NULL UNIQUE,
        opd_id uuid NULL,
        owner_id uuid NOT NULL,
        owner_actor text NOT NULL,
        released_at timestamptz NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1
      )`);
    await q.query(`CREATE INDEX files_opd_idx ON file.files (opd_id)`);
    await q.query(`CREATE INDEX files_owner_idx ON file.files (owner_id)`);

    // No FK to files: a link may name a file this service has not stored (or no longer stores); the set converges.
    await q.query(`
      CREATE TABLE file.file_links (
        producer text NOT NULL,
        owner_type text NOT NULL,
        owner_id uuid NOT NULL,
        file_id uuid NOT NULL,
        opd_id uuid NULL,
        linked_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (producer, owner_type, owner_id, file_id)
      )`);
    await q.query(`CREATE INDEX file_links_file_idx ON file.file_links (file_id)`);

    // The newest event applied per owner: an older complete set arriving late is ignored.
    await q.query(`
      CREATE TABLE file.file_link_owners (
        producer text NOT NULL,
        owner_type text NOT NULL,
        owner_id uuid NOT NULL,
        last_event_at timestamptz NOT NULL,
        PRIMARY KEY (producer, owner_type, owner_id)
      )`);

    for (const sql of auditLogTableSql('file')) await q.query(sql);
    for (const sql of eventTablesMigrationSql('file')) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const sql of eventTablesDropSql('file')) await q.query(sql);
    await q.query(`DROP TABLE file.audit_log, file.file_link_owners, file.file_links, file.files`);
    await q.query(`DROP FUNCTION file.audit_log_immutable()`);
  }
}
