import { DomainError, ErrorCode } from '@sakip/contracts';
import type { EntityManager } from 'typeorm';
import { coveringPeriods, type Period } from './period-calendar';

/**
 * Serialises period locks against achievement writes of the same year with a transaction-scoped
 * advisory lock (key: "CORE" in ASCII, the year). Every achievement write takes it shared as the
 * FIRST statement of its transaction; a period lock takes it exclusively. So a write either
 * commits before the lock starts (and is then seen and locked by it) or starts after the lock
 * committed (and is then refused): no write slips into a period while it is being locked.
 */
const PERIOD_LOCK_CLASS = 0x434f5245;

export async function lockYearForPeriodLock(tx: EntityManager, year: number): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock($1, $2)', [PERIOD_LOCK_CLASS, year]);
}

/**
 * 409 INVALID_STATE when `period` of `year` or any period containing it is locked (DOMAIN.md: a
 * lock covers every period inside it). Must be called inside the write's transaction, first.
 */
export async function assertPeriodOpen(tx: EntityManager, year: number, period: Period): Promise<void> {
  // Its own statement: READ COMMITTED takes the next statement's snapshot after the lock is held.
  await tx.query('SELECT pg_advisory_xact_lock_shared($1, $2)', [PERIOD_LOCK_CLASS, year]);
  const locks: Array<{ period: string }> = await tx.query(
    `SELECT period FROM core.periods WHERE year = $1 AND period = ANY($2::text[]) AND locked_at IS NOT NULL ORDER BY period`,
    [year, coveringPeriods(period)],
  );
  if (locks.length) {
    throw new DomainError(ErrorCode.InvalidState, `Period ${period} of ${year} is locked; its achievements can no longer change`, [
      { field: 'period', message: `locked by the lock on ${locks.map((l) => l.period).join(', ')}` },
    ]);
  }
}
