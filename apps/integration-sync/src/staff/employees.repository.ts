import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { SimpegEmployee } from '../connectors/upstream-shapes';

/** The SIMPEG staff copy (by NIP), written set-based; returns how many rows were new and how many changed. */
@Injectable()
export class EmployeesRepository {
  async upsert(tx: EntityManager, integrationId: string, rows: SimpegEmployee[]): Promise<{ inserted: number; updated: number }> {
    if (!rows.length) return { inserted: 0, updated: 0 };
    const byNip = new Map(rows.map((r) => [r.nip, r]));
    const list = [...byNip.values()];
    const result = await tx.query<Array<{ inserted: boolean }>>(
      `INSERT INTO integration.employees AS e (integration_id, nip, name, unit_code, position, rank, email, is_head, upstream_updated_at)
       SELECT $1, r.nip, r.name, r.unit_code, r.position, r.rank, r.email, r.is_head, r.updated_at
         FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::boolean[], $9::timestamptz[])
              AS r(nip, name, unit_code, position, rank, email, is_head, updated_at)
       ON CONFLICT (integration_id, nip) DO UPDATE
          SET name = EXCLUDED.name, unit_code = EXCLUDED.unit_code, position = EXCLUDED.position, rank = EXCLUDED.rank, email = EXCLUDED.email,
              is_head = EXCLUDED.is_head, upstream_updated_at = EXCLUDED.upstream_updated_at, synced_at = now()
        WHERE (e.name, e.unit_code, e.position, e.rank, e.email, e.is_head) IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.unit_code, EXCLUDED.position, EXCLUDED.rank, EXCLUDED.email, EXCLUDED.is_head)
       RETURNING (xmax = 0) AS inserted`,
      [integrationId, list.map((r) => r.nip), list.map((r) => r.name), list.map((r) => r.unitCode), list.map((r) => r.position), list.map((r) => r.rank), list.map((r) => r.email), list.map((r) => r.isHead), list.map((r) => r.updatedAt)],
    );
    const inserted = result.filter((r) => r.inserted).length;
    return { inserted, updated: result.length - inserted };
  }
}
