import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Report jobs: the request, who asked (their identity reads core as them), state, lease, the stored document and the signed scan. */
export class Reports1737000000001 implements MigrationInterface {
  name = 'Reports1737000000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE report.reports (
        id uuid PRIMARY KEY,
        type text NOT NULL CHECK (type IN ('lkjip', 'pk', 'iku', 'rencana-aksi', 'capaian', 'realisasi-anggaran')),
        format text NOT NULL CHECK (format IN ('pdf', 'xlsx')),
        year integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
        opd_id uuid,
        period text,
        language text NOT NULL CHECK (language IN ('id', 'en')),
        status text NOT NULL CHECK (status IN ('queued', 'running', 'done', 'failed')),
        requested_by text NOT NULL,
        -- The requester's identity (role, OPD), for reading core and storing the file as them; no secrets.
        requester jsonb NOT NULL,
        requester_opd_id uuid,
        -- Same request by the same requester while one is queued or running → that one.
        dedupe_key text NOT NULL,
        attempts integer NOT NULL DEFAULT 0,
        lease_until timestamptz,
        file_id uuid,
        signed_file_id uuid,
        pages integer,
        error text,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        started_at timestamptz,
        finished_at timestamptz
      )`);
    await q.query(`CREATE UNIQUE INDEX reports_one_active ON report.reports (dedupe_key) WHERE status IN ('queued', 'running')`);
    await q.query(`CREATE INDEX reports_by_opd ON report.reports (opd_id, created_at DESC)`);
    await q.query(`CREATE INDEX reports_by_requester ON report.reports (requested_by, created_at DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE report.reports`);
  }
}
