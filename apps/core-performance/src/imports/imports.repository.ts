import { Injectable } from '@nestjs/common';
import { CORE_EVENTS, DomainError, type AchievementStatus, type CallerIdentity, type ImportRowView, type ImportRowsQuery, type ImportStatus, type ImportView, type Page } from '@sakip/contracts';
import { uuidv7 } from '@sakip/persistence';
import { DataSource, type EntityManager } from 'typeorm';
import { EDITABLE_STATUSES } from '../achievements/achievement-workflow';
import { writeAuditMany, type AuditInput } from '../audit/core-audit';
import { queryPage } from '../database/sql-page';
import { coreOutbox } from '../events/core-outbox';
import { parseDecimal, type Period } from '../periods/period-calendar';
import { assertPeriodOpen } from '../periods/period-guard';
import type { ImportIndicator, ImportValues } from './import-row';
import { isoOrNull } from '../database/row-values';

/** A `core.imports` row. */
export interface ImportRow {
  id: string;
  file_id: string;
  opd_id: string | null;
  requested_by: string;
  identity: CallerIdentity;
  status: ImportStatus;
  total: number;
  succeeded: number;
  failed: number;
  error: string | null;
  attempts: number;
  created_at: Date;
  finished_at: Date | null;
}

/** One row of the file as the import judged it before writing. */
export interface JudgedRow {
  row: number;
  values: ImportValues | null;
  error: string | null;
  raw: Record<string, string>;
}

/** A job as a worker holds it: `attempts` proves the lease is still its own when it finishes. */
export type ClaimedImport = ImportRow;

const JOB_COLUMNS = 'id, file_id, opd_id, requested_by, identity, status, total, succeeded, failed, error, attempts, created_at, finished_at';
/** A running job whose worker has not finished by then is taken again (crash safety). */
export const LEASE_SECONDS = 120;

export function toImportView(r: ImportRow): ImportView {
  return {
    id: r.id,
    status: r.status,
    total: r.total,
    succeeded: r.succeeded,
    failed: r.failed,
    fileId: r.file_id,
    createdAt: r.created_at.toISOString(),
    finishedAt: isoOrNull(r.finished_at),
    error: r.error,
  };
}

@Injectable()
export class ImportsRepository {
  constructor(private readonly ds: DataSource) {}

  async findById(id: string): Promise<ImportRow | null> {
    const [row] = await this.ds.query(`SELECT ${JOB_COLUMNS} FROM core.imports WHERE id = $1`, [id]);
    return row ?? null;
  }

  /**
   * A queued job, or the open (queued/running) one of the same file and OPD scope: the partial
   * unique index makes two concurrent identical requests end on one job.
   */
  async enqueue(fileId: string, opdId: string | null, caller: CallerIdentity): Promise<ImportRow> {
    const open = () =>
      this.ds.query(
        `SELECT ${JOB_COLUMNS} FROM core.imports WHERE file_id = $1 AND opd_id IS NOT DISTINCT FROM $2 AND status IN ('queued', 'running')`,
        [fileId, opdId],
      );
    const [existing] = await open();
    if (existing) return existing;
    const [inserted]: ImportRow[] = await this.ds.query(
      `INSERT INTO core.imports (id, file_id, opd_id, requested_by, identity) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT DO NOTHING RETURNING ${JOB_COLUMNS}`,
      [uuidv7(), fileId, opdId, caller.actor, JSON.stringify(caller)],
    );
    return inserted ?? (await open())[0];
  }

  /** Takes the oldest queued job, or a running one whose lease expired, for LEASE_SECONDS. */
  async claim(): Promise<ClaimedImport | null> {
    const [rows]: [ClaimedImport[], number] = await this.ds.query(
      `UPDATE core.imports SET status = 'running', attempts = attempts + 1, started_at = now(), lease_until = now() + make_interval(secs => $1)
        WHERE id = (SELECT id FROM core.imports
                     WHERE status = 'queued' OR (status = 'running' AND lease_until < now())
                     ORDER BY created_at, id LIMIT 1 FOR UPDATE SKIP LOCKED)
       RETURNING ${JOB_COLUMNS}`,
      [LEASE_SECONDS],
    );
    return rows[0] ?? null;
  }

  /** The indicators the file names, with their plans' years (one read for the whole file). */
  indicators(ids: string[], db: DataSource | EntityManager = this.ds, lock = ''): Promise<ImportIndicator[]> {
    return db.query(
      `SELECT i.id, i.opd_id, i.frequency, sp.period_start, sp.period_end
         FROM core.indicators i JOIN core.strategic_plans sp ON sp.id = i.strategic_plan_id
        WHERE i.id = ANY($1::uuid[]) ORDER BY i.id ${lock}`,
      [ids],
    );
  }

  /** Ends a job as failed (file unreadable…), only while it is still this worker's. */
  async fail(job: ClaimedImport, error: string): Promise<void> {
    await this.ds.query(
      `UPDATE core.imports SET status = 'failed', error = $3, lease_until = NULL, finished_at = now() WHERE id = $1 AND status = 'running' AND attempts = $2`,
      [job.id, job.attempts, error.slice(0, 1000)],
    );
  }

  rows(importId: string, q: ImportRowsQuery): Promise<Page<ImportRowView>> {
    const params: unknown[] = [importId];
    const okFilter = q.ok === undefined ? '' : ` AND ok = $${params.push(q.ok)}`;
    return queryPage<{ row_no: number; ok: boolean; error: string | null; achievement_id: string | null }, ImportRowView>(this.ds, {
      sql: `SELECT row_no, ok, error, achievement_id FROM core.import_rows WHERE import_id = $1${okFilter}`,
      params,
      q,
      sortable: { row: 'row_no' },
      defaultSort: 'row',
      tieBreaker: 'row_no',
      map: (r) => ({ row: r.row_no, ok: r.ok, ...(r.error !== null ? { error: r.error } : {}), ...(r.achievement_id ? { achievementId: r.achievement_id } : {}) }),
    });
  }

  /**
   * Applies every valid row in ONE transaction, set-based, and records the per-row results and
   * the job's end. Under the period guard and the indicators' share locks the rows are judged
   * once more: a locked period, an indicator gone, or an achievement past draft/revision rejects
   * that row only. Rows equal to the stored achievement change nothing (re-import is a no-op).
   * Throws (nothing written) when the job is no longer this worker's.
   */
  finish(job: ClaimedImport, judged: JudgedRow[], sha256: string, recheck: (i: ImportIndicator, v: ImportValues) => string | null): Promise<void> {
    return this.ds.transaction(async (tx) => {
      let live: Candidate[] = judged.flatMap((r) => (r.values ? [{ r, v: r.values }] : []));
      const survivors = () => (live = live.filter((c) => c.r.values !== null));

      await this.recheckUnderLocks(tx, live, recheck);
      survivors();
      rejectDuplicates(live);
      survivors();

      const current = await this.lockExisting(tx, live);
      const results = new Map<number, string>();
      const writes: Array<Candidate & { before?: ExistingAchievement }> = [];
      for (const c of live) {
        const existing = current.get(keyOf(c.v));
        if (!existing) writes.push(c);
        else if (!EDITABLE_STATUSES.includes(existing.status)) {
          reject(c, `the achievement is ${existing.status}; an import changes only ${EDITABLE_STATUSES.join(' or ')} achievements`);
        } else if (parseDecimal(existing.realization).equals(parseDecimal(c.v.realization)) && existing.notes === c.v.notes) results.set(c.r.row, existing.id);
        else writes.push({ ...c, before: existing });
      }
      await this.upsert(tx, job, writes, results);

      const okRow = (r: JudgedRow) => r.values !== null && results.has(r.row);
      await tx.query(
        `INSERT INTO core.import_rows (import_id, row_no, ok, error, achievement_id, parsed)
         SELECT $1, row_no, ok, error, achievement_id, parsed FROM unnest($2::int[], $3::bool[], $4::text[], $5::uuid[], $6::jsonb[]) AS t(row_no, ok, error, achievement_id, parsed)`,
        [
          job.id,
          judged.map((r) => r.row),
          judged.map(okRow),
          judged.map((r) => (okRow(r) ? null : (r.error ?? 'rejected'))),
          judged.map((r) => (okRow(r) ? (results.get(r.row) ?? null) : null)),
          judged.map((r) => JSON.stringify(r.raw)),
        ],
      );
      const succeeded = judged.filter(okRow).length;
      const [[done]]: [Array<{ id: string }>, number] = await tx.query(
        `UPDATE core.imports SET status = 'done', total = $3, succeeded = $4, failed = $5, sha256 = $6, error = NULL, lease_until = NULL, finished_at = now()
          WHERE id = $1 AND status = 'running' AND attempts = $2 RETURNING id`,
        [job.id, job.attempts, judged.length, succeeded, judged.length - succeeded, sha256],
      );
      if (!done) throw new Error(`import ${job.id} was taken over by another worker`);
      await coreOutbox.enqueue(tx, CORE_EVENTS.fileLinksChanged, { ownerType: 'import', ownerId: job.id, fileIds: [job.file_id], opdId: job.opd_id });
    });
  }

  /** Period guard first (advisory locks in a stable order, one check per period), then the indicators FOR SHARE. */
  private async recheckUnderLocks(tx: EntityManager, live: Candidate[], recheck: (i: ImportIndicator, v: ImportValues) => string | null): Promise<void> {
    const periods = [...new Set(live.map((c) => `${c.v.year}|${c.v.period}`))].sort();
    const closed = new Map<string, string>();
    for (const key of periods) {
      const [year, period] = key.split('|');
      try {
        await assertPeriodOpen(tx, Number(year), period as Period);
      } catch (e) {
        if (!(e instanceof DomainError)) throw e;
        closed.set(key, e.message);
      }
    }
    const ids = [...new Set(live.map((c) => c.v.indicatorId))];
    const locked = new Map((await this.indicators(ids, tx, 'FOR SHARE OF i, sp')).map((i) => [i.id, i]));
    for (const c of live) {
      const shut = closed.get(`${c.v.year}|${c.v.period}`);
      const indicator = locked.get(c.v.indicatorId);
      const why = shut ? `period: ${shut}` : !indicator ? 'indicatorId: Indicator not found' : recheck(indicator, c.v);
      if (why) reject(c, why);
    }
  }

  /** The stored achievements the rows name, locked so their status cannot change before the upsert. */
  private async lockExisting(tx: EntityManager, live: Candidate[]): Promise<Map<string, ExistingAchievement>> {
    if (!live.length) return new Map();
    const found: Array<ExistingAchievement & { indicator_id: string; year: number; period: string }> = await tx.query(
      `SELECT a.id, a.indicator_id, a.year, a.period, a.status, a.realization::text AS realization, a.notes
         FROM core.achievements a JOIN unnest($1::uuid[], $2::int[], $3::text[]) AS k(indicator_id, year, period)
           ON a.indicator_id = k.indicator_id AND a.year = k.year AND a.period = k.period
        ORDER BY a.id FOR UPDATE OF a`,
      [live.map((c) => c.v.indicatorId), live.map((c) => c.v.year), live.map((c) => c.v.period)],
    );
    return new Map(found.map((a) => [keyOf({ indicatorId: a.indicator_id, year: a.year, period: a.period }), a]));
  }

  /**
   * One INSERT … SELECT FROM unnest … ON CONFLICT DO UPDATE (only while draft/revision), then the
   * creation history rows and the audit rows, each one statement.
   */
  private async upsert(tx: EntityManager, job: ClaimedImport, writes: Array<Candidate & { before?: ExistingAchievement }>, results: Map<number, string>): Promise<void> {
    if (!writes.length) return;
    const caller = job.identity;
    const col = <T>(f: (v: ImportValues) => T) => writes.map((c) => f(c.v));
    const saved: Array<{ id: string; indicator_id: string; year: number; period: string; inserted: boolean }> = await tx.query(
      `INSERT INTO core.achievements (id, indicator_id, opd_id, year, period, realization, status, notes, document_ids, input_by)
       SELECT id, indicator_id, opd_id, year, period, realization, 'draft', notes, '{}'::uuid[], $8
         FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::int[], $5::text[], $6::numeric[], $7::text[])
              AS t(id, indicator_id, opd_id, year, period, realization, notes)
       ON CONFLICT (indicator_id, year, period) DO UPDATE
          SET realization = EXCLUDED.realization, notes = EXCLUDED.notes, updated_at = now(), version = core.achievements.version + 1
        WHERE core.achievements.status = ANY($9::text[])
       RETURNING id, indicator_id, year, period, (xmax = 0) AS inserted`,
      [
        writes.map((c) => c.before?.id ?? uuidv7()),
        col((v) => v.indicatorId),
        col((v) => v.opdId),
        col((v) => v.year),
        col((v) => v.period),
        col((v) => v.realization),
        col((v) => v.notes),
        caller.actor,
        EDITABLE_STATUSES,
      ],
    );
    const byKey = new Map(saved.map((s) => [keyOf({ indicatorId: s.indicator_id, year: s.year, period: s.period }), s]));
    const created: string[] = [];
    const audits: AuditInput[] = [];
    for (const c of writes) {
      const s = byKey.get(keyOf(c.v));
      if (!s) {
        reject(c, 'the achievement changed state meanwhile; it is no longer editable');
        continue;
      }
      results.set(c.r.row, s.id);
      const base = { actor: caller.actor, ip: caller.ip, table: 'achievements', rowId: s.id };
      if (s.inserted || !c.before) {
        created.push(s.id);
        audits.push({ ...base, operation: 'insert', newValues: { ...auditValues(c.v), status: 'draft', documentIds: [], importId: job.id } });
      } else {
        audits.push({
          ...base,
          operation: 'update',
          oldValues: { realization: c.before.realization, notes: c.before.notes },
          newValues: { realization: c.v.realization, notes: c.v.notes, importId: job.id },
        });
      }
    }
    if (created.length) {
      await tx.query(
        `INSERT INTO core.achievement_history (id, achievement_id, from_status, to_status, actor, note, occurred_at)
         SELECT h, a, NULL, 'draft', $3, 'import', clock_timestamp() FROM unnest($1::uuid[], $2::uuid[]) AS t(h, a)`,
        [created.map(() => uuidv7()), created, caller.actor],
      );
    }
    if (audits.length) await writeAuditMany(tx, audits);
  }
}

/** A row still headed for the write, with its values (non-null while it is live). */
interface Candidate {
  r: JudgedRow;
  v: ImportValues;
}

interface ExistingAchievement {
  id: string;
  status: AchievementStatus;
  realization: string;
  notes: string | null;
}

function reject(c: Candidate, error: string): void {
  c.r.values = null;
  c.r.error = error;
}

function keyOf(v: Pick<ImportValues, 'indicatorId' | 'year' | 'period'>): string {
  return `${v.indicatorId.toLowerCase()}|${v.year}|${v.period}`;
}

/** The same indicator, year and period twice in one file: the first row counts, later ones are refused. */
function rejectDuplicates(live: Candidate[]): void {
  const seen = new Set<string>();
  for (const c of live) {
    const key = keyOf(c.v);
    if (seen.has(key)) reject(c, 'duplicate of an earlier row for the same indicator, year and period');
    seen.add(key);
  }
}


function auditValues(v: ImportValues): Record<string, unknown> {
  return { indicatorId: v.indicatorId, opdId: v.opdId, year: v.year, period: v.period, realization: v.realization, notes: v.notes };
}

