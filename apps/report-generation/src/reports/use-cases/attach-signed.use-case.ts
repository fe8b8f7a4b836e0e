import { Injectable } from '@nestjs/common';
import { DomainError, ErrorCode, FILE_SUBJECTS, forbidden, notFound, REPORT_EVENTS, Role, validationFailed, type AttachSignedCommand, type CallerIdentity, type ReportView } from '@sakip/contracts';
import { RpcClient } from '@sakip/messaging';
import { assertPermission } from '@sakip/security';
import { DataSource } from 'typeorm';
import { writeAudit } from '../../audit/report-audit';
import { reportOutbox } from '../../events/report-outbox';
import { ReportsRepository, toReportView } from '../reports.repository';

/**
 * POST /reports/:id/signed {fileId}: the signed scan of a finished document. The file must be one
 * the caller may see (asked of the file service); it is linked to the report like the document.
 */
@Injectable()
export class AttachSignedUseCase {
  constructor(
    private readonly ds: DataSource,
    private readonly reports: ReportsRepository,
    private readonly rpc: RpcClient,
  ) {}

  async execute(cmd: AttachSignedCommand, caller: CallerIdentity | null): Promise<ReportView> {
    const me = assertPermission(caller, 'reports.order');
    const report = await this.reports.getVisible(cmd.id, me);
    if (!report) throw notFound('Report');
    if (me.role === Role.AdminOpd && report.opd_id !== me.opdId) throw forbidden('An OPD admin signs reports of their own OPD only');
    if (report.status !== 'done') throw new DomainError(ErrorCode.InvalidState, `The report is ${report.status}: a signed scan is attached to a finished document`, [{ field: 'status', message: report.status }]);
    const { missing } = await this.rpc.request<{ missing: string[] }>(FILE_SUBJECTS.check, { ids: [cmd.fileId] }, { identity: me });
    if (missing.length) throw validationFailed(`There is no file ${cmd.fileId} that you may see`, [{ field: 'fileId', message: 'unknown file' }]);
    return this.ds.transaction(async (tx) => {
      const row = await this.reports.attachSigned(tx, report.id, cmd.fileId);
      if (!row) throw new DomainError(ErrorCode.InvalidState, 'The report changed meanwhile; reload it', []);
      await reportOutbox.enqueue(tx, REPORT_EVENTS.fileLinksChanged, { ownerType: 'report', ownerId: row.id, fileIds: [row.file_id, row.signed_file_id].filter((f): f is string => !!f), opdId: row.opd_id });
      await writeAudit(tx, { actor: me.actor, ip: me.ip, operation: 'update', table: 'reports', rowId: row.id, oldValues: { signedFileId: report.signed_file_id }, newValues: { signedFileId: cmd.fileId } });
      return toReportView(row);
    });
  }
}
