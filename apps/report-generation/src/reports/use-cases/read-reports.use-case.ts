import { Injectable } from '@nestjs/common';
import { DomainError, ErrorCode, notFound, type CallerIdentity, type Page, type ReportDownload, type ReportIdRequest, type ReportListQuery, type ReportView } from '@sakip/contracts';
import { assertPermission } from '@sakip/security';
import { ReportsRepository, toReportView } from '../reports.repository';

/** GET /reports, /reports/:id and the download's file id: a caller bound to an OPD sees its OPD's reports and its own orders. */
@Injectable()
export class ReadReportsUseCase {
  constructor(private readonly reports: ReportsRepository) {}

  async list(q: ReportListQuery, caller: CallerIdentity | null): Promise<Page<ReportView>> {
    const me = assertPermission(caller, 'reports.read');
    // API.md: lists are silently scoped, but naming another OPD is 404 (it does not exist for the caller).
    if (me.opdId && q.opdId && q.opdId !== me.opdId) throw notFound('OPD');
    const page = await this.reports.list(q, me);
    return { ...page, items: page.items.map(toReportView) };
  }

  async get(dto: ReportIdRequest, caller: CallerIdentity | null): Promise<ReportView> {
    const me = assertPermission(caller, 'reports.read');
    const row = await this.reports.getVisible(dto.id, me);
    if (!row) throw notFound('Report');
    return toReportView(row);
  }

  async download(dto: ReportIdRequest, caller: CallerIdentity | null): Promise<ReportDownload> {
    const view = await this.get(dto, caller);
    if (view.status !== 'done' || !view.fileId) {
      throw new DomainError(ErrorCode.InvalidState, view.status === 'failed' ? `The report failed: ${view.error ?? 'no document'}` : `The report is ${view.status}: download it once it is done`, [{ field: 'status', message: view.status }]);
    }
    return { fileId: view.fileId };
  }
}
