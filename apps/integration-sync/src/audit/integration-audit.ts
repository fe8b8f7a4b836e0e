import { INTEGRATION_EVENTS } from '@sakip/contracts';
import { AuditWriter, type AuditInput } from '@sakip/messaging';
import type { EntityManager } from 'typeorm';
import { integrationOutbox } from '../events/integration-outbox';
import { INTEGRATION_SCHEMA } from '../migrations';

// Credentials never reach audit rows (only their names do); masked should one slip into a value.
const integrationAudit = new AuditWriter({ service: 'integration', schema: INTEGRATION_SCHEMA, outbox: integrationOutbox, subject: INTEGRATION_EVENTS.auditRecorded, secretFields: ['credentials'] });

/** Appends an integration audit row and its `evt.integration.audit.recorded.v1` inside the caller's transaction. */
export function writeAudit(tx: EntityManager, a: AuditInput): Promise<string> {
  return integrationAudit.write(tx, a);
}
