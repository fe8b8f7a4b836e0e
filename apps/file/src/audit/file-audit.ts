import { FILE_EVENTS } from '@sakip/contracts';
import { AuditWriter, type AuditInput } from '@sakip/messaging';
import type { EntityManager } from 'typeorm';
import { fileOutbox } from '../events/file-outbox';
import { FILE_SCHEMA } from '../migrations';

const fileAudit = new AuditWriter({ service: 'file', schema: FILE_SCHEMA, outbox: fileOutbox, subject: FILE_EVENTS.auditRecorded });

/** Appends a file audit row and its `evt.file.audit.recorded.v1` inside the caller's transaction. */
export function writeAudit(tx: EntityManager, a: AuditInput): Promise<string> {
  return fileAudit.write(tx, a);
}
