import type {
  EvaluationComponentView,
  EvaluationStatus,
  EvaluationSummaryView,
  EvaluationView,
  FollowUpStatus,
  LkeAnswer,
  LkeAnswerType,
  LkeGrade,
  LkeSubComponentKind,
  RecommendationView,
} from '@sakip/contracts';
import type Decimal from 'decimal.js';
import { toApiNumber } from '../capaian/category';
import { GRADE_LABELS, subComponentValue, weightedScore } from './lke-scoring';
import { isoOrNull } from '../database/row-values';

/** Rows as pg returns them (numeric as string). */
export interface EvaluationRow {
  id: string;
  opd_id: string;
  year: number;
  template_code: string;
  template_version: number;
  status: EvaluationStatus;
  score: string | null;
  grade: LkeGrade | null;
  created_by: string;
  finalized_by: string | null;
  finalized_at: Date | null;
  published_by: string | null;
  published_at: Date | null;
  created_at: Date;
  updated_at: Date;
  version: number;
}

export const EVALUATION_COLUMNS =
  'id, opd_id, year, template_code, template_version, status, score, grade, created_by, finalized_by, finalized_at, published_by, published_at, created_at, updated_at, version';

export interface ComponentRow {
  id: string;
  code: string;
  name: string;
  weight: string;
}

export interface SubComponentRow {
  id: string;
  component_id: string;
  code: string;
  kind: LkeSubComponentKind;
  name: string;
  share: string;
  weight: string;
}

export interface CriterionRow {
  id: string;
  sub_component_id: string;
  code: string;
  question: string;
  answer_type: LkeAnswerType;
  answer: LkeAnswer | null;
  note: string | null;
  evidence_file_ids: string[];
  answered_by: string | null;
  answered_at: Date | null;
}

export interface RecommendationRow {
  id: string;
  evaluation_id: string;
  component_id: string;
  text: string;
  created_by: string;
  created_at: Date;
  follow_up_text: string | null;
  follow_up_status: FollowUpStatus;
  follow_up_by: string | null;
  follow_up_at: Date | null;
  updated_at: Date;
  version: number;
}

export const RECOMMENDATION_COLUMNS =
  'id, evaluation_id, component_id, text, created_by, created_at, follow_up_text, follow_up_status, follow_up_by, follow_up_at, updated_at, version';

/** An evaluation with its copied sheet, each list in template order. */
export interface EvaluationSheet {
  evaluation: EvaluationRow;
  components: ComponentRow[];
  subComponents: SubComponentRow[];
  criteria: CriterionRow[];
  recommendations: RecommendationRow[];
}

const num = (x: Decimal | null) => toApiNumber(x);

export function toSummaryView(r: EvaluationRow): EvaluationSummaryView {
  return {
    id: r.id,
    opdId: r.opd_id,
    year: r.year,
    templateCode: r.template_code,
    templateVersion: r.template_version,
    status: r.status,
    // numeric(5,2) text → JSON number: exact to 2 decimals, like capaian (API.md "Conventions").
    score: r.score === null ? null : Number(r.score),
    grade: r.grade,
    gradeLabel: r.grade ? GRADE_LABELS[r.grade] : null,
    createdBy: r.created_by,
    finalizedBy: r.finalized_by,
    finalizedAt: isoOrNull(r.finalized_at),
    publishedBy: r.published_by,
    publishedAt: isoOrNull(r.published_at),
    version: r.version,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
  };
}

export function toRecommendationView(r: RecommendationRow): RecommendationView {
  return {
    id: r.id,
    evaluationId: r.evaluation_id,
    componentId: r.component_id,
    text: r.text,
    createdBy: r.created_by,
    followUpText: r.follow_up_text,
    followUpStatus: r.follow_up_status,
    followUpBy: r.follow_up_by,
    followUpAt: isoOrNull(r.follow_up_at),
    version: r.version,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
  };
}

function groupBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

/**
 * The full sheet with values computed live from the answers (a draft shows its progress: means of
 * the answered criteria). `score` and `grade` are the ones stored at finalize, null while draft.
 */
export function toEvaluationView(sheet: EvaluationSheet): EvaluationView {
  const criteriaOf = groupBy(sheet.criteria, (c) => c.sub_component_id);
  const subsOf = groupBy(sheet.subComponents, (s) => s.component_id);
  const components = sheet.components.map((c): EvaluationComponentView => {
    const subs = (subsOf.get(c.id) ?? []).map((s) => ({ row: s, criteria: criteriaOf.get(s.id) ?? [] }));
    const answersOf = (criteria: CriterionRow[]) => criteria.map((k) => k.answer);
    const subViews = subs.map(({ row, criteria }) => {
      const answers = answersOf(criteria);
      return {
        id: row.id,
        code: row.code,
        kind: row.kind,
        name: row.name,
        share: Number(row.share),
        weight: Number(row.weight),
        answered: answers.filter((a) => a !== null).length,
        total: criteria.length,
        value: num(subComponentValue(answers)),
        score: num(weightedScore([{ weight: row.weight, answers }])),
        criteria: criteria.map((k) => ({
          id: k.id,
          code: k.code,
          question: k.question,
          answerType: k.answer_type,
          answer: k.answer,
          note: k.note,
          evidenceFileIds: k.evidence_file_ids,
          answeredBy: k.answered_by,
          answeredAt: isoOrNull(k.answered_at),
        })),
      };
    });
    return {
      id: c.id,
      code: c.code,
      name: c.name,
      weight: Number(c.weight),
      answered: subViews.reduce((n, s) => n + s.answered, 0),
      total: subViews.reduce((n, s) => n + s.total, 0),
      score: num(weightedScore(subs.map(({ row, criteria }) => ({ weight: row.weight, answers: answersOf(criteria) })))),
      subComponents: subViews,
    };
  });
  return { ...toSummaryView(sheet.evaluation), components, recommendations: sheet.recommendations.map(toRecommendationView) };
}
