import { Injectable } from '@nestjs/common';
import type { Page, QuarantineListQuery, QuarantineView } from '@sakip/contracts';
import { orderByClause, pageRequest, uuidv7 } from '@sakip/persistence';
import { DataSource, type EntityManager } from 'typeorm';
import type { RejectedRow } from '../connectors/upstream-shapes';

interface QuarantineRow {
  id: string;
  record_key: string;
  reason: string;
  payload: unknown;
  run_id: string;
  first_seen_at: Date;
  last_seen_at: Date;
}

/**
 * Rows an upstream sent that were refused, one per record (a SIPD code, a NIP): the latest reason
 * wins, and a complete run removes the ones it no longer saw refused, so the list is what is wrong now.
 */
@Injectable()
export class QuarantineRepository {
  constructor(private readonly ds: DataSource) {}

  async put(tx: EntityManager, integrationId: string, runId: string, rows: RejectedRow[]): Promise<void> {
    if (!rows.length) return;
    // One record once per statement (ON CONFLICT cannot touch a row twice): the last reason wins.
    const byKey = new Map(rows.map((r) => [r.key.slice(0, 200), r]));
    const list = [...byKey.entries()];
    await tx.query(
      `INSERT INTO integration.quarantine (id, integration_id, record_key, reason, payload, run_id)
       SELECT q.id, $1, q.record_key, q.reason, q.payload, $2 FROM unnest($3::uuid[], $4::text[], $5::text[], $6::jsonb[]) AS q(id, record_key, reason, payload)
       ON CONFLICT (integration_id, record_key) DO UPDATE SET reason = EXCLUDED.reason, payload = EXCLUDED.payload, run_id = EXCLUDED.run_id, last_seen_at = now()`,
      [integrationId, runId, list.map(() => uuidv7()), list.map(([k]) => k), list.map(([, r]) => r.reason.slice(0, 1000)), list.map(([, r]) => JSON.stringify(r.payload ?? null))],
    );
  }

  /** After a complete run: what it did not refuse again is resolved. */
  async keepOnlyRun(tx: EntityManager, integrationId: string, runId: string): Promise<void> {
    await tx.query(`DELETE FROM integration.quarantine WHERE integration_id = $1 AND run_id <> $2`, [integrationId, runId]);
  }

  async list(integrationId: string, q: QuarantineListQuery): Promise<Page<QuarantineView>> {
    const req = pageRequest(q, { recordKey: 'record_key', lastSeenAt: 'last_seen_at', firstSeenAt: 'first_seen_at' }, 'recordKey', 'id');
    const [rows, [{ total }]] = await Promise.all([
      this.ds.query<QuarantineRow[]>(
        `SELECT id, record_key, reason, payload, run_id, first_seen_at, last_seen_at FROM integration.quarantine WHERE integration_id = $1 ORDER BY ${orderByClause(req)} LIMIT $2 OFFSET $3`,
        [integrationId, req.limit, req.offset],
      ),
      this.ds.query<Array<{ total: string }>>(`SELECT count(*) AS total FROM integration.quarantine WHERE integration_id = $1`, [integrationId]),
    ]);
    return {
      items: rows.map((r) => ({ id: r.id, recordKey: r.record_key, reason: r.reason, payload: r.payload, syncLogId: r.run_id, firstSeenAt: r.first_seen_at.toISOString(), lastSeenAt: r.last_seen_at.toISOString() })),
      total: Number(total),
      limit: req.limit,
      offset: req.offset,
    };
  }
}
