import { auditLogTableSql, eventTablesDropSql, eventTablesMigrationSql, snapshotStateTableSql } from '@sakip/messaging';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The notification schema (issue #7): a copy of auth's users (to address people), the in-app
 * inbox (exactly once per event and user), preferences per channel and type, the outgoing
 * deliveries (e-mail: at least once, retried, dead-lettered), the audit log and the event tables.
 */
export class InitNotification1735000000000 implements MigrationInterface {
  name = 'InitNotification1735000000000';

  async up(q: QueryRunner): Promise<void> {
    // Followed from auth (snapshot + events); the version guard keeps the newest state.
    await q.query(`
      CREATE TABLE notification.user_directory (
        user_id uuid PRIMARY KEY,
        email text NOT NULL,
        name text NOT NULL,
        role text NOT NULL,
        opd_id uuid NULL,
        is_active boolean NOT NULL,
        version integer NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX user_directory_role_idx ON notification.user_directory (role, opd_id) WHERE is_active`);
    await q.query(snapshotStateTableSql('notification'));

    // One row per (event, user): a redelivered event cannot notify twice.
    await q.query(`
      CREATE TABLE notification.notifications (
        id uuid PRIMARY KEY,
        event_id uuid NOT NULL,
        user_id uuid NOT NULL,
        type text NOT NULL,
        language text NOT NULL CHECK (language IN ('id', 'en')),
        title text NOT NULL,
        body text NOT NULL,
        data jsonb NOT NULL,
        read_at timestamptz NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (event_id, user_id)
      )`);
    await q.query(`CREATE INDEX notifications_user_idx ON notification.notifications (user_id, created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX notifications_unread_idx ON notification.notifications (user_id, created_at DESC) WHERE read_at IS NULL`);

    await q.query(`
      CREATE TABLE notification.user_settings (
        user_id uuid PRIMARY KEY,
        language text NOT NULL DEFAULT 'id' CHECK (language IN ('id', 'en')),
        version integer NOT NULL DEFAULT 1,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // Only the choices a user made; a missing row means the default of that type and channel.
    await q.query(`
      CREATE TABLE notification.channel_preferences (
        user_id uuid NOT NULL,
        type text NOT NULL,
        channel text NOT NULL CHECK (channel IN ('in_app', 'email')),
        enabled boolean NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, type, channel)
      )`);

    // Outgoing messages. pending → sent | dead; next_attempt_at is also the claim lease while sending.
    await q.query(`
      CREATE TABLE notification.deliveries (
        id uuid PRIMARY KEY,
        event_id uuid NOT NULL,
        user_id uuid NOT NULL,
        channel text NOT NULL CHECK (channel IN ('email', 'slack')),
        recipient text NOT NULL,
        type text NOT NULL,
        language text NOT NULL CHECK (language IN ('id', 'en')),
        data jsonb NOT NULL,
        message_id text NOT NULL,
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'dead')),
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        last_error text NULL,
        sent_at timestamptz NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (event_id, user_id, channel)
      )`);
    await q.query(`CREATE INDEX deliveries_due_idx ON notification.deliveries (next_attempt_at) WHERE status = 'pending'`);
    await q.query(`CREATE INDEX deliveries_dead_idx ON notification.deliveries (updated_at DESC, id DESC) WHERE status = 'dead'`);

    for (const sql of auditLogTableSql('notification')) await q.query(sql);
    for (const sql of eventTablesMigrationSql('notification')) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const sql of eventTablesDropSql('notification')) await q.query(sql);
    await q.query(`DROP TABLE notification.audit_log, notification.deliveries, notification.channel_preferences, notification.user_settings,
      notification.notifications, notification.snapshot_state, notification.user_directory`);
    await q.query(`DROP FUNCTION notification.audit_log_immutable()`);
  }
}
