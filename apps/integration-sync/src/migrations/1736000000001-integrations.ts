import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Integrations (credentials encrypted), their sync runs (the sync log, also the job record the
 * work queue points at), the quarantine of refused upstream rows, and the SIMPEG staff copy.
 */
export class Integrations1736000000001 implements MigrationInterface {
  name = 'Integrations1736000000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE integration.integrations (
        id uuid PRIMARY KEY,
        type text NOT NULL CHECK (type IN ('sipd', 'simpeg')),
        name text NOT NULL,
        base_url text NOT NULL,
        -- AES-256-GCM: iv (12) | tag (16) | ciphertext; key_id names the key that sealed it (rotation).
        credentials bytea NOT NULL,
        credentials_key_id text NOT NULL,
        credential_names text[] NOT NULL,
        sync_frequency text NOT NULL,
        options jsonb NOT NULL DEFAULT '{}'::jsonb,
        is_active boolean NOT NULL DEFAULT true,
        next_run_at timestamptz,
        -- Incremental state, e.g. SIMPEG's updated_since of the last complete run.
        cursor jsonb NOT NULL DEFAULT '{}'::jsonb,
        version integer NOT NULL DEFAULT 1,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX integrations_name_key ON integration.integrations (lower(name))`);
    await q.query(`CREATE INDEX integrations_due ON integration.integrations (next_run_at) WHERE is_active AND next_run_at IS NOT NULL`);
    await q.query(`
      CREATE TABLE integration.sync_runs (
        id uuid PRIMARY KEY,
        integration_id uuid NOT NULL REFERENCES integration.integrations (id) ON DELETE CASCADE,
        trigger text NOT NULL CHECK (trigger IN ('manual', 'schedule')),
        requested_by text NOT NULL,
        status text NOT NULL CHECK (status IN ('queued', 'running', 'success', 'partial', 'failed')),
        attempts integer NOT NULL DEFAULT 0,
        -- The worker holding the run; a crashed worker's lease runs out and the redelivered job resumes.
        lease_until timestamptz,
        -- Where a resumed run picks up (phase, year, page).
        checkpoint jsonb NOT NULL DEFAULT '{}'::jsonb,
        inserted integer NOT NULL DEFAULT 0,
        updated integer NOT NULL DEFAULT 0,
        unchanged integer NOT NULL DEFAULT 0,
        failed integer NOT NULL DEFAULT 0,
        error text,
        started_at timestamptz,
        finished_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    // At most one run in flight per integration: a second trigger returns the first.
    await q.query(`CREATE UNIQUE INDEX sync_runs_one_active ON integration.sync_runs (integration_id) WHERE status IN ('queued', 'running')`);
    await q.query(`CREATE INDEX sync_runs_by_integration ON integration.sync_runs (integration_id, created_at DESC)`);
    await q.query(`
      CREATE TABLE integration.quarantine (
        id uuid PRIMARY KEY,
        integration_id uuid NOT NULL REFERENCES integration.integrations (id) ON DELETE CASCADE,
        record_key text NOT NULL,
        reason text NOT NULL,
        payload jsonb,
        run_id uuid NOT NULL,
        first_seen_at timestamptz NOT NULL DEFAULT now(),
        last_seen_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (integration_id, record_key)
      )`);
    await q.query(`
      CREATE TABLE integration.employees (
        integration_id uuid NOT NULL REFERENCES integration.integrations (id) ON DELETE CASCADE,
        nip text NOT NULL,
        name text NOT NULL,
        unit_code text NOT NULL,
        position text NOT NULL,
        rank text,
        email text,
        is_head boolean NOT NULL,
        upstream_updated_at timestamptz NOT NULL,
        synced_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (integration_id, nip)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE integration.employees`);
    await q.query(`DROP TABLE integration.quarantine`);
    await q.query(`DROP TABLE integration.sync_runs`);
    await q.query(`DROP TABLE integration.integrations`);
  }
}
