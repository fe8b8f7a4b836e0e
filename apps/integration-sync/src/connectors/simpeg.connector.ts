import { AUTH_SUBJECTS, CORE_SUBJECTS, Role, type OpdHeadUpsertResult, type OpdSnapshotPage, type ProvisionUserResult } from '@sakip/contracts';
import type { RpcClient } from '@sakip/messaging';
import type { EntityManager } from 'typeorm';
import type { RunCounts } from '../runs/sync-runs.repository';
import { ZERO, type ConnectorResult, type ConnectorRun } from './connector';
import { UpstreamError } from './upstream-client';
import { parseSimpegEmployeePage, parseSimpegUnitPage, type RejectedRow, type SimpegEmployee } from './upstream-shapes';

export const SIMPEG_PAGE_SIZE = 500;

/** Writes a page of employees into the staff copy (the connector does not know the table). */
export type EmployeeWriter = (tx: EntityManager, integrationId: string, rows: SimpegEmployee[]) => Promise<{ inserted: number; updated: number }>;

interface SimpegCheckpoint {
  page?: number;
  maxUpdatedAt?: string;
}

/** Every OPD core knows, by code (core.opd.list.v1, paged). */
async function opdsByCode(rpc: RpcClient): Promise<Map<string, string>> {
  const byCode = new Map<string, string>();
  let cursor: string | undefined;
  do {
    const page = await rpc.request<OpdSnapshotPage>(CORE_SUBJECTS.opdList, { cursor, limit: 1000 }, { identity: null });
    for (const o of page.items) byCode.set(o.code, o.opdId);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return byCode;
}

/**
 * SIMPEG/BKN → staff copy, OPD heads and (optionally) accounts: units map to core's OPDs by code;
 * employees come incrementally (`updated_since` = the newest `updated_at` of the last complete run)
 * page by page; each page is upserted by NIP, its OPD heads go to core (`core.opd.head.upsert.v1`,
 * for the PK documents) and, with `options.provisionUsers`, get a viewer account through auth.
 */
export function simpegConnector(writeEmployees: EmployeeWriter, inTx: <T>(work: (tx: EntityManager) => Promise<T>) => Promise<T>) {
  return async function syncSimpeg(run: ConnectorRun): Promise<ConnectorResult> {
    const done = run.checkpoint as SimpegCheckpoint;
    const since = typeof run.integration.cursor['updatedSince'] === 'string' ? (run.integration.cursor['updatedSince'] as string) : undefined;
    const opds = await opdsByCode(run.rpc);
    const unitOpd = new Map<string, string>();
    const unitRejects: RejectedRow[] = [];
    for (let page = 1, last = 1; page <= last; page++) {
      const parsed = parseSimpegUnitPage(await run.client.getJson('unit-kerja', { page, limit: SIMPEG_PAGE_SIZE }), page);
      last = parsed.lastPage;
      unitRejects.push(...parsed.rejected);
      for (const u of parsed.rows) {
        const opdId = opds.get(u.opdCode);
        if (opdId) unitOpd.set(u.unitCode, opdId);
        else unitRejects.push({ key: `unit:${u.unitCode}`, reason: `kode_opd ${u.opdCode} is no OPD in SAKIP`, payload: u });
      }
    }
    let maxUpdatedAt = done.maxUpdatedAt ?? since;
    let page = (done.page ?? 0) + 1;
    for (let last = page; page <= last; page++) {
      if (run.signal.aborted) throw new UpstreamError('stopped before the end: resumes from the last finished page', true);
      const parsed = parseSimpegEmployeePage(await run.client.getJson('pegawai', { updated_since: since, page, limit: SIMPEG_PAGE_SIZE }), page);
      last = parsed.lastPage;
      const rejected = [...(page === 1 ? unitRejects : []), ...parsed.rejected];
      const placed = parsed.rows.filter((e) => {
        if (unitOpd.has(e.unitCode)) return true;
        rejected.push({ key: `nip:${e.nip}`, reason: `kode_unit ${e.unitCode} maps to no OPD in SAKIP`, payload: { nip: e.nip, unit: e.unitCode } });
        return false;
      });
      let counts: RunCounts = { ...ZERO, failed: parsed.rejected.length + (parsed.rows.length - placed.length) };
      const written = await inTx((tx) => writeEmployees(tx, run.integration.id, placed));
      counts = { ...counts, inserted: written.inserted, updated: written.updated, unchanged: placed.length - written.inserted - written.updated };
      for (const head of placed.filter((e) => e.isHead)) {
        const opdId = unitOpd.get(head.unitCode);
        if (!opdId) continue;
        const result = await run.rpc.request<OpdHeadUpsertResult>(CORE_SUBJECTS.opdHeadUpsert, { opdId, name: head.name, position: head.position, rank: head.rank, nip: head.nip }, { identity: null });
        if (result.changed) counts = { ...counts, updated: counts.updated + 1 };
        if (run.integration.options.provisionUsers && head.email) {
          await run.rpc.request<ProvisionUserResult>(AUTH_SUBJECTS.userProvision, { email: head.email, name: head.name, role: Role.Viewer, opdId, externalRef: `simpeg:${head.nip}` }, { identity: null });
        }
      }
      for (const e of parsed.rows) if (!maxUpdatedAt || e.updatedAt.toISOString() > maxUpdatedAt) maxUpdatedAt = e.updatedAt.toISOString();
      await run.step(counts, rejected, { page, maxUpdatedAt });
    }
    return { cursor: maxUpdatedAt ? { updatedSince: maxUpdatedAt } : {} };
  };
}
