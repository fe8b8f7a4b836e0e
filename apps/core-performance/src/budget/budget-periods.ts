import { DomainError, ErrorCode } from '@sakip/contracts';
import type { EntityManager } from 'typeorm';
import { MONTHS } from '../periods/period-calendar';
import { assertPeriodOpen } from '../periods/period-guard';
import { monthPeriod, monthsLockedBy } from './budget-rules';

/**
 * Period locks for budget realizations (DOMAIN.md "Achievement workflow": after a lock every write
 * to that period is 409). Both go through the period guard, which takes the year's shared
 * advisory lock as the transaction's first statement, so a realization write and a period lock
 * never interleave.
 */

const isInvalidState = (err: unknown) => err instanceof DomainError && err.code === ErrorCode.InvalidState;

/** 409 INVALID_STATE when a locked period covers the month. Call first inside the write's transaction. */
export async function assertMonthOpen(tx: EntityManager, year: number, month: number): Promise<void> {
  try {
    await assertPeriodOpen(tx, year, monthPeriod(month));
  } catch (err) {
    if (!isInvalidState(err)) throw err;
    // The guard speaks of achievements; say what is refused here, keeping its details (which lock).
    throw new DomainError(ErrorCode.InvalidState, `Month ${month} of ${year} lies in a locked period; its budget realizations can no longer change`, (err as DomainError).details);
  }
}

/**
 * The locked months (1–12) of the year, for a set-based write that skips them. Call first inside
 * the write's transaction: the guard's check of Y takes the shared year lock (a locked Y covers
 * every month), then one query reads the other locks.
 */
export async function lockedMonths(tx: EntityManager, year: number): Promise<Set<number>> {
  try {
    await assertPeriodOpen(tx, year, 'Y');
  } catch (err) {
    if (!isInvalidState(err)) throw err;
    return new Set(MONTHS.map((_, i) => i + 1));
  }
  const rows: Array<{ period: string }> = await tx.query(`SELECT period FROM core.periods WHERE year = $1 AND locked_at IS NOT NULL`, [year]);
  return monthsLockedBy(rows.map((r) => r.period));
}
