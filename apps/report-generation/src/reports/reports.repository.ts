import { Injectable } from '@nestjs/common';
import type { CallerIdentity, Page, ReportFormat, ReportLanguage, ReportListQuery, ReportStatus, ReportType, ReportView } from '@sakip/contracts';
import { orderByClause, pageRequest, uuidv7 } from '@sakip/persistence';
import { DataSource, type EntityManager } from 'typeorm';

export interface ReportRow {
  id: string;
  type: ReportType;
  format: ReportFormat;
  year: number;
  opd_id: string | null;
  period: string | null;
  language: ReportLanguage;
  status: ReportStatus;
  requested_by: string;
  requester: CallerIdentity;
  attempts: number;
  file_id: string | null;
  signed_file_id: string | null;
  pages: number | null;
  error: string | null;
  version: number;
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
}

export type NewReport = Pick<ReportRow, 'type' | 'format' | 'year' | 'opd_id' | 'period' | 'language' | 'requester'>;

const COLUMNS = 'id, type, format, year, opd_id, period, language, status, requested_by, requester, attempts, file_id, signed_file_id, pages, error, version, created_at, started_at, finished_at';

export function toReportView(r: ReportRow): ReportView {
  return {
    id: r.id,
    type: r.type,
    format: r.format,
    year: r.year,
    opdId: r.opd_id,
    period: r.period,
    language: r.language,
    status: r.status,
    fileId: r.file_id,
    signedFileId: r.signed_file_id,
    pages: r.pages,
    error: r.error,
    requestedBy: r.requested_by,
    attempts: r.attempts,
    createdAt: r.created_at.toISOString(),
    startedAt: r.started_at?.toISOString() ?? null,
    finishedAt: r.finished_at?.toISOString() ?? null,
  };
}

/** TypeORM answers UPDATE … RETURNING as [rows, count]. */
const updatedRows = <T>(result: unknown): T[] => (Array.isArray(result) && Array.isArray(result[0]) ? (result[0] as T[]) : []);

/** What a caller bound to an OPD may see: their OPD's reports and the ones they asked for. */
const VISIBLE = `($1::uuid IS NULL OR opd_id = $1 OR requested_by = $2)`;

/** `report.reports`: the job record the work queue points at. */
@Injectable()
export class ReportsRepository {
  constructor(private readonly ds: DataSource) {}

  /** A queued job, unless the same requester's same request is queued or running: then that one. */
  async enqueue(tx: EntityManager, r: NewReport): Promise<{ row: ReportRow; created: boolean }> {
    const key = [r.type, r.format, r.year, r.opd_id ?? 'pemda', r.period ?? '-', r.language, r.requester.actor].join('|');
    const inserted = await tx.query<ReportRow[]>(
      `INSERT INTO report.reports (id, type, format, year, opd_id, period, language, status, requested_by, requester, requester_opd_id, dedupe_key)
       VALUES ($1, $2, $3, $4, $5, $6, $7, 'queued', $8, $9, $10, $11)
       ON CONFLICT (dedupe_key) WHERE status IN ('queued', 'running') DO NOTHING RETURNING ${COLUMNS}`,
      [uuidv7(), r.type, r.format, r.year, r.opd_id, r.period, r.language, r.requester.actor, JSON.stringify(r.requester), r.requester.opdId ?? null, key],
    );
    if (inserted[0]) return { row: inserted[0], created: true };
    const [active] = await tx.query<ReportRow[]>(`SELECT ${COLUMNS} FROM report.reports WHERE dedupe_key = $1 AND status IN ('queued', 'running')`, [key]);
    return active ? { row: active, created: false } : this.enqueue(tx, r);
  }

  async get(id: string, tx: EntityManager | DataSource = this.ds): Promise<ReportRow | null> {
    return (await tx.query<ReportRow[]>(`SELECT ${COLUMNS} FROM report.reports WHERE id = $1`, [id]))[0] ?? null;
  }

  /** Null when it does not exist or the caller may not see it (a foreign report is 404). */
  async getVisible(id: string, caller: CallerIdentity): Promise<ReportRow | null> {
    return (await this.ds.query<ReportRow[]>(`SELECT ${COLUMNS} FROM report.reports WHERE id = $3 AND ${VISIBLE}`, [caller.opdId ?? null, caller.actor, id]))[0] ?? null;
  }

  async list(q: ReportListQuery, caller: CallerIdentity): Promise<Page<ReportRow>> {
    const req = pageRequest(q, { createdAt: 'created_at', year: 'year', type: 'type', status: 'status' }, '-createdAt', 'id');
    const where = `${VISIBLE} AND ($3::text IS NULL OR status = $3) AND ($4::text IS NULL OR type = $4) AND ($5::int IS NULL OR year = $5) AND ($6::uuid IS NULL OR opd_id = $6)`;
    const params = [caller.opdId ?? null, caller.actor, q.status ?? null, q.type ?? null, q.year ?? null, q.opdId ?? null];
    const [rows, [{ total }]] = await Promise.all([
      this.ds.query<ReportRow[]>(`SELECT ${COLUMNS} FROM report.reports WHERE ${where} ORDER BY ${orderByClause(req)} LIMIT $7 OFFSET $8`, [...params, req.limit, req.offset]),
      this.ds.query<Array<{ total: string }>>(`SELECT count(*) AS total FROM report.reports WHERE ${where}`, params),
    ]);
    return { items: rows, total: Number(total), limit: req.limit, offset: req.offset };
  }

  /** Takes the job for this worker: queued, or running with a lapsed lease (its worker died). */
  async claim(id: string, leaseMs: number): Promise<ReportRow | null> {
    return (
      updatedRows<ReportRow>(
        await this.ds.query(
          `UPDATE report.reports SET status = 'running', attempts = attempts + 1, started_at = COALESCE(started_at, now()),
                  lease_until = now() + make_interval(secs => $2::double precision / 1000)
            WHERE id = $1 AND (status = 'queued' OR (status = 'running' AND lease_until < now())) RETURNING ${COLUMNS}`,
          [id, leaseMs],
        ),
      )[0] ?? null
    );
  }

  async renewLease(id: string, leaseMs: number): Promise<void> {
    await this.ds.query(`UPDATE report.reports SET lease_until = now() + make_interval(secs => $2::double precision / 1000) WHERE id = $1 AND status = 'running'`, [id, leaseMs]);
  }

  async release(id: string, error: string): Promise<void> {
    await this.ds.query(`UPDATE report.reports SET lease_until = now(), error = $2 WHERE id = $1 AND status = 'running'`, [id, error.slice(0, 1000)]);
  }

  async done(tx: EntityManager, id: string, fileId: string, pages: number | null): Promise<ReportRow | null> {
    return (
      updatedRows<ReportRow>(
        await tx.query(
          `UPDATE report.reports SET status = 'done', file_id = $2, pages = $3, error = NULL, finished_at = now(), lease_until = NULL, version = version + 1
            WHERE id = $1 AND status = 'running' RETURNING ${COLUMNS}`,
          [id, fileId, pages],
        ),
      )[0] ?? null
    );
  }

  async fail(tx: EntityManager, id: string, error: string): Promise<ReportRow | null> {
    return (
      updatedRows<ReportRow>(
        await tx.query(
          `UPDATE report.reports SET status = 'failed', error = $2, finished_at = now(), lease_until = NULL, version = version + 1
            WHERE id = $1 AND status IN ('queued', 'running') RETURNING ${COLUMNS}`,
          [id, error.slice(0, 1000)],
        ),
      )[0] ?? null
    );
  }

  async attachSigned(tx: EntityManager, id: string, fileId: string): Promise<ReportRow | null> {
    return (
      updatedRows<ReportRow>(
        await tx.query(`UPDATE report.reports SET signed_file_id = $2, version = version + 1 WHERE id = $1 AND status = 'done' RETURNING ${COLUMNS}`, [id, fileId]),
      )[0] ?? null
    );
  }

  /** Jobs whose queue message may be lost: queued a while, or running with a long-lapsed lease. */
  async orphaned(olderThanMs: number): Promise<Array<{ id: string }>> {
    return this.ds.query(
      `SELECT id FROM report.reports
        WHERE (status = 'queued' AND created_at < now() - make_interval(secs => $1::double precision / 1000))
           OR (status = 'running' AND lease_until < now() - make_interval(secs => $1::double precision / 1000))
        LIMIT 100`,
      [olderThanMs],
    );
  }
}
