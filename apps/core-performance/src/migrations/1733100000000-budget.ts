import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The core schema for budget allocations and realizations (issue #6). */
export class Budget1733100000000 implements MigrationInterface {
  name = 'Budget1733100000000';

  async up(_q: QueryRunner): Promise<void> {
    // filled in by the budget feature
  }

  async down(_q: QueryRunner): Promise<void> {
    // filled in by the budget feature
  }
}
