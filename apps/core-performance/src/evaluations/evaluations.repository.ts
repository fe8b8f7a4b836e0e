import { Injectable } from '@nestjs/common';
import { DomainError, ErrorCode, type CallerIdentity, type EvaluationListQuery, type EvaluationSummaryView, type Page } from '@sakip/contracts';
import { uuidv7 } from '@sakip/persistence';
import { DataSource, type EntityManager } from 'typeorm';
import type { OpdAccess } from '../access/opd-access';
import { sameFileSet } from '../achievements/achievement-events';
import { writeAudit, writeAuditMany } from '../audit/core-audit';
import { mapConstraintErrors } from '@sakip/persistence';
import { queryPage } from '../database/sql-page';
import { claimEvaluation } from './evaluation-claim';
import { enqueueEvidenceLinks, enqueuePublished } from './evaluation-events';
import {
  EVALUATION_COLUMNS,
  RECOMMENDATION_COLUMNS,
  toSummaryView,
  type ComponentRow,
  type CriterionRow,
  type EvaluationRow,
  type EvaluationSheet,
  type RecommendationRow,
  type SubComponentRow,
} from './evaluation-rows';
import { assertEvidenceWithinLimit, type CheckedAnswer, type CriterionRef } from './lke-answers';
import { scoreEvaluation } from './lke-scoring';
import { parseTemplate, type LkeTemplate } from './lke-template';
import { whereEquals } from '../database/sql-filters';

const SORTABLE = { year: 'year', score: 'score', createdAt: 'created_at', updatedAt: 'updated_at' };

@Injectable()
export class EvaluationsRepository {
  constructor(private readonly ds: DataSource) {}

  async findById(id: string): Promise<EvaluationRow | null> {
    const [row] = await this.ds.query(`SELECT ${EVALUATION_COLUMNS} FROM core.evaluations WHERE id = $1`, [id]);
    return row ?? null;
  }

  async opdExists(id: string): Promise<boolean> {
    return (await this.ds.query(`SELECT 1 FROM core.opds WHERE id = $1`, [id])).length === 1;
  }

  /** The latest version of a template, checked (a malformed one throws: 500, nothing copied). */
  async latestTemplate(code: string): Promise<LkeTemplate | null> {
    const [row]: Array<{ code: string; version: number; content: unknown }> = await this.ds.query(
      `SELECT code, version, content FROM core.lke_templates WHERE code = $1 ORDER BY version DESC LIMIT 1`,
      [code],
    );
    return row ? parseTemplate(row.code, row.version, row.content) : null;
  }

  criteriaOf(evaluationId: string): Promise<CriterionRef[]> {
    return this.ds.query(`SELECT id, code, answer_type, evidence_file_ids FROM core.evaluation_criteria WHERE evaluation_id = $1`, [evaluationId]);
  }

  /**
   * The evaluation and its copied sheet, in template order; null when gone. Read in one snapshot
   * (the caller's transaction, or a REPEATABLE READ one), so the sheet matches the version shown.
   */
  sheetOf(id: string, tx?: EntityManager): Promise<EvaluationSheet | null> {
    if (!tx) return this.ds.transaction('REPEATABLE READ', (snapshot) => this.sheetOf(id, snapshot));
    return readSheet(tx, id);
  }

  /** Lists; `publishedOnly` for admin_opd and viewer (DOMAIN.md "Roles": they read published evaluations). */
  query(q: EvaluationListQuery, access: OpdAccess, publishedOnly: boolean): Promise<Page<EvaluationSummaryView>> {
    const params: unknown[] = [];
    let where = access.sql('opd_id', params, q.opdId);
    where += whereEquals(params, [['year', q.year], ['status', q.status]]);
    if (publishedOnly) where += ` AND status = 'published'`;
    return queryPage<EvaluationRow, EvaluationSummaryView>(this.ds, {
      sql: `SELECT ${EVALUATION_COLUMNS} FROM core.evaluations WHERE true${where}`,
      params,
      q,
      sortable: SORTABLE,
      defaultSort: '-year',
      tieBreaker: 'id',
      map: toSummaryView,
    });
  }

  /**
   * A draft evaluation holding its own copy of the template (components, sub-components, criteria),
   * set-based, with its audit row. 409 when the OPD already has one for the year.
   */
  create(opdId: string, year: number, template: LkeTemplate, caller: CallerIdentity): Promise<EvaluationRow> {
    const id = uuidv7();
    const components = template.components.map((c) => ({ ...c, id: uuidv7() }));
    const subs = components.flatMap((c) => c.subComponents.map((s) => ({ ...s, id: uuidv7(), componentId: c.id })));
    const criteria = subs.flatMap((s) => s.criteria.map((k) => ({ ...k, subId: s.id })));
    return mapConstraintErrors(
      () =>
        this.ds.transaction(async (tx) => {
          const [row]: EvaluationRow[] = await tx.query(
            `INSERT INTO core.evaluations (id, opd_id, year, template_code, template_version, status, created_by)
             VALUES ($1, $2, $3, $4, $5, 'draft', $6) RETURNING ${EVALUATION_COLUMNS}`,
            [id, opdId, year, template.code, template.version, caller.actor],
          );
          await tx.query(
            `INSERT INTO core.evaluation_components (id, evaluation_id, code, name, weight, sort_order)
             SELECT c.id, $1, c.code, c.name, c.weight, c.ord FROM unnest($2::uuid[], $3::text[], $4::text[], $5::numeric[]) WITH ORDINALITY AS c(id, code, name, weight, ord)`,
            [id, components.map((c) => c.id), components.map((c) => c.code), components.map((c) => c.name), components.map((c) => c.weight)],
          );
          await tx.query(
            `INSERT INTO core.evaluation_sub_components (id, evaluation_id, component_id, code, kind, name, share, weight, sort_order)
             SELECT s.id, $1, s.component_id, s.code, s.kind, s.name, s.share, s.weight, s.ord
               FROM unnest($2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::text[], $7::numeric[], $8::numeric[]) WITH ORDINALITY AS s(id, component_id, code, kind, name, share, weight, ord)`,
            [id, subs.map((s) => s.id), subs.map((s) => s.componentId), subs.map((s) => s.code), subs.map((s) => s.kind), subs.map((s) => s.name), subs.map((s) => s.share), subs.map((s) => s.weight)],
          );
          await tx.query(
            `INSERT INTO core.evaluation_criteria (id, evaluation_id, sub_component_id, code, question, answer_type, sort_order)
             SELECT k.id, $1, k.sub_component_id, k.code, k.question, k.answer_type, k.ord
               FROM unnest($2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::text[]) WITH ORDINALITY AS k(id, sub_component_id, code, question, answer_type, ord)`,
            [id, criteria.map(() => uuidv7()), criteria.map((k) => k.subId), criteria.map((k) => k.code), criteria.map((k) => k.question), criteria.map((k) => k.answerType)],
          );
          await writeAudit(tx, {
            actor: caller.actor,
            ip: caller.ip,
            operation: 'insert',
            table: 'evaluations',
            rowId: id,
            newValues: { opdId, year, status: row.status, templateCode: template.code, templateVersion: template.version, criteria: criteria.length },
          });
          return row;
        }),
      { unique: 'An evaluation for this OPD and year already exists', referenced: 'The OPD no longer exists' },
    );
  }

  /** Deletes a draft and its sheet (the audit log keeps the record); its evidence is released. */
  delete(id: string, expectedVersion: number | undefined, caller: CallerIdentity): Promise<void> {
    return this.ds.transaction(async (tx) => {
      const row = await claimEvaluation(tx, id, ['draft'], expectedVersion, 'delete');
      const evidence = await evidenceOf(tx, id);
      for (const table of ['evaluation_recommendations', 'evaluation_criteria', 'evaluation_sub_components', 'evaluation_components']) {
        await tx.query(`DELETE FROM core.${table} WHERE evaluation_id = $1`, [id]);
      }
      await tx.query(`DELETE FROM core.evaluations WHERE id = $1`, [id]);
      await writeAudit(tx, {
        actor: caller.actor,
        ip: caller.ip,
        operation: 'delete',
        table: 'evaluations',
        rowId: id,
        oldValues: { opdId: row.opd_id, year: row.year, status: 'draft', templateCode: row.template_code, templateVersion: row.template_version },
      });
      if (evidence.length) await enqueueEvidenceLinks(tx, row, []);
    });
  }

  /**
   * Upserts answers of a draft in one statement: answer, answered_by/at always; note and evidence
   * only when sent. One audit row per criterion; `evt.core.file_links.changed.v1` with the
   * evaluation's complete evidence set when that set changed. Returns the sheet after the write.
   */
  saveAnswers(id: string, answers: readonly CheckedAnswer[], expectedVersion: number | undefined, caller: CallerIdentity): Promise<EvaluationSheet> {
    return this.ds.transaction(async (tx) => {
      const row = await claimEvaluation(tx, id, ['draft'], expectedVersion, 'answering');
      const evidenceBefore = await evidenceOf(tx, id);
      const ids = answers.map((a) => a.criterionId);
      const before: CriterionRow[] = await tx.query(`SELECT id, answer, note, evidence_file_ids FROM core.evaluation_criteria WHERE evaluation_id = $1 AND id = ANY($2::uuid[])`, [id, ids]);
      const doc = answers.map((a) => ({
        id: a.criterionId,
        answer: a.answer,
        note_set: a.note !== undefined,
        note: a.note ?? null,
        evidence: a.evidenceFileIds ?? null,
      }));
      const [updated]: [CriterionRow[], number] = await tx.query(
        `UPDATE core.evaluation_criteria c
            SET answer = u.answer,
                note = CASE WHEN u.note_set THEN u.note ELSE c.note END,
                evidence_file_ids = CASE WHEN u.evidence IS NULL THEN c.evidence_file_ids ELSE ARRAY(SELECT jsonb_array_elements_text(u.evidence)::uuid) END,
                answered_by = $3, answered_at = now()
           FROM jsonb_to_recordset($2::jsonb) AS u(id uuid, answer text, note_set boolean, note text, evidence jsonb)
          WHERE c.evaluation_id = $1 AND c.id = u.id
          RETURNING c.id, c.answer, c.note, c.evidence_file_ids`,
        [id, JSON.stringify(doc), caller.actor],
      );
      // The criteria of an evaluation never change after creation and were checked before the transaction.
      if (updated.length !== answers.length) throw new Error(`evaluation ${id}: ${answers.length} answers matched ${updated.length} criteria`);
      const old = new Map(before.map((c) => [c.id, c]));
      await writeAuditMany(
        tx,
        updated.map((c) => ({
          actor: caller.actor,
          ip: caller.ip,
          operation: 'answer',
          table: 'evaluation_criteria',
          rowId: c.id,
          oldValues: criterionAudit(old.get(c.id)),
          newValues: { evaluationId: id, ...criterionAudit(c) },
        })),
      );
      const evidenceAfter = await evidenceOf(tx, id);
      // Checked before the transaction too; a concurrent batch may have added files since (rolls back: nothing written).
      assertEvidenceWithinLimit(evidenceAfter.length);
      if (!sameFileSet(evidenceBefore, evidenceAfter)) await enqueueEvidenceLinks(tx, row, evidenceAfter);
      const sheet = await readSheet(tx, row.id);
      if (!sheet) throw new Error(`evaluation ${id} vanished inside its own transaction`);
      return sheet;
    });
  }

  /**
   * draft → final: refused (409) while any criterion is unanswered; otherwise scores the sheet
   * (lke-scoring) and stores score and grade with the status, in one conditional update.
   */
  finalize(id: string, expectedVersion: number | undefined, caller: CallerIdentity): Promise<EvaluationRow> {
    return this.ds.transaction(async (tx) => {
      await claimEvaluation(tx, id, ['draft'], expectedVersion, 'finalize');
      const rows: Array<{ sub_component_id: string; weight: string; code: string; answer: CriterionRow['answer'] }> = await tx.query(
        `SELECT k.sub_component_id, s.weight, k.code, k.answer
           FROM core.evaluation_criteria k JOIN core.evaluation_sub_components s ON s.id = k.sub_component_id
          WHERE k.evaluation_id = $1 ORDER BY k.sort_order`,
        [id],
      );
      const unanswered = rows.filter((r) => r.answer === null);
      if (unanswered.length) {
        throw new DomainError(ErrorCode.InvalidState, `${unanswered.length} of ${rows.length} criteria are unanswered; answer every criterion before finalizing`, [
          { field: 'answers', message: `unanswered: ${unanswered.map((r) => r.code).join(', ')}` },
        ]);
      }
      const subs = new Map<string, { weight: string; answers: Array<CriterionRow['answer']> }>();
      for (const r of rows) {
        const sub = subs.get(r.sub_component_id) ?? { weight: r.weight, answers: [] };
        sub.answers.push(r.answer);
        subs.set(r.sub_component_id, sub);
      }
      const result = scoreEvaluation([...subs.values()]);
      const [[row]]: [EvaluationRow[], number] = await tx.query(
        `UPDATE core.evaluations SET status = 'final', score = $2, grade = $3, finalized_by = $4, finalized_at = now()
          WHERE id = $1 AND status = 'draft' RETURNING ${EVALUATION_COLUMNS}`,
        [id, result.score, result.grade, caller.actor],
      );
      await writeAudit(tx, {
        actor: caller.actor,
        ip: caller.ip,
        operation: 'finalize',
        table: 'evaluations',
        rowId: id,
        oldValues: { status: 'draft' },
        newValues: { status: row.status, score: row.score, grade: row.grade },
      });
      return row;
    });
  }

  /** final → published, with `evt.core.evaluation.published.v1` in the same transaction. */
  publish(id: string, expectedVersion: number | undefined, caller: CallerIdentity): Promise<EvaluationRow> {
    return this.ds.transaction(async (tx) => {
      await claimEvaluation(tx, id, ['final'], expectedVersion, 'publish');
      const [[row]]: [EvaluationRow[], number] = await tx.query(
        `UPDATE core.evaluations SET status = 'published', published_by = $2, published_at = now()
          WHERE id = $1 AND status = 'final' RETURNING ${EVALUATION_COLUMNS}`,
        [id, caller.actor],
      );
      await writeAudit(tx, { actor: caller.actor, ip: caller.ip, operation: 'publish', table: 'evaluations', rowId: id, oldValues: { status: 'final' }, newValues: { status: row.status } });
      await enqueuePublished(tx, row);
      return row;
    });
  }
}

async function readSheet(tx: EntityManager, id: string): Promise<EvaluationSheet | null> {
  const [evaluation]: EvaluationRow[] = await tx.query(`SELECT ${EVALUATION_COLUMNS} FROM core.evaluations WHERE id = $1`, [id]);
  if (!evaluation) return null;
  const components: ComponentRow[] = await tx.query(`SELECT id, code, name, weight FROM core.evaluation_components WHERE evaluation_id = $1 ORDER BY sort_order`, [id]);
  const subComponents: SubComponentRow[] = await tx.query(
    `SELECT id, component_id, code, kind, name, share, weight FROM core.evaluation_sub_components WHERE evaluation_id = $1 ORDER BY sort_order`,
    [id],
  );
  const criteria: CriterionRow[] = await tx.query(
    `SELECT id, sub_component_id, code, question, answer_type, answer, note, evidence_file_ids, answered_by, answered_at
       FROM core.evaluation_criteria WHERE evaluation_id = $1 ORDER BY sort_order`,
    [id],
  );
  const recommendations: RecommendationRow[] = await tx.query(`SELECT ${RECOMMENDATION_COLUMNS} FROM core.evaluation_recommendations WHERE evaluation_id = $1 ORDER BY created_at, id`, [id]);
  return { evaluation, components, subComponents, criteria, recommendations };
}

/** Every evidence file of the evaluation, once each, sorted (the complete set of file_links). */
async function evidenceOf(tx: EntityManager, evaluationId: string): Promise<string[]> {
  const rows: Array<{ file_id: string }> = await tx.query(
    `SELECT DISTINCT f.file_id FROM core.evaluation_criteria k, unnest(k.evidence_file_ids) AS f(file_id) WHERE k.evaluation_id = $1 ORDER BY f.file_id`,
    [evaluationId],
  );
  return rows.map((r) => r.file_id);
}

function criterionAudit(c: Pick<CriterionRow, 'answer' | 'note' | 'evidence_file_ids'> | undefined): Record<string, unknown> | null {
  return c ? { answer: c.answer, note: c.note, evidenceFileIds: c.evidence_file_ids } : null;
}
