import { Injectable } from '@nestjs/common';
import type { Page, SyncLogListQuery, SyncLogView, SyncStatus } from '@sakip/contracts';
import { orderByClause, pageRequest, uuidv7 } from '@sakip/persistence';
import { DataSource, type EntityManager } from 'typeorm';

export interface SyncRunRow {
  id: string;
  integration_id: string;
  trigger: 'manual' | 'schedule';
  requested_by: string;
  status: SyncStatus;
  attempts: number;
  lease_until: Date | null;
  checkpoint: Record<string, unknown>;
  inserted: number;
  updated: number;
  unchanged: number;
  failed: number;
  error: string | null;
  started_at: Date | null;
  finished_at: Date | null;
  created_at: Date;
}

export interface RunCounts {
  inserted: number;
  updated: number;
  unchanged: number;
  failed: number;
}

const COLUMNS = 'id, integration_id, trigger, requested_by, status, attempts, lease_until, checkpoint, inserted, updated, unchanged, failed, error, started_at, finished_at, created_at';

export function toSyncLogView(r: SyncRunRow): SyncLogView {
  return {
    id: r.id,
    integrationId: r.integration_id,
    trigger: r.trigger,
    status: r.status,
    startedAt: r.started_at?.toISOString() ?? null,
    finishedAt: r.finished_at?.toISOString() ?? null,
    inserted: r.inserted,
    updated: r.updated,
    unchanged: r.unchanged,
    failed: r.failed,
    error: r.error,
    requestedBy: r.requested_by,
    attempts: r.attempts,
    createdAt: r.created_at.toISOString(),
  };
}

/** TypeORM answers UPDATE … RETURNING as [rows, count]. */
const updatedRows = <T>(result: unknown): T[] => (Array.isArray(result) && Array.isArray(result[0]) ? (result[0] as T[]) : []);

/** `integration.sync_runs`: the sync log, and the record of each run the work queue points at. */
@Injectable()
export class SyncRunsRepository {
  constructor(private readonly ds: DataSource) {}

  /** A queued run, unless one is queued or running already: then that one (`created: false`). */
  async enqueue(tx: EntityManager, integrationId: string, trigger: 'manual' | 'schedule', requestedBy: string): Promise<{ run: SyncRunRow; created: boolean }> {
    const inserted = await tx.query<SyncRunRow[]>(
      `INSERT INTO integration.sync_runs (id, integration_id, trigger, requested_by, status) VALUES ($1, $2, $3, $4, 'queued')
       ON CONFLICT (integration_id) WHERE status IN ('queued', 'running') DO NOTHING RETURNING ${COLUMNS}`,
      [uuidv7(), integrationId, trigger, requestedBy],
    );
    if (inserted[0]) return { run: inserted[0], created: true };
    const [active] = await tx.query<SyncRunRow[]>(`SELECT ${COLUMNS} FROM integration.sync_runs WHERE integration_id = $1 AND status IN ('queued', 'running')`, [integrationId]);
    // Gone between the two statements (it just finished): queue a new one.
    return active ? { run: active, created: false } : this.enqueue(tx, integrationId, trigger, requestedBy);
  }

  /**
   * Takes the run for this worker: a queued run, or a running one whose worker's lease ran out
   * (it crashed). Null when it is finished or another worker holds it.
   */
  async claim(runId: string, leaseMs: number): Promise<SyncRunRow | null> {
    return (
      updatedRows<SyncRunRow>(
        await this.ds.query(
          `UPDATE integration.sync_runs
              SET status = 'running', attempts = attempts + 1, started_at = COALESCE(started_at, now()), lease_until = now() + make_interval(secs => $2::double precision / 1000)
            WHERE id = $1 AND (status = 'queued' OR (status = 'running' AND lease_until < now()))
            RETURNING ${COLUMNS}`,
          [runId, leaseMs],
        ),
      )[0] ?? null
    );
  }

  async get(runId: string): Promise<SyncRunRow | null> {
    return (await this.ds.query<SyncRunRow[]>(`SELECT ${COLUMNS} FROM integration.sync_runs WHERE id = $1`, [runId]))[0] ?? null;
  }

  /** One step done: its counts added and where to resume recorded, in the caller's transaction; the lease extended. */
  async progress(tx: EntityManager, runId: string, counts: RunCounts, checkpoint: Record<string, unknown>, leaseMs: number): Promise<void> {
    await tx.query(
      `UPDATE integration.sync_runs
          SET inserted = inserted + $2, updated = updated + $3, unchanged = unchanged + $4, failed = failed + $5, checkpoint = $6,
              lease_until = now() + make_interval(secs => $7::double precision / 1000)
        WHERE id = $1`,
      [runId, counts.inserted, counts.updated, counts.unchanged, counts.failed, JSON.stringify(checkpoint), leaseMs],
    );
  }

  /** A run that got to the end: success, or partial when some rows were refused. */
  async complete(tx: EntityManager, runId: string): Promise<SyncRunRow | undefined> {
    return updatedRows<SyncRunRow>(
      await tx.query(
        `UPDATE integration.sync_runs SET status = CASE WHEN failed > 0 THEN 'partial' ELSE 'success' END, error = NULL, finished_at = now(), lease_until = NULL
          WHERE id = $1 RETURNING ${COLUMNS}`,
        [runId],
      ),
    )[0];
  }

  /** Null when it had finished already (a late duplicate of the job). */
  async fail(tx: EntityManager, runId: string, error: string): Promise<SyncRunRow | null> {
    return (
      updatedRows<SyncRunRow>(
        await tx.query(
          `UPDATE integration.sync_runs SET status = 'failed', error = $2, finished_at = now(), lease_until = NULL
            WHERE id = $1 AND status IN ('queued', 'running') RETURNING ${COLUMNS}`,
          [runId, error.slice(0, 1000)],
        ),
      )[0] ?? null
    );
  }

  async renewLease(runId: string, leaseMs: number): Promise<void> {
    await this.ds.query(`UPDATE integration.sync_runs SET lease_until = now() + make_interval(secs => $2::double precision / 1000) WHERE id = $1 AND status = 'running'`, [runId, leaseMs]);
  }

  /** Lets the redelivered job claim it at once, keeping the last error for the log. */
  async release(runId: string, error: string): Promise<void> {
    await this.ds.query(`UPDATE integration.sync_runs SET lease_until = now(), error = $2 WHERE id = $1 AND status = 'running'`, [runId, error.slice(0, 1000)]);
  }

  async list(integrationId: string, q: SyncLogListQuery): Promise<Page<SyncRunRow>> {
    const req = pageRequest(q, { createdAt: 'created_at', startedAt: 'started_at', finishedAt: 'finished_at', status: 'status' }, '-createdAt', 'id');
    const where = `integration_id = $1 AND ($2::text IS NULL OR status = $2)`;
    const [rows, [{ total }]] = await Promise.all([
      this.ds.query<SyncRunRow[]>(`SELECT ${COLUMNS} FROM integration.sync_runs WHERE ${where} ORDER BY ${orderByClause(req)} LIMIT $3 OFFSET $4`, [integrationId, q.status ?? null, req.limit, req.offset]),
      this.ds.query<Array<{ total: string }>>(`SELECT count(*) AS total FROM integration.sync_runs WHERE ${where}`, [integrationId, q.status ?? null]),
    ]);
    return { items: rows, total: Number(total), limit: req.limit, offset: req.offset };
  }

  async latest(integrationIds: string[]): Promise<Map<string, SyncRunRow>> {
    if (!integrationIds.length) return new Map();
    const rows = await this.ds.query<SyncRunRow[]>(
      `SELECT DISTINCT ON (integration_id) ${COLUMNS} FROM integration.sync_runs WHERE integration_id = ANY($1::uuid[]) ORDER BY integration_id, created_at DESC, id DESC`,
      [integrationIds],
    );
    return new Map(rows.map((r) => [r.integration_id, r]));
  }

  /** The last `n` finished runs, newest first (the health score). */
  async recentFinished(integrationId: string, n: number): Promise<SyncRunRow[]> {
    return this.ds.query<SyncRunRow[]>(
      `SELECT ${COLUMNS} FROM integration.sync_runs WHERE integration_id = $1 AND status IN ('success', 'partial', 'failed') ORDER BY finished_at DESC, id DESC LIMIT $2`,
      [integrationId, n],
    );
  }

  /** Runs that may have lost their queue message (queued a while, or running with a lapsed lease): published again. */
  async orphaned(olderThanMs: number): Promise<SyncRunRow[]> {
    return this.ds.query<SyncRunRow[]>(
      `SELECT ${COLUMNS} FROM integration.sync_runs
        WHERE (status = 'queued' AND created_at < now() - make_interval(secs => $1::double precision / 1000))
           OR (status = 'running' AND lease_until < now() - make_interval(secs => $1::double precision / 1000))
        LIMIT 100`,
      [olderThanMs],
    );
  }
}
