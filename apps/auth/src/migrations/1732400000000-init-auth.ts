import type { MigrationInterface, QueryRunner } from 'typeorm';

export class InitAuth1732400000000 implements MigrationInterface {
  name = 'InitAuth1732400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE auth.users (
        id uuid PRIMARY KEY,
        email text NOT NULL,
        name text NOT NULL,
        password_hash text NOT NULL,
        role text NOT NULL CHECK (role IN ('super_admin', 'admin_opd', 'evaluator', 'viewer')),
        opd_id uuid NULL,
        is_active boolean NOT NULL DEFAULT true,
        must_change_password boolean NOT NULL DEFAULT false,
        mfa_enabled boolean NOT NULL DEFAULT false,
        password_changed_at timestamptz NOT NULL DEFAULT now(),
        deactivated_at timestamptz NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        CHECK (role <> 'admin_opd' OR opd_id IS NOT NULL),
        CHECK (role NOT IN ('super_admin', 'evaluator') OR opd_id IS NULL)
      )`);
    await q.query(`CREATE UNIQUE INDEX users_email_key ON auth.users (lower(email))`);
    await q.query(`CREATE INDEX users_opd_idx ON auth.users (opd_id) WHERE opd_id IS NOT NULL`);

    await q.query(`
      CREATE TABLE auth.session_families (
        id uuid PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES auth.users (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        last_used_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz NULL,
        revoked_reason text NULL,
        ip text NULL,
        user_agent text NULL
      )`);
    await q.query(`CREATE INDEX session_families_user_idx ON auth.session_families (user_id) WHERE revoked_at IS NULL`);

    await q.query(`
      CREATE TABLE auth.refresh_tokens (
        id uuid PRIMARY KEY,
        family_id uuid NOT NULL REFERENCES auth.session_families (id),
        token_hash bytea NOT NULL UNIQUE,
        status text NOT NULL CHECK (status IN ('active', 'rotated', 'revoked')),
        created_at timestamptz NOT NULL DEFAULT now(),
        used_at timestamptz NULL,
        expires_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX refresh_tokens_family_idx ON auth.refresh_tokens (family_id)`);

    await q.query(`
      CREATE TABLE auth.signing_keys (
        kid text PRIMARY KEY,
        public_jwk jsonb NOT NULL,
        private_key_enc text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        retired_at timestamptz NULL
      )`);

    await q.query(`
      CREATE TABLE auth.audit_log (
        id uuid PRIMARY KEY,
        occurred_at timestamptz NOT NULL DEFAULT now(),
        actor text NOT NULL,
        ip text NULL,
        request_id text NULL,
        operation text NOT NULL,
        table_name text NOT NULL,
        row_id text NULL,
        old_values jsonb NULL,
        new_values jsonb NULL
      )`);
    await q.query(`CREATE INDEX audit_log_row_idx ON auth.audit_log (table_name, row_id)`);
    // Append-only: the service role may insert and read, never rewrite history.
    await q.query(`CREATE FUNCTION auth.audit_log_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'audit_log is append-only'; END $$`);
    await q.query(`CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON auth.audit_log
      FOR EACH ROW EXECUTE FUNCTION auth.audit_log_immutable()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE auth.audit_log, auth.signing_keys, auth.refresh_tokens, auth.session_families, auth.users`);
    await q.query(`DROP FUNCTION auth.audit_log_immutable()`);
  }
}
