import { Injectable } from '@nestjs/common';
import { assertVersion, conflict, CORE_EVENTS, type ChangeKind, type OpdListQuery, type OpdView, type Page } from '@sakip/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { writeAudit, type AuditInput } from '../audit/core-audit';
import { isUniqueViolation, mapConstraintErrors } from '@sakip/persistence';
import { queryPage } from '../database/sql-page';
import { coreOutbox } from '../events/core-outbox';
import { changedOpdFields, opdChangedEvent, pickOpdFields, toOpdView, type Opd, type OpdPatch } from './opd';

interface OpdRow {
  id: string;
  code: string;
  name: string;
  short_name: string | null;
  head_name: string | null;
  head_position: string | null;
  head_rank: string | null;
  head_nip: string | null;
  is_active: boolean;
  version: number;
  created_at: Date;
  updated_at: Date;
}

const COLUMNS = 'id, code, name, short_name, head_name, head_position, head_rank, head_nip, is_active, version, created_at, updated_at';

/** Patch field → column: the only names that reach SQL. */
const COLUMN_OF: Record<keyof OpdPatch, string> = {
  code: 'code',
  name: 'name',
  shortName: 'short_name',
  headName: 'head_name',
  headPosition: 'head_position',
  headRank: 'head_rank',
  headNip: 'head_nip',
  isActive: 'is_active',
};

const SORTABLE = { code: 'code', name: 'name', createdAt: 'created_at' };

function fromRow(r: OpdRow): Opd {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    shortName: r.short_name,
    headName: r.head_name,
    headPosition: r.head_position,
    headRank: r.head_rank,
    headNip: r.head_nip,
    isActive: r.is_active,
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** The only unique key besides the id is lower(code): a violation is a duplicate code (409 naming the field). */
async function uniqueCode<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (isUniqueViolation(err)) throw conflict('An OPD with this code already exists', [{ field: 'code', message: 'already in use (codes are case-insensitive)' }]);
    throw err;
  }
}

export type ChangedBy = Pick<AuditInput, 'actor' | 'ip'>;

/**
 * core.opds. Every change commits with its audit row and its `evt.core.opd.changed.v1` (auth,
 * reports and integration follow OPDs through it), under a row lock.
 */
@Injectable()
export class OpdsRepository {
  constructor(private readonly ds: DataSource) {}

  async findById(id: string, db: DataSource | EntityManager = this.ds): Promise<Opd | null> {
    const [row] = await db.query<OpdRow[]>(`SELECT ${COLUMNS} FROM core.opds WHERE id = $1`, [id]);
    return row ? fromRow(row) : null;
  }

  /** `onlyOpdId`: the bound caller's own OPD (lists are limited to it); null = every OPD. */
  query(q: OpdListQuery, onlyOpdId: string | null): Promise<Page<OpdView>> {
    const params: unknown[] = [];
    let where = 'true';
    const add = (cond: (n: number) => string, value: unknown) => {
      params.push(value);
      where += ` AND ${cond(params.length)}`;
    };
    if (onlyOpdId) add((n) => `id = $${n}`, onlyOpdId);
    if (q.code !== undefined) add((n) => `lower(code) = lower($${n})`, q.code);
    if (q.isActive !== undefined) add((n) => `is_active = $${n}`, q.isActive);
    if (q.q !== undefined) add((n) => `(name ILIKE $${n} ESCAPE '\\' OR short_name ILIKE $${n} ESCAPE '\\')`, likePattern(q.q));
    return queryPage(this.ds, {
      sql: `SELECT ${COLUMNS} FROM core.opds WHERE ${where}`,
      params,
      q,
      sortable: SORTABLE,
      defaultSort: 'code',
      tieBreaker: 'id',
      map: (r: OpdRow) => toOpdView(fromRow(r)),
    });
  }

  async create(opd: Opd, by: ChangedBy): Promise<Opd> {
    return uniqueCode(() =>
      this.ds.transaction(async (tx) => {
        const [row] = await tx.query<OpdRow[]>(
          `INSERT INTO core.opds (id, code, name, short_name, head_name, head_position, head_rank, head_nip, is_active, version, created_at, updated_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 1, now(), now()) RETURNING ${COLUMNS}`,
          [opd.id, opd.code, opd.name, opd.shortName, opd.headName, opd.headPosition, opd.headRank, opd.headNip, opd.isActive],
        );
        const created = fromRow(row);
        await writeAudit(tx, { ...by, operation: 'insert', table: 'opds', rowId: created.id, newValues: { ...toOpdView(created) } });
        await this.emit(tx, created, 'created');
        return created;
      }),
    );
  }

  /**
   * Applies the fields of `patch` that differ, bumping the version, in one transaction with the
   * audit row and the event. Returns null when the OPD is gone, and `changed: false` (nothing
   * written, no event) when every given value is already in place.
   */
  async update(id: string, patch: OpdPatch, by: ChangedBy, expectedVersion?: number): Promise<{ opd: Opd; changed: boolean } | null> {
    return uniqueCode(() =>
      this.ds.transaction(async (tx) => {
        const before = await this.lock(tx, id);
        if (!before) return null;
        assertVersion(expectedVersion, before.version);
        const fields = changedOpdFields(before, patch);
        if (!fields.length) return { opd: before, changed: false };
        const params: unknown[] = [id];
        const sets = fields.map((f) => {
          params.push(patch[f]);
          return `${COLUMN_OF[f]} = $${params.length}`;
        });
        const [[row]] = await tx.query<[OpdRow[], number]>(
          `UPDATE core.opds SET ${sets.join(', ')}, version = version + 1, updated_at = now() WHERE id = $1 RETURNING ${COLUMNS}`,
          params,
        );
        const after = fromRow(row);
        await writeAudit(tx, { ...by, operation: 'update', table: 'opds', rowId: id, oldValues: pickOpdFields(before, fields), newValues: pickOpdFields(after, fields) });
        await this.emit(tx, after, 'updated');
        return { opd: after, changed: true };
      }),
    );
  }

  /**
   * Deletes an OPD nothing refers to: plans, indicators, achievements… refuse it through their
   * foreign keys (409), and so do active users core knows of (auth's accounts are not ours to
   * orphan). Returns false when the OPD is gone; a stale `expectedVersion` is 412.
   */
  async delete(id: string, by: ChangedBy, expectedVersion?: number): Promise<boolean> {
    return mapConstraintErrors(
      () =>
        this.ds.transaction(async (tx) => {
          const before = await this.lock(tx, id);
          if (!before) return false;
          assertVersion(expectedVersion, before.version);
          const [user] = await tx.query<unknown[]>(`SELECT 1 FROM core.user_directory WHERE opd_id = $1 AND is_active LIMIT 1`, [id]);
          if (user) throw conflict('Active users still belong to this OPD; move or deactivate them first');
          await tx.query(`DELETE FROM core.opds WHERE id = $1`, [id]);
          await writeAudit(tx, { ...by, operation: 'delete', table: 'opds', rowId: id, oldValues: { ...toOpdView(before) } });
          // The deletion is one more version, so followers applying "newer wins" take it.
          await this.emit(tx, { ...before, version: before.version + 1 }, 'deleted');
          return true;
        }),
      { referenced: 'Other records (plans, indicators, achievements…) refer to this OPD; remove them first' },
    );
  }

  /** Keyset page in id order for `core.opd.list.v1`: OPDs after `afterId` (null = from the start). */
  async pageById(afterId: string | null, limit: number): Promise<Opd[]> {
    const rows = await this.ds.query<OpdRow[]>(`SELECT ${COLUMNS} FROM core.opds WHERE ($1::uuid IS NULL OR id > $1::uuid) ORDER BY id LIMIT $2`, [afterId, limit]);
    return rows.map(fromRow);
  }

  private async lock(tx: EntityManager, id: string): Promise<Opd | null> {
    const [row] = await tx.query<OpdRow[]>(`SELECT ${COLUMNS} FROM core.opds WHERE id = $1 FOR UPDATE`, [id]);
    return row ? fromRow(row) : null;
  }

  private async emit(tx: EntityManager, opd: Opd, change: ChangeKind): Promise<void> {
    await coreOutbox.enqueue(tx, CORE_EVENTS.opdChanged, opdChangedEvent(opd, change));
  }
}
