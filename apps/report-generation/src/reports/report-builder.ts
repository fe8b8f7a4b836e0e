import { Inject, Injectable } from '@nestjs/common';
import { DomainError, ErrorCode, FILE_SUBJECTS, REPORT_EVENTS, reportKindOf, type FileTransferGrant, type FileView } from '@sakip/contracts';
import { grantUrl, pipeUpload, RpcClient } from '@sakip/messaging';
import { LOGGER, type Logger } from '@sakip/observability';
import { PassThrough } from 'node:stream';
import { DataSource } from 'typeorm';
import { reportFileOf } from '../documents/report-file';
import { reportOutbox } from '../events/report-outbox';
import { REPORT_CONFIG, type ReportConfig } from '../report.config';
import { REPORT_GENERATOR, type ReportGenerator } from './report-generator.token';
import { ReportsRepository, type ReportRow } from './reports.repository';

/** Worth another delivery: a service down or slow, the database or NATS hiccuped. */
function isTransient(err: unknown): boolean {
  if (err instanceof DomainError) return [ErrorCode.UpstreamUnavailable, ErrorCode.UpstreamTimeout, ErrorCode.RateLimited, ErrorCode.Internal].includes(err.code);
  return true;
}

/** What the requester reads: DomainError messages are written for users; anything else is not shown. */
function userMessage(err: unknown): string {
  return err instanceof DomainError ? err.message : 'The document could not be built (internal error)';
}

/**
 * One delivery of a build job: claims the report (a dead worker's once its lease lapsed), streams
 * the document from the generator straight into a file-service upload made as the requester (so
 * the file belongs to them and their OPD), then marks it done with the completed event and the file
 * link in one transaction. A passing failure releases it for redelivery; a permanent one (or the
 * last delivery) marks it failed with a reason fit for the requester, and emits the failed event.
 */
@Injectable()
export class ReportBuilder {
  constructor(
    private readonly ds: DataSource,
    private readonly reports: ReportsRepository,
    private readonly rpc: RpcClient,
    @Inject(REPORT_GENERATOR) private readonly generate: ReportGenerator,
    @Inject(REPORT_CONFIG) private readonly config: ReportConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async build(id: string, delivery: number, signal: AbortSignal): Promise<void> {
    const report = await this.reports.claim(id, this.config.REPORT_JOB_ACK_WAIT_MS);
    if (!report) return;
    const renew = setInterval(() => void this.reports.renewLease(id, this.config.REPORT_JOB_ACK_WAIT_MS).catch(() => undefined), Math.max(500, Math.floor(this.config.REPORT_JOB_ACK_WAIT_MS / 3)));
    renew.unref();
    try {
      const spec = { type: report.type, format: report.format, year: report.year, opdId: report.opd_id, period: report.period, language: report.language };
      const file = reportFileOf(spec);
      const grant = await this.rpc.request<FileTransferGrant>(
        FILE_SUBJECTS.uploadAuthorize,
        { filename: file.fileName, contentType: file.mimeType, ...(report.opd_id && !report.requester.opdId ? { opdId: report.opd_id } : {}) },
        { identity: report.requester },
      );
      const body = new PassThrough();
      const stored = pipeUpload<FileView>(grantUrl(grant), body, `report-${id}`);
      let generated;
      try {
        generated = await this.generate(spec, { rpc: this.rpc, caller: report.requester, signal }, body);
        if (!body.writableEnded) body.end();
      } catch (err) {
        body.destroy(err instanceof Error ? err : new Error(String(err)));
        await stored.catch(() => undefined);
        throw err;
      }
      const view = await stored;
      await this.ds.transaction(async (tx) => {
        const row = await this.reports.done(tx, id, view.id, generated.pages);
        if (!row) return;
        await reportOutbox.enqueue(tx, REPORT_EVENTS.fileLinksChanged, { ownerType: 'report', ownerId: id, fileIds: [view.id], opdId: row.opd_id });
        await reportOutbox.enqueue(tx, REPORT_EVENTS.reportCompleted, { ...this.job(row), fileId: view.id });
      });
    } catch (err) {
      if (signal.aborted || (isTransient(err) && delivery < this.config.REPORT_JOB_MAX_DELIVER)) {
        this.logger.warn({ reportId: id, delivery, err: err instanceof Error ? err.message : String(err) }, 'report build interrupted; it will be redelivered');
        await this.reports.release(id, userMessage(err));
        throw err;
      }
      await this.fail(report, userMessage(err));
    } finally {
      clearInterval(renew);
    }
  }

  async fail(report: Pick<ReportRow, 'id'>, error: string): Promise<void> {
    await this.ds.transaction(async (tx) => {
      const row = await this.reports.fail(tx, report.id, error);
      if (row) await reportOutbox.enqueue(tx, REPORT_EVENTS.reportFailed, { ...this.job(row), error: error.slice(0, 1000) || 'failed' });
    });
  }

  private job(row: ReportRow) {
    return { reportId: row.id, kind: reportKindOf(row.type), format: row.format, opdId: row.opd_id, year: row.year, requestedBy: row.requested_by };
  }
}
