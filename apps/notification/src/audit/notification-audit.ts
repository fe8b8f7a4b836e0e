import { NOTIFICATION_EVENTS } from '@sakip/contracts';
import { AuditWriter, type AuditInput } from '@sakip/messaging';
import type { EntityManager } from 'typeorm';
import { notificationOutbox } from '../events/notification-outbox';
import { NOTIFICATION_SCHEMA } from '../migrations';

const notificationAudit = new AuditWriter({ service: 'notification', schema: NOTIFICATION_SCHEMA, outbox: notificationOutbox, subject: NOTIFICATION_EVENTS.auditRecorded });

/** Appends a notification audit row and its `evt.notification.audit.recorded.v1` inside the caller's transaction. */
export function writeAudit(tx: EntityManager, a: AuditInput): Promise<string> {
  return notificationAudit.write(tx, a);
}
