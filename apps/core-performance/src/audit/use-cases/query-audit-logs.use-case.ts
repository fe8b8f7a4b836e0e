import { Injectable } from '@nestjs/common';
import { validationFailed, type AuditLogQuery, type AuditLogView, type CallerIdentity, type Page } from '@sakip/contracts';
import { assertPermission } from '@sakip/security';
import { AuditStoreRepository } from '../audit-store.repository';

/** `GET /audit-logs` (super_admin): the audit rows of every service, newest first. */
@Injectable()
export class QueryAuditLogs {
  constructor(private readonly store: AuditStoreRepository) {}

  async execute(caller: CallerIdentity | null, q: AuditLogQuery): Promise<Page<AuditLogView>> {
    assertPermission(caller, 'audit.read');
    if (q.from !== undefined && q.to !== undefined && Date.parse(q.from) > Date.parse(q.to)) {
      throw validationFailed('The time range is empty', [{ field: 'from', message: 'from must not be after to' }]);
    }
    return this.store.query(q);
  }
}
