import { CORE_EVENTS, type AchievementLockedV1, type AchievementStatus } from '@sakip/contracts';
import { uuidv7 } from '@sakip/persistence';
import type { EntityManager } from 'typeorm';
import { writeAuditMany } from '../audit/core-audit';
import { coreOutbox } from '../events/core-outbox';

/** One achievement a period lock moved to `locked`. */
export interface LockedAchievement {
  id: string;
  indicator_id: string;
  opd_id: string | null;
  year: number;
  period: string;
  from_status: AchievementStatus;
}

export interface TrailActor {
  actor: string;
  ip?: string | null;
}

/**
 * The trail of a period lock, set-based: for every locked achievement a history row, an audit row
 * (with its `evt.core.audit.recorded.v1`) and an `evt.core.achievement.locked.v1`, written in three
 * statements whatever the count, inside the lock's transaction.
 */
export async function writeLockTrail(tx: EntityManager, rows: readonly LockedAchievement[], who: TrailActor): Promise<void> {
  if (!rows.length) return;
  const occurredAt = new Date();

  await tx.query(
    `INSERT INTO core.achievement_history (id, achievement_id, from_status, to_status, actor, note, occurred_at)
     SELECT h.id, h.achievement_id, h.from_status, 'locked', $4, NULL, $5
       FROM unnest($1::uuid[], $2::uuid[], $3::text[]) AS h(id, achievement_id, from_status)`,
    [rows.map(() => uuidv7()), rows.map((r) => r.id), rows.map((r) => r.from_status), who.actor, occurredAt],
  );

  await writeAuditMany(
    tx,
    rows.map((r) => ({ actor: who.actor, ip: who.ip ?? null, operation: 'lock', table: 'achievements', rowId: r.id, oldValues: { status: r.from_status }, newValues: { status: 'locked' } })),
  );
  await coreOutbox.enqueueMany(
    tx,
    rows.map((r) => ({
      subject: CORE_EVENTS.achievementLocked,
      data: { achievementId: r.id, indicatorId: r.indicator_id, opdId: r.opd_id, year: r.year, period: r.period, fromStatus: r.from_status, toStatus: 'locked', actor: who.actor, note: null } satisfies AchievementLockedV1,
    })),
  );
}
