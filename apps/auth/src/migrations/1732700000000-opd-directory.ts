import { snapshotStateTableSql } from '@sakip/messaging';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * auth's copy of core's OPD list (snapshot `core.opd.list.v1`, then `evt.core.opd.changed.v1`):
 * once complete, a user or key naming an unknown OPD is refused (ARCHITECTURE.md "Events").
 * Deleted OPDs stay as tombstones so a late, older event cannot bring them back.
 */
export class OpdDirectory1732700000000 implements MigrationInterface {
  name = 'OpdDirectory1732700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE auth.opd_directory (
        opd_id uuid PRIMARY KEY,
        code text NOT NULL,
        name text NOT NULL,
        is_active boolean NOT NULL,
        deleted boolean NOT NULL DEFAULT false,
        version integer NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(snapshotStateTableSql('auth'));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE auth.snapshot_state, auth.opd_directory`);
  }
}
