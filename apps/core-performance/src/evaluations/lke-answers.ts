import { MAX_EVIDENCE_PER_EVALUATION, validationFailed, type EvaluationAnswerItem, type ErrorDetail, type LkeAnswer, type LkeAnswerType } from '@sakip/contracts';
import { ANSWERS_OF, isAnswerValid } from './lke-scoring';

/** What answer validation needs to know about a criterion of the evaluation. */
export interface CriterionRef {
  id: string;
  code: string;
  answer_type: LkeAnswerType;
  /** Its stored evidence (ids lower-case): the evaluation-wide limit counts what the batch keeps. */
  evidence_file_ids: readonly string[];
}

/** One answer after validation, ids lower-cased as PostgreSQL returns them. */
export interface CheckedAnswer {
  criterionId: string;
  answer: LkeAnswer;
  /** undefined = keep the stored note. */
  note?: string | null;
  /** undefined = keep the stored set. */
  evidenceFileIds?: string[];
}

/**
 * Checks a batch of answers against the evaluation's criteria, all of it before anything is
 * written: an unknown criterion, a criterion named twice, or an answer its type does not take
 * (Y/T for yes_no, A–E for a_to_e) → 400 naming each offending item.
 */
export function checkAnswers(items: readonly EvaluationAnswerItem[], criteria: ReadonlyMap<string, CriterionRef>): CheckedAnswer[] {
  const errors: ErrorDetail[] = [];
  const seen = new Set<string>();
  const out: CheckedAnswer[] = [];
  items.forEach((item, i) => {
    const id = item.criterionId.toLowerCase();
    const criterion = criteria.get(id);
    if (!criterion) {
      errors.push({ field: `answers.${i}.criterionId`, message: `${item.criterionId} is not a criterion of this evaluation` });
      return;
    }
    if (seen.has(id)) errors.push({ field: `answers.${i}.criterionId`, message: `criterion ${criterion.code} is answered more than once` });
    seen.add(id);
    if (!isAnswerValid(criterion.answer_type, item.answer)) {
      errors.push({
        field: `answers.${i}.answer`,
        message: `criterion ${criterion.code} is ${criterion.answer_type}: answer ${ANSWERS_OF[criterion.answer_type].join(', ')} (got ${String(item.answer)})`,
      });
    }
    out.push({
      criterionId: id,
      answer: item.answer,
      ...(item.note !== undefined ? { note: item.note } : {}),
      ...(item.evidenceFileIds !== undefined ? { evidenceFileIds: [...new Set(item.evidenceFileIds.map((f) => f.toLowerCase()))] } : {}),
    });
  });
  if (errors.length) throw validationFailed('Some answers do not fit the evaluation', errors);
  assertEvidenceWithinLimit(evidenceAfter(out, criteria).size);
  return out;
}

/** The evaluation's distinct evidence once the batch is saved: sent sets replace, the others stay. */
function evidenceAfter(answers: readonly CheckedAnswer[], criteria: ReadonlyMap<string, CriterionRef>): Set<string> {
  const sent = new Map(answers.filter((a) => a.evidenceFileIds !== undefined).map((a) => [a.criterionId, a.evidenceFileIds as string[]]));
  const files = new Set<string>();
  for (const c of criteria.values()) for (const f of sent.get(c.id) ?? c.evidence_file_ids) files.add(f.toLowerCase());
  return files;
}

/**
 * The evaluation's evidence travels as ONE complete set in its file-links event, which holds at
 * most MAX_EVIDENCE_PER_EVALUATION ids: more is a 400 here, never an outbox failure (500).
 */
export function assertEvidenceWithinLimit(distinctFiles: number): void {
  if (distinctFiles <= MAX_EVIDENCE_PER_EVALUATION) return;
  throw validationFailed(`An evaluation holds at most ${MAX_EVIDENCE_PER_EVALUATION} distinct evidence files`, [
    { field: 'answers', message: `would give the evaluation ${distinctFiles} distinct evidence files; the limit is ${MAX_EVIDENCE_PER_EVALUATION}` },
  ]);
}
