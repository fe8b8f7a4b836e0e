import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The core schema for LKE templates and evaluations (issue #6). */
export class Evaluations1733100000100 implements MigrationInterface {
  name = 'Evaluations1733100000100';

  async up(_q: QueryRunner): Promise<void> {
    // filled in by the evaluations feature
  }

  async down(_q: QueryRunner): Promise<void> {
    // filled in by the evaluations feature
  }
}
