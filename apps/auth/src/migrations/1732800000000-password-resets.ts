import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One-time password-reset tokens (API.md "Auth"): only the SHA-256 of the 256-bit random token is
 * kept, so a leaked table cannot reset anyone. A token is good once and for 30 minutes.
 */
export class PasswordResets1732800000000 implements MigrationInterface {
  name = 'PasswordResets1732800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE auth.password_resets (
        id uuid PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES auth.users (id) ON DELETE CASCADE,
        token_hash bytea NOT NULL UNIQUE,
        expires_at timestamptz NOT NULL,
        used_at timestamptz NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX password_resets_open_idx ON auth.password_resets (user_id) WHERE used_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE auth.password_resets`);
  }
}
