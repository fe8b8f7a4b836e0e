import { DomainError, ErrorCode } from '@sakip/contracts';
import type { EntityManager } from 'typeorm';
import { MONTHS } from '../periods/period-calendar';
import { assertPeriodOpen } from '../periods/period-guard';
import { monthPeriod, monthsLockedBy } from './budget-rules';

/**
 * Period locks for budget rows (DOMAIN.md "Achievement workflow": after a lock every write
 * to that period is 409): realizations by their month, allocations by the year. All go through the
 * period guard, which takes the year's shared advisory lock as the transaction's first statement,
 * so a budget write and a period lock never interleave.
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
 * 409 INVALID_STATE when the year (Y) is locked: allocations are annual, so only the year's lock
 * freezes them. Call first inside the write's transaction.
 */
export async function assertYearOpen(tx: EntityManager, year: number): Promise<void> {
  try {
    await assertPeriodOpen(tx, year, 'Y');
  } catch (err) {
    if (!isInvalidState(err)) throw err;
    throw new DomainError(ErrorCode.InvalidState, `The year ${year} is locked; its budget allocations can no longer change`, (err as DomainError).details);
  }
}

export interface LockedPeriods {
  /** Y is locked: allocations of the year are frozen (and so is every month). */
  year: boolean;
  /** The locked months (1–12). */
  months: Set<number>;
}

/**
 * What is locked in the year, for a set-based write that skips it. Call first inside the write's
 * transaction: the guard's check of Y takes the shared year lock (a locked Y covers every month),
 * then one query reads the other locks.
 */
export async function lockedPeriods(tx: EntityManager, year: number): Promise<LockedPeriods> {
  try {
    await assertPeriodOpen(tx, year, 'Y');
  } catch (err) {
    if (!isInvalidState(err)) throw err;
    return { year: true, months: new Set(MONTHS.map((_, i) => i + 1)) };
  }
  const rows: Array<{ period: string }> = await tx.query(`SELECT period FROM core.periods WHERE year = $1 AND locked_at IS NOT NULL`, [year]);
  return { year: false, months: monthsLockedBy(rows.map((r) => r.period)) };
}
