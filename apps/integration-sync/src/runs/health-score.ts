import type { IntegrationHealthView } from '@sakip/contracts';
import type { SyncRunRow } from './sync-runs.repository';

const VALUE = { success: 1, partial: 0.5, failed: 0 } as const;

/**
 * From the last finished runs, newest first: a weighted mean (the newest weighs most) of success 1,
 * partial 0.5, failed 0, as 0–100; failing at three failures in a row or under 50, degraded under 90.
 */
export function healthOf(recent: Array<Pick<SyncRunRow, 'status' | 'finished_at'>>): Omit<IntegrationHealthView, 'integrationId' | 'breaker'> {
  const finished = recent.filter((r): r is typeof r & { status: keyof typeof VALUE } => r.status in VALUE);
  const lastOf = (status: keyof typeof VALUE) => finished.find((r) => r.status === status)?.finished_at?.toISOString() ?? null;
  let consecutiveFailures = 0;
  while (finished[consecutiveFailures]?.status === 'failed') consecutiveFailures++;
  if (!finished.length) return { score: null, status: 'unknown', runsConsidered: 0, consecutiveFailures: 0, lastSuccessAt: null, lastFailureAt: null };
  let weighted = 0;
  let weights = 0;
  finished.forEach((r, i) => {
    const w = finished.length - i;
    weighted += w * VALUE[r.status];
    weights += w;
  });
  const score = Math.round((100 * weighted) / weights);
  const status = consecutiveFailures >= 3 || score < 50 ? 'failing' : score < 90 ? 'degraded' : 'healthy';
  return { score, status, runsConsidered: finished.length, consecutiveFailures, lastSuccessAt: lastOf('success'), lastFailureAt: lastOf('failed') };
}
