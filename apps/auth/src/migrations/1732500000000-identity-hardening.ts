import type { MigrationInterface, QueryRunner } from 'typeorm';

/** MFA, login throttling and API keys (issue #4). */
export class IdentityHardening1732500000000 implements MigrationInterface {
  name = 'IdentityHardening1732500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE auth.users
        ADD COLUMN mfa_secret_enc text NULL,
        ADD COLUMN mfa_pending_secret_enc text NULL,
        ADD COLUMN mfa_last_step bigint NULL`);

    // Opaque, hashed, single-purpose tokens bridging password and second factor (5 minutes).
    await q.query(`
      CREATE TABLE auth.mfa_challenges (
        id uuid PRIMARY KEY,
        token_hash bytea NOT NULL UNIQUE,
        user_id uuid NOT NULL REFERENCES auth.users (id),
        purpose text NOT NULL CHECK (purpose IN ('verify', 'setup')),
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        used_at timestamptz NULL
      )`);
    await q.query(`CREATE INDEX mfa_challenges_expiry_idx ON auth.mfa_challenges (expires_at)`);

    // Failed-login counters per account (by e-mail, existing or not) and per IP, with back-off.
    await q.query(`
      CREATE TABLE auth.login_throttle (
        key text PRIMARY KEY,
        failures integer NOT NULL DEFAULT 0,
        window_started_at timestamptz NOT NULL DEFAULT now(),
        locked_until timestamptz NULL,
        lockouts integer NOT NULL DEFAULT 0,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);

    await q.query(`
      CREATE TABLE auth.api_keys (
        id uuid PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES auth.users (id),
        name text NOT NULL,
        prefix text NOT NULL UNIQUE,
        key_hash bytea NOT NULL UNIQUE,
        scopes text[] NOT NULL,
        opd_id uuid NULL,
        expires_at timestamptz NULL,
        last_used_at timestamptz NULL,
        revoked_at timestamptz NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX api_keys_user_idx ON auth.api_keys (user_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE auth.api_keys, auth.login_throttle, auth.mfa_challenges`);
    await q.query(`ALTER TABLE auth.users DROP COLUMN mfa_secret_enc, DROP COLUMN mfa_pending_secret_enc, DROP COLUMN mfa_last_step`);
  }
}
