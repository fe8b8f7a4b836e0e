/**
 * The outbox and inbox tables every event-producing or -consuming service creates in its own
 * schema, from its own migration:
 *
 *   async up(q: QueryRunner) { for (const sql of eventTablesMigrationSql('core')) await q.query(sql); }
 *
 * One definition, so the relay and the consumers can rely on the shape in every service.
 */
const SCHEMA = /^[a-z_][a-z0-9_]{0,62}$/;

export function qualifiedTable(schema: string, table: 'outbox' | 'inbox' | 'audit_log'): string {
  if (!SCHEMA.test(schema)) throw new Error(`invalid schema name "${schema}"`);
  return `"${schema}"."${table}"`;
}

/**
 * `seq` orders publishing (commit order for rows touching the same entity, which row locks
 * serialise); `id` is the event id (UUIDv7, the broker's dedupe key); `published_at` is null
 * while pending. The partial indexes keep the relay's scan and the hourly prune small.
 */
export function outboxMigrationSql(schema: string): string[] {
  const t = qualifiedTable(schema, 'outbox');
  return [
    `CREATE TABLE ${t} (
       id uuid PRIMARY KEY,
       seq bigint GENERATED ALWAYS AS IDENTITY,
       subject text NOT NULL,
       data jsonb NOT NULL,
       occurred_at timestamptz NOT NULL,
       published_at timestamptz NULL,
       attempts integer NOT NULL DEFAULT 0,
       last_error text NULL
     )`,
    `CREATE INDEX outbox_pending_idx ON ${t} (seq) WHERE published_at IS NULL`,
    `CREATE INDEX outbox_published_idx ON ${t} (published_at) WHERE published_at IS NOT NULL`,
  ];
}

/** One row per (consumer, event) handled: the key that makes a redelivery a no-op. */
export function inboxMigrationSql(schema: string): string[] {
  const t = qualifiedTable(schema, 'inbox');
  return [
    `CREATE TABLE ${t} (
       consumer text NOT NULL,
       event_id uuid NOT NULL,
       subject text NOT NULL,
       handled_at timestamptz NOT NULL DEFAULT now(),
       PRIMARY KEY (consumer, event_id)
     )`,
    `CREATE INDEX inbox_handled_at_idx ON ${t} (handled_at)`,
  ];
}

export function eventTablesMigrationSql(schema: string): string[] {
  return [...outboxMigrationSql(schema), ...inboxMigrationSql(schema)];
}

export function eventTablesDropSql(schema: string): string[] {
  return [`DROP TABLE ${qualifiedTable(schema, 'inbox')}`, `DROP TABLE ${qualifiedTable(schema, 'outbox')}`];
}
