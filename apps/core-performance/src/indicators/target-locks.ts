import { DomainError, ErrorCode, type ErrorDetail } from '@sakip/contracts';
import Decimal from 'decimal.js';
import type { EntityManager } from 'typeorm';
import { ALL_PERIODS, type Period } from '../periods/period-calendar';
import { assertPeriodOpen } from '../periods/period-guard';

/** One year's target figures as decimal text: the annual and the split keys (Q1–Q4, M01–M12). */
export interface TargetFigures {
  annual: string;
  periods: Readonly<Record<string, string>>;
}

/**
 * The periods whose figure a PUT changes, in calendar order: `Y` for the annual, the split key
 * otherwise. Compared exactly in decimal ("25.0000" = 25); a figure on one side only (nothing
 * stored yet) is a change. Unchanged figures may be sent again even when their period is locked.
 */
export function changedTargetPeriods(before: TargetFigures | null, after: TargetFigures): Period[] {
  const figure = (t: TargetFigures | null, p: Period): string | undefined => {
    if (!t) return undefined;
    if (p === 'Y') return t.annual;
    return Object.hasOwn(t.periods, p) ? t.periods[p] : undefined;
  };
  return ALL_PERIODS.filter((p) => {
    const [old, now] = [figure(before, p), figure(after, p)];
    return old === undefined || now === undefined ? old !== now : !new Decimal(old).eq(now);
  });
}

/** The request field a period's figure travels in. */
export const targetFieldOf = (p: Period): string => (p === 'Y' ? 'annual' : `periods.${p}`);

/**
 * 409 INVALID_STATE naming every changed figure whose period a lock covers (DOMAIN.md: a lock
 * covers every period inside it — Q2 by a lock on Q2, S1 or Y; M05 also by Q2; the annual by Y).
 * Each check is the achievements' guard, assertPeriodOpen: it takes the year's period lock shared
 * before reading the locks, so a concurrent lock either committed before (and is seen here) or
 * waits for this write. Call it inside the write's transaction, before writing.
 */
export async function assertTargetChangesOpen(tx: EntityManager, year: number, changed: readonly Period[]): Promise<void> {
  const refused: ErrorDetail[] = [];
  const locked: Period[] = [];
  for (const period of changed) {
    const err: unknown = await assertPeriodOpen(tx, year, period).then(
      () => null,
      (e: unknown) => e,
    );
    if (err === null) continue;
    if (!(err instanceof DomainError) || err.code !== ErrorCode.InvalidState) throw err;
    locked.push(period);
    refused.push({ field: targetFieldOf(period), message: `${period} is ${err.details[0]?.message ?? 'locked'}` });
  }
  if (locked.length) {
    throw new DomainError(ErrorCode.InvalidState, `Targets of locked periods of ${year} cannot change (${locked.join(', ')}); send their current values`, refused);
  }
}
