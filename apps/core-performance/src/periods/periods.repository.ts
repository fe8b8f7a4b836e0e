import { Injectable } from '@nestjs/common';
import { assertVersion, DomainError, ErrorCode, type CallerIdentity } from '@sakip/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { writeAudit } from '../audit/core-audit';
import { writeLockTrail, type LockedAchievement } from './lock-trail';
import { ALL_PERIODS, covers, coveringPeriods, FREQUENCIES, periodsOf, type Period } from './period-calendar';
import { lockYearForPeriodLock } from './period-guard';
import type { PeriodRow } from './period-views';

const COLUMNS = 'year, period, input_deadline, locked_at, locked_by, updated_at, version';

/** (frequency, period) pairs: which indicators report in which period, from the calendar. */
const FREQUENCY_PERIODS = FREQUENCIES.flatMap((f) => periodsOf(f).map((p) => [f, p] as const));

const rowIdOf = (year: number, period: string) => `${year}:${period}`;

export interface LockOutcome {
  row: PeriodRow;
  lockedAchievements: number;
}

@Injectable()
export class PeriodsRepository {
  constructor(private readonly ds: DataSource) {}

  listYear(year: number): Promise<PeriodRow[]> {
    return this.ds.query(`SELECT ${COLUMNS} FROM core.periods WHERE year = $1`, [year]);
  }

  /**
   * OPDs overdue per period of the year, in ONE query: the period's deadline has passed and the
   * OPD (active) has an indicator — of a strategic plan covering the year, reporting in exactly
   * that period by its frequency — with no achievement of that period submitted by the deadline
   * (first submitted at or before it: one returned for revision afterwards was still submitted
   * on time, DOMAIN.md "Overdue = nothing submitted by the deadline"). `opdId` narrows to one OPD
   * (callers bound to an OPD).
   */
  async overdue(year: number, opdId: string | null): Promise<Map<string, string[]>> {
    const params: unknown[] = [year, FREQUENCY_PERIODS.map(([f]) => f), FREQUENCY_PERIODS.map(([, p]) => p)];
    const own = opdId === null ? '' : ` AND i.opd_id = $${params.push(opdId)}`;
    const rows: Array<{ period: string; opd_ids: string[] }> = await this.ds.query(
      `SELECT p.period, array_agg(DISTINCT i.opd_id::text ORDER BY i.opd_id::text) AS opd_ids
         FROM core.periods p
         JOIN unnest($2::text[], $3::text[]) AS fp(frequency, period) ON fp.period = p.period
         JOIN core.indicators i ON i.frequency = fp.frequency AND i.opd_id IS NOT NULL
         JOIN core.strategic_plans sp ON sp.id = i.strategic_plan_id AND p.year BETWEEN sp.period_start AND sp.period_end
         JOIN core.opds o ON o.id = i.opd_id AND o.is_active
        WHERE p.year = $1 AND p.input_deadline < now()${own}
          AND NOT EXISTS (
                SELECT 1 FROM core.achievements a
                 WHERE a.indicator_id = i.id AND a.year = p.year AND a.period = p.period
                   AND a.first_submitted_at <= p.input_deadline)
        GROUP BY p.period`,
      params,
    );
    return new Map(rows.map((r) => [r.period, r.opd_ids]));
  }

  /** Sets (or clears) the input deadline; the row is created on first write. */
  updateDeadline(year: number, period: Period, deadline: Date | null, expectedVersion: number | undefined, caller: CallerIdentity): Promise<PeriodRow> {
    return this.ds.transaction(async (tx) => {
      const before = await this.lockRow(tx, year, period);
      assertVersion(expectedVersion, before.version);
      const [[after]]: [PeriodRow[], number] = await tx.query(
        `UPDATE core.periods SET input_deadline = $3, updated_at = now(), version = version + 1
          WHERE year = $1 AND period = $2 RETURNING ${COLUMNS}`,
        [year, period, deadline],
      );
      await writeAudit(tx, {
        actor: caller.actor,
        ip: caller.ip,
        operation: 'update',
        table: 'periods',
        rowId: rowIdOf(year, period),
        oldValues: { inputDeadline: before.input_deadline },
        newValues: { inputDeadline: after.input_deadline },
      });
      return after;
    });
  }

  /**
   * Locks a period and everything inside it, in one transaction: refused (409) when it or a period
   * containing it is already locked, or — unless `force` — while a covered achievement is submitted
   * or in revision. Then every covered verified achievement (and, forced, submitted/revision) turns
   * `locked` in one statement, with its trail written set-based. Drafts stay draft; the period
   * guard keeps them from changing from now on.
   */
  lock(year: number, period: Period, force: boolean, expectedVersion: number | undefined, caller: CallerIdentity): Promise<LockOutcome> {
    return this.ds.transaction(async (tx) => {
      // Waits for in-flight achievement writes of the year; later ones wait for this commit.
      await lockYearForPeriodLock(tx, year);
      const own = await this.lockRow(tx, year, period);
      assertVersion(expectedVersion, own.version);
      const lockedBy: Array<{ period: string }> = await tx.query(
        `SELECT period FROM core.periods WHERE year = $1 AND period = ANY($2::text[]) AND locked_at IS NOT NULL ORDER BY period`,
        [year, coveringPeriods(period)],
      );
      if (lockedBy.length) {
        throw new DomainError(ErrorCode.InvalidState, `Period ${period} of ${year} is already locked`, [
          { field: 'period', message: `locked by the lock on ${lockedBy.map((l) => l.period).join(', ')}` },
        ]);
      }

      const covered = ALL_PERIODS.filter((p) => covers(period, p));
      const pending: Array<{ status: string; n: string }> = await tx.query(
        `SELECT status, count(*) AS n FROM core.achievements
          WHERE year = $1 AND period = ANY($2::text[]) AND status IN ('submitted', 'revision') GROUP BY status ORDER BY status`,
        [year, covered],
      );
      if (pending.length && !force) {
        const counts = Object.fromEntries(pending.map((p) => [p.status, Number(p.n)]));
        const total = pending.reduce((sum, p) => sum + Number(p.n), 0);
        throw new DomainError(ErrorCode.InvalidState, `${total} achievement(s) of ${period} ${year} are still submitted or in revision; verify them or lock with force`, [
          { field: 'status', message: pending.map((p) => `${p.n} ${p.status}`).join(', '), submitted: counts['submitted'] ?? 0, revision: counts['revision'] ?? 0 },
        ]);
      }

      const lockable = force ? ['verified', 'submitted', 'revision'] : ['verified'];
      const [locked]: [LockedAchievement[], number] = await tx.query(
        `WITH old AS (
           SELECT id, status FROM core.achievements
            WHERE year = $1 AND period = ANY($2::text[]) AND status = ANY($3::text[])
            ORDER BY id FOR UPDATE)
         UPDATE core.achievements a SET status = 'locked', updated_at = now(), version = a.version + 1
           FROM old WHERE a.id = old.id
         RETURNING a.id, a.indicator_id, a.opd_id, a.year, a.period, old.status AS from_status`,
        [year, covered, lockable],
      );
      await writeLockTrail(tx, locked, { actor: caller.actor, ip: caller.ip });

      const [[after]]: [PeriodRow[], number] = await tx.query(
        `UPDATE core.periods SET locked_at = now(), locked_by = $3, updated_at = now(), version = version + 1
          WHERE year = $1 AND period = $2 RETURNING ${COLUMNS}`,
        [year, period, caller.actor],
      );
      await writeAudit(tx, {
        actor: caller.actor,
        ip: caller.ip,
        operation: 'lock',
        table: 'periods',
        rowId: rowIdOf(year, period),
        oldValues: { lockedAt: null },
        newValues: { lockedAt: after.locked_at, lockedBy: after.locked_by, force, lockedAchievements: locked.length },
      });
      return { row: after, lockedAchievements: locked.length };
    });
  }

  /** The period's row, created (version 0 = never set) if missing, locked for this transaction. */
  private async lockRow(tx: EntityManager, year: number, period: Period): Promise<PeriodRow> {
    await tx.query(`INSERT INTO core.periods (year, period, version) VALUES ($1, $2, 0) ON CONFLICT DO NOTHING`, [year, period]);
    const [row]: PeriodRow[] = await tx.query(`SELECT ${COLUMNS} FROM core.periods WHERE year = $1 AND period = $2 FOR UPDATE`, [year, period]);
    return row;
  }
}
