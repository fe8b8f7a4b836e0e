import type { AuditRecordedV1, EventSubject, ServiceName } from '@sakip/contracts';
import { currentRequestContext } from '@sakip/observability';
import { uuidv7 } from '@sakip/persistence';
import type { EntityManager } from 'typeorm';
import { qualifiedTable } from '../events/event-tables.sql';
import type { OutboxEvent, OutboxWriter } from '../events/outbox-writer';

/**
 * Set on the transaction's query runner when an audit row was written: every change to domain data
 * writes one, so an after-commit listener can treat it as "data changed" (e.g. to invalidate caches).
 */
export const AUDIT_WRITTEN = 'sakip.auditWritten';

/** What a change records (DOMAIN.md "Audit"): who, from where, what, which row, before and after. */
export interface AuditInput {
  actor: string;
  ip?: string | null;
  operation: string;
  table: string;
  rowId?: string | null;
  oldValues?: Record<string, unknown> | null;
  newValues?: Record<string, unknown> | null;
}

export interface AuditWriterOptions {
  service: ServiceName;
  schema: string;
  outbox: OutboxWriter;
  /** `evt.<service>.audit.recorded.v1` of this service. */
  subject: EventSubject;
  /** Field names whose values are replaced by `[masked]` (secrets never reach audit rows or events). */
  secretFields?: Iterable<string>;
}

/**
 * Appends an audit row inside the caller's transaction and enqueues its
 * `evt.<service>.audit.recorded.v1` in the same commit, so core keeps the searchable copy.
 * The table is `<schema>.audit_log` (auditLogTableSql).
 */
export class AuditWriter {
  private readonly table: string;
  private readonly secrets: Set<string>;

  constructor(private readonly o: AuditWriterOptions) {
    this.table = qualifiedTable(o.schema, 'audit_log');
    this.secrets = new Set(o.secretFields ?? []);
  }

  mask(values: Record<string, unknown> | null | undefined): Record<string, unknown> | null {
    if (!values) return null;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(values)) {
      if (v === undefined) continue;
      out[k] = this.secrets.has(k) ? '[masked]' : v instanceof Date ? v.toISOString() : v;
    }
    return out;
  }

  async write(tx: EntityManager, a: AuditInput): Promise<string> {
    const [id] = await this.writeMany(tx, [a]);
    return id;
  }

  /** Many audit rows and their events in two statements (set-based writers), in this order. */
  async writeMany(tx: EntityManager, inputs: readonly AuditInput[]): Promise<string[]> {
    if (!inputs.length) return [];
    if (tx.queryRunner) tx.queryRunner.data[AUDIT_WRITTEN] = true;
    const occurredAt = new Date();
    const requestId = currentRequestContext()?.requestId ?? null;
    const events: AuditRecordedV1[] = inputs.map((a) => ({
      auditId: uuidv7(),
      service: this.o.service,
      occurredAt: occurredAt.toISOString(),
      actor: a.actor,
      ip: a.ip ?? null,
      requestId,
      operation: a.operation,
      table: a.table,
      rowId: a.rowId ?? null,
      oldValues: this.mask(a.oldValues),
      newValues: this.mask(a.newValues),
    }));
    await tx.query(
      `INSERT INTO ${this.table} (id, occurred_at, actor, ip, request_id, operation, table_name, row_id, old_values, new_values)
       SELECT (e.v->>'auditId')::uuid, $2, e.v->>'actor', e.v->>'ip', e.v->>'requestId', e.v->>'operation', e.v->>'table', e.v->>'rowId',
              NULLIF(e.v->'oldValues', 'null'::jsonb), NULLIF(e.v->'newValues', 'null'::jsonb)
         FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS e(v, ord) ORDER BY e.ord`,
      [JSON.stringify(events), occurredAt],
    );
    // Every `evt.*.audit.recorded.v1` carries AuditRecordedV1; the catalogue types each subject separately.
    await this.o.outbox.enqueueMany(tx, events.map((data) => ({ subject: this.o.subject, data }) as OutboxEvent));
    return events.map((e) => e.auditId);
  }
}

/** The append-only audit table every service keeps in its own schema. */
export function auditLogTableSql(schema: string): string[] {
  const t = qualifiedTable(schema, 'audit_log');
  return [
    `CREATE TABLE ${t} (
      id uuid PRIMARY KEY,
      occurred_at timestamptz NOT NULL,
      actor text NOT NULL,
      ip text NULL,
      request_id text NULL,
      operation text NOT NULL,
      table_name text NOT NULL,
      row_id text NULL,
      old_values jsonb NULL,
      new_values jsonb NULL
    )`,
    `CREATE INDEX audit_log_row_idx ON ${t} (table_name, row_id)`,
    // Append-only: the service role may insert and read, never rewrite history.
    `CREATE FUNCTION "${schema}".audit_log_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'audit_log is append-only'; END $$`,
    `CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON ${t} FOR EACH ROW EXECUTE FUNCTION "${schema}".audit_log_immutable()`,
  ];
}
