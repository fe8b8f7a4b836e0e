import { eventTablesDropSql, eventTablesMigrationSql } from '@sakip/messaging';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/** auth.outbox and auth.inbox for the JetStream event path (the shared shape from libs/messaging). */
export class EventTables1732600000000 implements MigrationInterface {
  name = 'EventTables1732600000000';

  async up(q: QueryRunner): Promise<void> {
    for (const sql of eventTablesMigrationSql('auth')) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const sql of eventTablesDropSql('auth')) await q.query(sql);
  }
}
