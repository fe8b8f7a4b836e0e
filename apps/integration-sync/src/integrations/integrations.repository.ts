import { Injectable } from '@nestjs/common';
import type { IntegrationKind, IntegrationListQuery, IntegrationOptions, Page } from '@sakip/contracts';
import { orderByClause, pageRequest } from '@sakip/persistence';
import { DataSource, type EntityManager } from 'typeorm';

export interface IntegrationRow {
  id: string;
  type: IntegrationKind;
  name: string;
  base_url: string;
  credentials: Buffer;
  credentials_key_id: string;
  credential_names: string[];
  sync_frequency: string;
  options: IntegrationOptions;
  is_active: boolean;
  next_run_at: Date | null;
  cursor: Record<string, unknown>;
  version: number;
  created_by: string;
  created_at: Date;
  updated_at: Date;
}

export type NewIntegration = Omit<IntegrationRow, 'cursor' | 'version' | 'created_at' | 'updated_at'>;
export type IntegrationPatch = Partial<Pick<IntegrationRow, 'name' | 'base_url' | 'credentials' | 'credentials_key_id' | 'credential_names' | 'sync_frequency' | 'options' | 'is_active' | 'next_run_at'>>;

const COLUMNS = 'id, type, name, base_url, credentials, credentials_key_id, credential_names, sync_frequency, options, is_active, next_run_at, cursor, version, created_by, created_at, updated_at';
const PATCHABLE: ReadonlyArray<keyof IntegrationPatch> = ['name', 'base_url', 'credentials', 'credentials_key_id', 'credential_names', 'sync_frequency', 'options', 'is_active', 'next_run_at'];

function required<T>(row: T | undefined): T {
  if (!row) throw new Error('the statement returned no row');
  return row;
}

/** `integration.integrations`. */
@Injectable()
export class IntegrationsRepository {
  constructor(private readonly ds: DataSource) {}

  async insert(tx: EntityManager, r: NewIntegration): Promise<IntegrationRow> {
    const [row] = await tx.query<IntegrationRow[]>(
      `INSERT INTO integration.integrations (id, type, name, base_url, credentials, credentials_key_id, credential_names, sync_frequency, options, is_active, next_run_at, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING ${COLUMNS}`,
      [r.id, r.type, r.name, r.base_url, r.credentials, r.credentials_key_id, r.credential_names, r.sync_frequency, JSON.stringify(r.options), r.is_active, r.next_run_at, r.created_by],
    );
    return required(row);
  }

  async get(id: string, tx: EntityManager | DataSource = this.ds, lock = false): Promise<IntegrationRow | null> {
    const rows = await tx.query<IntegrationRow[]>(`SELECT ${COLUMNS} FROM integration.integrations WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [id]);
    return rows[0] ?? null;
  }

  async update(tx: EntityManager, id: string, patch: IntegrationPatch): Promise<IntegrationRow> {
    const sets: string[] = [];
    const params: unknown[] = [id];
    for (const key of PATCHABLE) {
      if (!(key in patch)) continue;
      params.push(key === 'options' ? JSON.stringify(patch[key]) : patch[key]);
      sets.push(`${key} = $${params.length}`);
    }
    // TypeORM answers UPDATE … RETURNING as [rows, count].
    const [rows] = (await tx.query(
      `UPDATE integration.integrations SET ${[...sets, 'version = version + 1', 'updated_at = now()'].join(', ')} WHERE id = $1 RETURNING ${COLUMNS}`,
      params,
    )) as [IntegrationRow[], number];
    return required(rows[0]);
  }

  async delete(tx: EntityManager, id: string): Promise<void> {
    await tx.query(`DELETE FROM integration.integrations WHERE id = $1`, [id]);
  }

  async list(q: IntegrationListQuery): Promise<Page<IntegrationRow>> {
    const req = pageRequest(q, { name: 'name', createdAt: 'created_at', nextRunAt: 'next_run_at', type: 'type' }, 'name', 'id');
    const where = `($1::text IS NULL OR type = $1)`;
    const [rows, [{ total }]] = await Promise.all([
      this.ds.query<IntegrationRow[]>(`SELECT ${COLUMNS} FROM integration.integrations WHERE ${where} ORDER BY ${orderByClause(req)} LIMIT $2 OFFSET $3`, [q.type ?? null, req.limit, req.offset]),
      this.ds.query<Array<{ total: string }>>(`SELECT count(*) AS total FROM integration.integrations WHERE ${where}`, [q.type ?? null]),
    ]);
    return { items: rows, total: Number(total), limit: req.limit, offset: req.offset };
  }

  /** Due integrations, locked so that of several schedulers each takes a different (or no) row. */
  async claimDue(tx: EntityManager, now: Date, limit: number): Promise<IntegrationRow[]> {
    return tx.query<IntegrationRow[]>(
      `SELECT ${COLUMNS} FROM integration.integrations WHERE is_active AND next_run_at IS NOT NULL AND next_run_at <= $1
        ORDER BY next_run_at LIMIT $2 FOR UPDATE SKIP LOCKED`,
      [now, limit],
    );
  }

  async setNextRun(tx: EntityManager, id: string, at: Date | null): Promise<void> {
    await tx.query(`UPDATE integration.integrations SET next_run_at = $2 WHERE id = $1`, [id, at]);
  }

  async saveCursor(tx: EntityManager, id: string, cursor: Record<string, unknown>): Promise<void> {
    await tx.query(`UPDATE integration.integrations SET cursor = $2 WHERE id = $1`, [id, JSON.stringify(cursor)]);
  }

  async sealedWithOtherKey(currentKeyId: string): Promise<Array<Pick<IntegrationRow, 'id' | 'credentials' | 'credentials_key_id'>>> {
    return this.ds.query(`SELECT id, credentials, credentials_key_id FROM integration.integrations WHERE credentials_key_id <> $1`, [currentKeyId]);
  }

  async reseal(id: string, fromKeyId: string, blob: Buffer, keyId: string): Promise<void> {
    await this.ds.query(`UPDATE integration.integrations SET credentials = $3, credentials_key_id = $4 WHERE id = $1 AND credentials_key_id = $2`, [id, fromKeyId, blob, keyId]);
  }
}
