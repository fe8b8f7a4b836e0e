import { BUDGET_UPSERT_MAX_ROWS, CORE_SUBJECTS, type BudgetUpsertRequest, type BudgetUpsertResult } from '@sakip/contracts';
import type { RpcClient } from '@sakip/messaging';
import { addCounts, ZERO, type ConnectorResult, type ConnectorRun } from './connector';
import type { RunCounts } from '../runs/sync-runs.repository';
import { UpstreamError } from './upstream-client';
import { parseSipdPage, type RejectedRow, type SipdSubKegiatan } from './upstream-shapes';

/** Sub-kegiatan per upstream page: each page becomes a few core batches of at most 1,000 rows. */
export const SIPD_PAGE_SIZE = 500;
const CORE_BATCHES_IN_FLIGHT = 3;

/** Runs `work` over the items with at most `limit` at a time; results in item order; the first failure rejects. */
export async function mapPooled<T, R>(items: T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  return results;
}

const chunks = <T>(rows: T[], size = BUDGET_UPSERT_MAX_ROWS): T[][] => Array.from({ length: Math.ceil(rows.length / size) }, (_, i) => rows.slice(i * size, (i + 1) * size));

/** The budget years a SIPD integration pulls: its `options.years`, else last year and this one. */
export function sipdYears(options: { years?: number[] }, now = new Date()): number[] {
  const y = now.getUTCFullYear();
  return [...new Set(options.years?.length ? options.years : [y - 1, y])].sort();
}

/**
 * SIPD → core: pages of sub-kegiatan (code, pagu murni/perubahan, monthly realization) are checked
 * row by row and sent to core's set-based, idempotent `core.budget.upsert.v1` in batches; rows core
 * cannot place (unknown or ambiguous code, locked period) are quarantined with core's reason.
 * Each page is one step: an interrupted run resumes after the last finished page.
 */
export async function syncSipd(run: ConnectorRun): Promise<ConnectorResult> {
  const done = run.checkpoint as { year?: number; page?: number };
  for (const year of sipdYears(run.integration.options)) {
    if (done.year !== undefined && year < done.year) continue;
    let page = done.year === year ? (done.page ?? 0) + 1 : 1;
    for (let lastPage = page; page <= lastPage; page++) {
      if (run.signal.aborted) throw new UpstreamError('stopped before the end: resumes from the last finished page', true);
      const parsed = parseSipdPage(await run.client.getJson('sub-kegiatan', { tahun: year, page, limit: SIPD_PAGE_SIZE }), page);
      lastPage = parsed.lastPage;
      const sent = await sendToCore(run.rpc, year, parsed.rows);
      await run.step(addCounts(sent.counts, { failed: parsed.rejected.length }), [...parsed.rejected, ...sent.rejected], { year, page });
    }
  }
  return {};
}

async function sendToCore(rpc: RpcClient, year: number, rows: SipdSubKegiatan[]): Promise<{ counts: RunCounts; rejected: RejectedRow[] }> {
  const calls: BudgetUpsertRequest[] = [
    ...chunks(rows.map((r) => ({ kodeSubGiat: r.code, pagu: r.paguMurni }))).map((allocations) => ({ year, revision: 'murni' as const, allocations })),
    ...chunks(rows.flatMap((r) => (r.paguPerubahan === null ? [] : [{ kodeSubGiat: r.code, pagu: r.paguPerubahan }]))).map((allocations) => ({ year, revision: 'perubahan' as const, allocations })),
    ...chunks(rows.flatMap((r) => r.realization.map((m) => ({ kodeSubGiat: r.code, month: m.month, amount: m.amount })))).map((realizations) => ({ year, revision: 'murni' as const, realizations })),
  ];
  let counts = ZERO;
  const rejected: RejectedRow[] = [];
  // A few batches in flight: they touch disjoint rows, and core's work overlaps the NATS round trips.
  const results = await mapPooled(calls, CORE_BATCHES_IN_FLIGHT, (call) => rpc.request<BudgetUpsertResult>(CORE_SUBJECTS.budgetUpsert, call, { identity: null, timeoutMs: 30_000 }));
  for (const [i, call] of calls.entries()) {
    const result = results[i] as BudgetUpsertResult;
    const sent = (call.allocations?.length ?? 0) + (call.realizations?.length ?? 0);
    const refusedCodes = new Set([...result.unknownCodes, ...result.ambiguousCodes]);
    const refused =
      (call.allocations ?? []).filter((a) => refusedCodes.has(a.kodeSubGiat)).length +
      (call.realizations ?? []).filter((r) => refusedCodes.has(r.kodeSubGiat)).length +
      result.lockedRows.length +
      result.lockedAllocations.length;
    counts = addCounts(counts, { inserted: result.inserted, updated: result.updated, failed: refused, unchanged: sent - result.inserted - result.updated - refused });
    for (const code of result.unknownCodes) rejected.push({ key: code, reason: `no sub-kegiatan with this SIPD code in a Renstra covering ${year}`, payload: { year } });
    for (const code of result.ambiguousCodes) rejected.push({ key: code, reason: `this SIPD code belongs to more than one sub-kegiatan covering ${year}: resolve it in the Renstras`, payload: { year } });
    for (const code of result.lockedAllocations) rejected.push({ key: code, reason: `pagu ${call.revision} ${year} not written: the year is locked`, payload: { year } });
    for (const row of result.lockedRows) rejected.push({ key: `${row.kodeSubGiat}#${year}-${String(row.month).padStart(2, '0')}`, reason: `realization of month ${row.month}/${year} not written: the period is locked`, payload: { year, month: row.month } });
  }
  return { counts, rejected };
}
