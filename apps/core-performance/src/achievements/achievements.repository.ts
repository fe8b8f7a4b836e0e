import { Injectable } from '@nestjs/common';
import { assertVersion, DomainError, ErrorCode, notFound, type AchievementListQuery, type AchievementStatus, type AchievementView, type CallerIdentity, type Page } from '@sakip/contracts';
import { uuidv7 } from '@sakip/persistence';
import { DataSource, type EntityManager } from 'typeorm';
import type { OpdAccess } from '../access/opd-access';
import { writeAudit } from '../audit/core-audit';
import { mapConstraintErrors } from '@sakip/persistence';
import { queryPage } from '../database/sql-page';
import { ALL_PERIODS, type Frequency, type Period } from '../periods/period-calendar';
import { assertPeriodOpen } from '../periods/period-guard';
import { enqueueFileLinks, enqueueTransition, sameFileSet } from './achievement-events';
import { ACHIEVEMENT_COLUMNS, toAchievementView, type AchievementHistoryRow, type AchievementRow } from './achievement-row';
import { DELETABLE_STATUSES, EDITABLE_STATUSES, type Transition } from './achievement-workflow';
import { whereEquals } from '../database/sql-filters';

/** What create needs to know about the indicator. */
export interface IndicatorForAchievement {
  id: string;
  opd_id: string | null;
  frequency: Frequency;
  period_start: number;
  period_end: number;
}

export interface NewAchievement {
  indicatorId: string;
  opdId: string | null;
  year: number;
  period: Period;
  realization: string;
  notes: string | null;
  documentIds: string[];
}

export interface AchievementPatch {
  realization?: string;
  notes?: string | null;
  documentIds?: string[];
}

const SORTABLE = { createdAt: 'created_at', updatedAt: 'updated_at', period: 'period_key', status: 'status' };

/** Calendar order inside a year (ALL_PERIODS), so `sort=period` reads Y, S1, S2, Q1… per year. */
const PERIOD_KEY = `a.year * 100 + array_position(ARRAY[${ALL_PERIODS.map((p) => `'${p}'`).join(', ')}]::text[], a.period) AS period_key`;

const A = (col: string) => `a.${col}`;
const RETURNING = ACHIEVEMENT_COLUMNS.split(', ').map(A).join(', ');

@Injectable()
export class AchievementsRepository {
  constructor(private readonly ds: DataSource) {}

  async findById(id: string): Promise<AchievementRow | null> {
    const [row] = await this.ds.query(`SELECT ${ACHIEVEMENT_COLUMNS} FROM core.achievements WHERE id = $1`, [id]);
    return row ?? null;
  }

  async findIndicator(id: string, db: DataSource | EntityManager = this.ds, lock: '' | 'FOR SHARE' = ''): Promise<IndicatorForAchievement | null> {
    const [row] = await db.query(
      `SELECT i.id, i.opd_id, i.frequency, sp.period_start, sp.period_end
         FROM core.indicators i JOIN core.strategic_plans sp ON sp.id = i.strategic_plan_id
        WHERE i.id = $1 ${lock}`,
      [id],
    );
    return row ?? null;
  }

  history(id: string): Promise<AchievementHistoryRow[]> {
    // uuidv7 ids break ties between rows of the same instant in insertion order.
    return this.ds.query(
      `SELECT id, from_status, to_status, actor, note, occurred_at FROM core.achievement_history WHERE achievement_id = $1 ORDER BY occurred_at, id`,
      [id],
    );
  }

  query(q: AchievementListQuery, access: OpdAccess): Promise<Page<AchievementView>> {
    const params: unknown[] = [];
    let where = access.sql('a.opd_id', params, q.opdId);
    where += whereEquals(params, [['a.indicator_id', q.indicatorId], ['a.year', q.year], ['a.period', q.period], ['a.status', q.status]]);
    return queryPage<AchievementRow, AchievementView>(this.ds, {
      sql: `SELECT ${RETURNING}, ${PERIOD_KEY} FROM core.achievements a WHERE true${where}`,
      params,
      q,
      sortable: SORTABLE,
      defaultSort: '-createdAt',
      tieBreaker: 'id',
      map: toAchievementView,
    });
  }

  /**
   * Inserts a draft with its creation history row (null → draft), audit row and file links. 409 on
   * a duplicate period. The indicator (and its plan) is re-read FOR SHARE first and handed to
   * `check`, which throws to refuse: an indicator or plan update (FOR UPDATE) either committed
   * before and is checked here, or waits for this insert and then sees it among the dependants.
   */
  create(input: NewAchievement, caller: CallerIdentity, check: (indicator: IndicatorForAchievement) => void): Promise<AchievementRow> {
    return mapConstraintErrors(
      () =>
        this.ds.transaction(async (tx) => {
          await assertPeriodOpen(tx, input.year, input.period);
          const indicator = await this.findIndicator(input.indicatorId, tx, 'FOR SHARE');
          if (!indicator) throw notFound('Indicator');
          check(indicator);
          const [row]: AchievementRow[] = await tx.query(
            `INSERT INTO core.achievements (id, indicator_id, opd_id, year, period, realization, status, notes, document_ids, input_by)
             VALUES ($1, $2, $3, $4, $5, $6, 'draft', $7, $8::uuid[], $9) RETURNING ${ACHIEVEMENT_COLUMNS}`,
            [uuidv7(), input.indicatorId, input.opdId, input.year, input.period, input.realization, input.notes, input.documentIds, caller.actor],
          );
          await this.addHistory(tx, row.id, null, 'draft', caller.actor, null);
          await writeAudit(tx, { actor: caller.actor, ip: caller.ip, operation: 'insert', table: 'achievements', rowId: row.id, newValues: auditValues(row) });
          if (row.document_ids.length) await enqueueFileLinks(tx, row, row.document_ids);
          return row;
        }),
      { unique: `An achievement for this indicator, year and period already exists`, referenced: 'The indicator no longer exists' },
    );
  }

  /** Changes realization/notes/documents of a draft or revision (else 409); If-Match → 412. */
  update(current: AchievementRow, patch: AchievementPatch, expectedVersion: number | undefined, caller: CallerIdentity): Promise<AchievementRow> {
    return this.ds.transaction(async (tx) => {
      await assertPeriodOpen(tx, current.year, current.period as Period);
      const sets: string[] = [];
      const params: unknown[] = [current.id, EDITABLE_STATUSES, expectedVersion ?? null];
      if (patch.realization !== undefined) sets.push(`realization = $${params.push(patch.realization)}`);
      if (patch.notes !== undefined) sets.push(`notes = $${params.push(patch.notes)}`);
      if (patch.documentIds !== undefined) sets.push(`document_ids = $${params.push(patch.documentIds)}::uuid[]`);
      const { before, after } = await this.conditionalUpdate(tx, sets.join(', '), params, 'edit');
      const changed = Object.keys(patch) as Array<keyof AchievementPatch>;
      await writeAudit(tx, {
        actor: caller.actor,
        ip: caller.ip,
        operation: 'update',
        table: 'achievements',
        rowId: after.id,
        oldValues: pickAudit(before, changed),
        newValues: pickAudit(after, changed),
      });
      if (patch.documentIds !== undefined && !sameFileSet(before.document_ids, after.document_ids)) await enqueueFileLinks(tx, after, after.document_ids);
      return after;
    });
  }

  /** Deletes a draft (with its history rows; the audit log keeps the record). */
  delete(current: AchievementRow, expectedVersion: number | undefined, caller: CallerIdentity): Promise<void> {
    return this.ds.transaction(async (tx) => {
      await assertPeriodOpen(tx, current.year, current.period as Period);
      const [row]: AchievementRow[] = await tx.query(`SELECT ${ACHIEVEMENT_COLUMNS} FROM core.achievements WHERE id = $1 FOR UPDATE`, [current.id]);
      if (!row) throw notFound('Achievement');
      assertVersion(expectedVersion, row.version);
      if (!DELETABLE_STATUSES.includes(row.status)) throw wrongState(row.status, 'delete', DELETABLE_STATUSES);
      await tx.query(`DELETE FROM core.achievement_history WHERE achievement_id = $1`, [row.id]);
      await tx.query(`DELETE FROM core.achievements WHERE id = $1`, [row.id]);
      await writeAudit(tx, { actor: caller.actor, ip: caller.ip, operation: 'delete', table: 'achievements', rowId: row.id, oldValues: auditValues(row) });
      if (row.document_ids.length) await enqueueFileLinks(tx, row, []);
    });
  }

  /**
   * One workflow step as a conditional UPDATE … WHERE status IN (from): of two concurrent callers
   * exactly one matches, the other gets 409. History row, audit row and event share its transaction.
   */
  transition(current: AchievementRow, name: string, t: Transition, note: string | null, expectedVersion: number | undefined, caller: CallerIdentity): Promise<AchievementRow> {
    return this.ds.transaction(async (tx) => {
      await assertPeriodOpen(tx, current.year, current.period as Period);
      const params: unknown[] = [current.id, t.from, expectedVersion ?? null, t.to];
      const sets = [`status = $4`];
      if (t.to === 'submitted') sets.push('submitted_at = now()', 'first_submitted_at = coalesce(a.first_submitted_at, now())');
      if (t.to === 'verified') sets.push(`verified_by = $${params.push(caller.actor)}`, 'verified_at = now()');
      const { before, after } = await this.conditionalUpdate(tx, sets.join(', '), params, name);
      await this.addHistory(tx, after.id, before.status, t.to, caller.actor, note);
      await writeAudit(tx, {
        actor: caller.actor,
        ip: caller.ip,
        operation: name,
        table: 'achievements',
        rowId: after.id,
        oldValues: { status: before.status },
        newValues: { status: after.status, ...(note !== null ? { note } : {}) },
      });
      await enqueueTransition(tx, t, after, before.status, caller.actor, note);
      return after;
    });
  }

  /**
   * `UPDATE … SET <sets> WHERE id = $1 AND status = ANY($2) AND version = $3 (when given)`, with
   * the row as it was. The row is locked first, so a concurrent change is waited for and then seen.
   * No match → 404 (gone), 412 (If-Match), or 409 INVALID_STATE (wrong status).
   */
  private async conditionalUpdate(tx: EntityManager, sets: string, params: unknown[], action: string): Promise<{ before: AchievementRow; after: AchievementRow }> {
    const [rows]: [Array<AchievementRow & { before: AchievementRow }>, number] = await tx.query(
      `WITH old AS (SELECT * FROM core.achievements WHERE id = $1 FOR UPDATE)
       UPDATE core.achievements a SET ${sets}, updated_at = now(), version = a.version + 1
         FROM old
        WHERE a.id = old.id AND old.status = ANY($2::text[]) AND ($3::int IS NULL OR old.version = $3::int)
       RETURNING ${RETURNING},
         json_build_object('status', old.status, 'realization', old.realization::text, 'notes', old.notes, 'document_ids', old.document_ids) AS before`,
      params,
    );
    if (rows.length === 1) {
      const { before, ...after } = rows[0];
      return { before: { ...after, ...before }, after };
    }
    const [now]: AchievementRow[] = await tx.query(`SELECT status, version FROM core.achievements WHERE id = $1`, [params[0]]);
    if (!now) throw notFound('Achievement');
    assertVersion((params[2] as number | null) ?? undefined, now.version);
    throw wrongState(now.status, action, params[1] as AchievementStatus[]);
  }

  private async addHistory(tx: EntityManager, achievementId: string, from: AchievementStatus | null, to: AchievementStatus, actor: string, note: string | null): Promise<void> {
    await tx.query(
      `INSERT INTO core.achievement_history (id, achievement_id, from_status, to_status, actor, note, occurred_at) VALUES ($1, $2, $3, $4, $5, $6, clock_timestamp())`,
      [uuidv7(), achievementId, from, to, actor, note],
    );
  }
}

function wrongState(status: AchievementStatus, action: string, allowed: readonly AchievementStatus[]): DomainError {
  return new DomainError(ErrorCode.InvalidState, `The achievement is ${status}; ${action} needs it ${allowed.join(' or ')}`, [
    { field: 'status', message: `is ${status}, expected ${allowed.join(' or ')}` },
  ]);
}

function auditValues(r: AchievementRow): Record<string, unknown> {
  return {
    indicatorId: r.indicator_id,
    opdId: r.opd_id,
    year: r.year,
    period: r.period,
    realization: r.realization,
    status: r.status,
    notes: r.notes,
    documentIds: r.document_ids,
  };
}

const AUDIT_FIELD: Record<keyof AchievementPatch, keyof AchievementRow> = { realization: 'realization', notes: 'notes', documentIds: 'document_ids' };

function pickAudit(r: AchievementRow, fields: Array<keyof AchievementPatch>): Record<string, unknown> {
  return Object.fromEntries(fields.map((f) => [f, r[AUDIT_FIELD[f]]]));
}
