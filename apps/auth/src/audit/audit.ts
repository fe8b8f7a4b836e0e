import { AUTH_EVENTS } from '@sakip/contracts';
import { uuidv7 } from '@sakip/persistence';
import { currentRequestContext } from '@sakip/observability';
import type { EntityManager } from 'typeorm';
import { authOutbox } from '../events/auth-outbox';
import { AuditEntryEntity } from './audit-entry.entity';

const SECRET_FIELDS = new Set(['passwordHash', 'password_hash', 'password', 'privateKeyEnc', 'tokenHash', 'mfaSecretEnc', 'mfaPendingSecretEnc', 'mfaLastStep', 'keyHash']);

function mask(values: Record<string, unknown> | null | undefined): Record<string, unknown> | null {
  if (!values) return null;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(values)) out[k] = SECRET_FIELDS.has(k) ? '[masked]' : v instanceof Date ? v.toISOString() : v;
  return out;
}

export interface AuditInput {
  actor: string;
  ip?: string | null;
  operation: string;
  table: string;
  rowId?: string | null;
  oldValues?: Record<string, unknown> | null;
  newValues?: Record<string, unknown> | null;
}

/**
 * Appends an audit row inside the caller's transaction (DOMAIN.md "Audit"); secrets are masked.
 * The same commit enqueues `evt.auth.audit.recorded.v1`, so core keeps the searchable copy.
 */
export async function writeAudit(tx: EntityManager, a: AuditInput): Promise<void> {
  const row: AuditEntryEntity = {
    id: uuidv7(),
    occurredAt: new Date(),
    actor: a.actor,
    ip: a.ip ?? null,
    requestId: currentRequestContext()?.requestId ?? null,
    operation: a.operation,
    tableName: a.table,
    rowId: a.rowId ?? null,
    oldValues: mask(a.oldValues),
    newValues: mask(a.newValues),
  };
  await tx.insert(AuditEntryEntity, row);
  await authOutbox.enqueue(tx, AUTH_EVENTS.auditRecorded, {
    auditId: row.id,
    service: 'auth',
    occurredAt: row.occurredAt.toISOString(),
    actor: row.actor,
    ip: row.ip,
    requestId: row.requestId,
    operation: row.operation,
    table: row.tableName,
    rowId: row.rowId,
    oldValues: row.oldValues as Record<string, unknown> | null,
    newValues: row.newValues as Record<string, unknown> | null,
  });
}
