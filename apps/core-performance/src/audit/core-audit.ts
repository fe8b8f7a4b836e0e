import { CORE_EVENTS } from '@sakip/contracts';
import { AuditWriter, type AuditInput } from '@sakip/messaging';
import type { EntityManager } from 'typeorm';
import { coreOutbox } from '../events/core-outbox';
import { CORE_SCHEMA } from '../migrations';

export type { AuditInput };

const coreAudit = new AuditWriter({ service: 'core', schema: CORE_SCHEMA, outbox: coreOutbox, subject: CORE_EVENTS.auditRecorded });

/**
 * Appends a core audit row and its `evt.core.audit.recorded.v1` inside the caller's transaction:
 * every change to domain data calls this in the same transaction as the change (DOMAIN.md "Audit").
 */
export function writeAudit(tx: EntityManager, a: AuditInput): Promise<string> {
  return coreAudit.write(tx, a);
}

/** Many audit rows (and their events) in two statements: for set-based changes such as a period lock. */
export function writeAuditMany(tx: EntityManager, inputs: readonly AuditInput[]): Promise<string[]> {
  return coreAudit.writeMany(tx, inputs);
}
