import { REPORT_EVENTS } from '@sakip/contracts';
import { AuditWriter, type AuditInput } from '@sakip/messaging';
import type { EntityManager } from 'typeorm';
import { reportOutbox } from '../events/report-outbox';
import { REPORT_SCHEMA } from '../migrations';

const reportAudit = new AuditWriter({ service: 'report', schema: REPORT_SCHEMA, outbox: reportOutbox, subject: REPORT_EVENTS.auditRecorded });

/** Appends a report audit row and its `evt.report.audit.recorded.v1` inside the caller's transaction. */
export function writeAudit(tx: EntityManager, a: AuditInput): Promise<string> {
  return reportAudit.write(tx, a);
}
