import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The five-year (Renstra) targets of an indicator are one set replaced by `PUT /plan-targets`:
 * their own version (ETag / If-Match), kept on the indicator so the set has one even while empty.
 * Starts at 1 like every version; the indicator's own `version` is not touched by the set.
 */
export class PlanTargetsVersion1733000000100 implements MigrationInterface {
  name = 'PlanTargetsVersion1733000000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE core.indicators ADD COLUMN plan_targets_version integer NOT NULL DEFAULT 1`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE core.indicators DROP COLUMN plan_targets_version`);
  }
}
