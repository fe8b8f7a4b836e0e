import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Achievement import jobs (issue #7) and their per-row results. */
export class Imports1733200000000 implements MigrationInterface {
  name = 'Imports1733200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE core.imports (
        id uuid PRIMARY KEY,
        kind text NOT NULL DEFAULT 'achievements' CHECK (kind IN ('achievements')),
        file_id uuid NOT NULL,
        -- The requester's OPD scope (null = Pemda-wide caller): scoping of GET and of idempotency.
        opd_id uuid,
        requested_by text NOT NULL,
        -- The caller identity the worker reads the file and applies rows as.
        identity jsonb NOT NULL,
        status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'done', 'failed')),
        total int NOT NULL DEFAULT 0,
        succeeded int NOT NULL DEFAULT 0,
        failed int NOT NULL DEFAULT 0,
        error text,
        sha256 text,
        attempts int NOT NULL DEFAULT 0,
        lease_until timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        started_at timestamptz,
        finished_at timestamptz
      )`);
    await q.query(`CREATE INDEX imports_pending ON core.imports (created_at) WHERE status IN ('queued', 'running')`);
    // One open job per file and OPD scope: an identical request while it runs returns it.
    await q.query(
      `CREATE UNIQUE INDEX imports_open_once ON core.imports (file_id, coalesce(opd_id, '00000000-0000-0000-0000-000000000000'::uuid)) WHERE status IN ('queued', 'running')`,
    );
    await q.query(`
      CREATE TABLE core.import_rows (
        import_id uuid NOT NULL REFERENCES core.imports (id) ON DELETE CASCADE,
        row_no int NOT NULL,
        ok boolean NOT NULL,
        error text,
        achievement_id uuid,
        parsed jsonb NOT NULL,
        PRIMARY KEY (import_id, row_no)
      )`);
    await q.query(`CREATE INDEX import_rows_failed ON core.import_rows (import_id, row_no) WHERE NOT ok`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE core.import_rows`);
    await q.query(`DROP TABLE core.imports`);
  }
}
