import { auditLogTableSql, eventTablesDropSql, eventTablesMigrationSql } from '@sakip/messaging';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The integration schema: the audit log and the event tables; features add their tables in later migrations. */
export class InitIntegration1736000000000 implements MigrationInterface {
  name = 'InitIntegration1736000000000';

  async up(q: QueryRunner): Promise<void> {
    for (const sql of auditLogTableSql('integration')) await q.query(sql);
    for (const sql of eventTablesMigrationSql('integration')) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const sql of eventTablesDropSql('integration')) await q.query(sql);
    await q.query(`DROP TABLE integration.audit_log`);
    await q.query(`DROP FUNCTION integration.audit_log_immutable()`);
  }
}
