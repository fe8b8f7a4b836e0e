import { Injectable } from '@nestjs/common';
import { CORE_SUBJECTS, forbidden, Role, type CallerIdentity, type CreateReportRequest, type ReportAccepted } from '@sakip/contracts';
import { RpcClient } from '@sakip/messaging';
import { assertPermission } from '@sakip/security';
import { DataSource } from 'typeorm';
import { writeAudit } from '../../audit/report-audit';
import { ReportJobs } from '../report-jobs';
import { ReportsRepository } from '../reports.repository';

/**
 * POST /reports → 202: an admin_opd orders for its own OPD only (Pemda-wide is not theirs); the
 * OPD must be one core lets the caller see (asked over RPC: a foreign or unknown one is 404). The
 * same request by the same requester while it is queued or running returns that job.
 */
@Injectable()
export class OrderReportUseCase {
  constructor(
    private readonly ds: DataSource,
    private readonly reports: ReportsRepository,
    private readonly jobs: ReportJobs,
    private readonly rpc: RpcClient,
  ) {}

  async execute(dto: CreateReportRequest, caller: CallerIdentity | null): Promise<ReportAccepted> {
    const me = assertPermission(caller, 'reports.order');
    if (me.role === Role.AdminOpd && dto.opdId !== me.opdId) {
      throw forbidden(dto.opdId ? 'An OPD admin orders reports of their own OPD only' : 'Pemda-wide reports are ordered by evaluators and super_admins');
    }
    if (dto.opdId) await this.rpc.request(CORE_SUBJECTS.opdGet, { id: dto.opdId }, { identity: me });
    const requester: CallerIdentity = { sub: me.sub, role: me.role, opdId: me.opdId ?? null, actor: me.actor, ...(me.scopes ? { scopes: me.scopes } : {}) };
    const { row, created } = await this.ds.transaction(async (tx) => {
      const enqueued = await this.reports.enqueue(tx, { type: dto.type, format: dto.format, year: dto.year, opd_id: dto.opdId ?? null, period: dto.period ?? null, language: dto.language ?? 'id', requester });
      if (enqueued.created) {
        await writeAudit(tx, { actor: me.actor, ip: me.ip, operation: 'insert', table: 'reports', rowId: enqueued.row.id, newValues: { type: dto.type, format: dto.format, year: dto.year, opdId: dto.opdId ?? null, period: dto.period ?? null, language: dto.language ?? 'id' } });
      }
      return enqueued;
    });
    if (created) await this.jobs.dispatch(row.id);
    return { id: row.id, status: row.status };
  }
}
