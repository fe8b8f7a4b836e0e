import { Injectable } from '@nestjs/common';
import type { AuditLogQuery, AuditLogView, AuditRecordedV1, Page, ServiceName } from '@sakip/contracts';
import { isUuid } from '@sakip/persistence';
import { DataSource, type EntityManager } from 'typeorm';
import { queryPage } from '../database/sql-page';

interface AuditStoreRow {
  id: string;
  service: ServiceName;
  occurred_at: Date;
  actor: string;
  user_id: string | null;
  ip: string | null;
  request_id: string | null;
  operation: string;
  table_name: string;
  row_id: string | null;
  old_values: Record<string, unknown> | null;
  new_values: Record<string, unknown> | null;
}

const COLUMNS = 'id, service, occurred_at, actor, user_id, ip, request_id, operation, table_name, row_id, old_values, new_values';

function toView(r: AuditStoreRow): AuditLogView {
  return {
    id: r.id,
    service: r.service,
    occurredAt: r.occurred_at.toISOString(),
    actor: r.actor,
    userId: r.user_id,
    ip: r.ip,
    requestId: r.request_id,
    operation: r.operation,
    table: r.table_name,
    rowId: r.row_id,
    oldValues: r.old_values,
    newValues: r.new_values,
  };
}

/** The user behind a `user:<uuid>` actor; null for `apikey:…`, `system:…`, `anonymous`. */
export function userIdOfActor(actor: string): string | null {
  const id = actor.startsWith('user:') ? actor.slice('user:'.length) : null;
  return isUuid(id) ? id.toLowerCase() : null;
}

/** Filter parameter → column: equality filters of `GET /audit-logs`. */
const EQUALS: Array<[keyof AuditLogQuery, string]> = [
  ['service', 'service'],
  ['table', 'table_name'],
  ['rowId', 'row_id'],
  ['userId', 'user_id'],
  ['actor', 'actor'],
  ['operation', 'operation'],
];

/** core.audit_store: the searchable copy of every service's audit rows (DOMAIN.md "Audit"). */
@Injectable()
export class AuditStoreRepository {
  constructor(private readonly ds: DataSource) {}

  /** Stores one row in the consumer's transaction; the audit id is the key, so a repeat is a no-op. */
  async insert(tx: EntityManager, service: ServiceName, a: AuditRecordedV1): Promise<void> {
    await tx.query(
      `INSERT INTO core.audit_store (id, service, occurred_at, actor, user_id, ip, request_id, operation, table_name, row_id, old_values, new_values)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
       ON CONFLICT (id) DO NOTHING`,
      [
        a.auditId,
        service,
        a.occurredAt,
        a.actor,
        userIdOfActor(a.actor),
        a.ip,
        a.requestId,
        a.operation,
        a.table,
        a.rowId,
        a.oldValues && JSON.stringify(a.oldValues),
        a.newValues && JSON.stringify(a.newValues),
      ],
    );
  }

  query(q: AuditLogQuery): Promise<Page<AuditLogView>> {
    const params: unknown[] = [];
    const where: string[] = ['true'];
    for (const [field, column] of EQUALS) {
      const value = q[field];
      if (value === undefined) continue;
      params.push(value);
      where.push(`${column} = $${params.length}`);
    }
    if (q.from !== undefined) {
      params.push(q.from);
      where.push(`occurred_at >= $${params.length}::timestamptz`);
    }
    if (q.to !== undefined) {
      params.push(q.to);
      where.push(`occurred_at <= $${params.length}::timestamptz`);
    }
    return queryPage(this.ds, {
      sql: `SELECT ${COLUMNS} FROM core.audit_store WHERE ${where.join(' AND ')}`,
      params,
      q,
      sortable: { occurredAt: 'occurred_at' },
      defaultSort: '-occurredAt',
      tieBreaker: 'id',
      map: toView,
    });
  }
}
