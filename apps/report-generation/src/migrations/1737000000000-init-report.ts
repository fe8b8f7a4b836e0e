import { auditLogTableSql, eventTablesDropSql, eventTablesMigrationSql } from '@sakip/messaging';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The report schema: the audit log and the event tables; features add their tables in later migrations. */
export class InitReport1737000000000 implements MigrationInterface {
  name = 'InitReport1737000000000';

  async up(q: QueryRunner): Promise<void> {
    for (const sql of auditLogTableSql('report')) await q.query(sql);
    for (const sql of eventTablesMigrationSql('report')) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const sql of eventTablesDropSql('report')) await q.query(sql);
    await q.query(`DROP TABLE report.audit_log`);
    await q.query(`DROP FUNCTION report.audit_log_immutable()`);
  }
}
