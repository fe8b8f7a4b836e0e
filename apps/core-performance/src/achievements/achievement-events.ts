import { CORE_EVENTS, type AchievementStatus } from '@sakip/contracts';
import type { EntityManager } from 'typeorm';
import { coreOutbox } from '../events/core-outbox';
import type { AchievementRow } from './achievement-row';
import type { Transition } from './achievement-workflow';

/** The transition's event, in the transition's transaction (opdId null for Pemda IKU). */
export async function enqueueTransition(tx: EntityManager, t: Transition, row: AchievementRow, from: AchievementStatus, actor: string, note: string | null): Promise<void> {
  await coreOutbox.enqueue(tx, t.event, {
    achievementId: row.id,
    indicatorId: row.indicator_id,
    opdId: row.opd_id,
    year: row.year,
    period: row.period,
    fromStatus: from,
    toStatus: t.to,
    actor,
    note,
  });
}

/** `evt.core.file_links.changed.v1` with the achievement's COMPLETE current set ([] on delete). */
export async function enqueueFileLinks(tx: EntityManager, row: Pick<AchievementRow, 'id' | 'opd_id'>, fileIds: string[]): Promise<void> {
  await coreOutbox.enqueue(tx, CORE_EVENTS.fileLinksChanged, { ownerType: 'achievement', ownerId: row.id, fileIds, opdId: row.opd_id });
}

export function sameFileSet(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  const set = new Set(a.map((x) => x.toLowerCase()));
  return b.every((x) => set.has(x.toLowerCase()));
}
