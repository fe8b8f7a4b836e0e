import { validationFailed, type EvaluationAnswerItem, type ErrorDetail, type LkeAnswer, type LkeAnswerType } from '@sakip/contracts';
import { ANSWERS_OF, isAnswerValid } from './lke-scoring';

/** What answer validation needs to know about a criterion of the evaluation. */
export interface CriterionRef {
  id: string;
  code: string;
  answer_type: LkeAnswerType;
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
  return out;
}
