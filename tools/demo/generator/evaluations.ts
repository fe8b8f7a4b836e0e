import type { FollowUpStatus, LkeAnswer, LkeGrade } from '@sakip/contracts';
import Decimal from 'decimal.js';
import { scoreEvaluation, weightedScore } from '../../../apps/core-performance/src/evaluations/lke-scoring';
import { LKE_TEMPLATE_CODE, parseTemplate, type LkeTemplate, type TemplateCriterion, type TemplateSubComponent } from '../../../apps/core-performance/src/evaluations/lke-template';
import { lke88TemplateContent } from '../../../apps/core-performance/src/migrations/1733100000100-evaluations';
import { LKE_CRITERION_NOTES, LKE_RECOMMENDATIONS } from '../catalog/lke';
import { EVALUATION_COMPONENTS, EVALUATION_CRITERIA, EVALUATION_RECOMMENDATIONS, EVALUATION_SUB_COMPONENTS, EVALUATIONS, type EvaluationRow } from '../core-tables';
import { DAY, HOUR, iso, officeHour, wib } from '../demo-calendar';
import type { Rng } from '../random';
import type { DemoModule, DemoOpd, DemoWorld } from './world';

/**
 * LKE evaluations (PermenPAN-RB 88/2021) by the Inspektorat: the 2025 evaluations of Dinas
 * Pendidikan and Dinas Kesehatan, answered in full, scored with the service's own
 * `scoreEvaluation`, finalized by an evaluator, published by the super admin, with
 * recommendations whose follow-ups are open, under way or done; and Dinas Kesehatan's 2026
 * evaluation, a draft partly answered. Each evaluation holds its own copy of the `lke-88-2021`
 * template as the service makes it (components, sub-components with weight = share × component
 * weight, criteria in template order). The first OPDs of the catalogue are chosen so that a larger
 * demo still contains the smaller one; with one OPD only its own evaluation exists.
 *
 * Every step has its time and the demo's "now" cuts the story: an evaluation is in the state of
 * its last step before `asOf` (a later step simply has not happened yet).
 */

/** The template as migration 1733100000100 seeds it (version 1), checked by the service's parser. */
export const DEMO_LKE_TEMPLATE: LkeTemplate = parseTemplate(LKE_TEMPLATE_CODE, 1, lke88TemplateContent());

type SubKind = TemplateSubComponent['kind'];

/** How an OPD answers: P(Y) on yes/no criteria and the A–E mix, per sub-component kind. */
interface AnswerProfile {
  yes: Record<SubKind, number>;
  letters: Record<SubKind, ReadonlyArray<readonly [LkeAnswer, number]>>;
}

const PROFILES: Record<'good' | 'fair', AnswerProfile> = {
  good: {
    yes: { keberadaan: 0.97, kualitas: 0.9, pemanfaatan: 0.85 },
    letters: {
      keberadaan: [['A', 60], ['B', 35], ['C', 5]],
      kualitas: [['A', 45], ['B', 40], ['C', 12], ['D', 3]],
      pemanfaatan: [['A', 35], ['B', 45], ['C', 15], ['D', 5]],
    },
  },
  fair: {
    yes: { keberadaan: 0.92, kualitas: 0.75, pemanfaatan: 0.7 },
    letters: {
      keberadaan: [['A', 40], ['B', 45], ['C', 15]],
      kualitas: [['A', 25], ['B', 50], ['C', 20], ['D', 5]],
      pemanfaatan: [['A', 15], ['B', 50], ['C', 28], ['D', 7]],
    },
  },
};

type FollowUpPlan = readonly FollowUpStatus[];

interface EvaluationPlan {
  key: string;
  /** `short` of the OPD in the catalogue. */
  opd: string;
  year: number;
  profile: AnswerProfile;
  /** The grade the answers are drawn for and the score aimed at inside it (published ones); the draft has none. */
  grade: LkeGrade | null;
  aim?: string;
  createdAt: number;
  /** Sub-component codes answered per batch (a PUT of answers each); null = one batch per component, all of it. */
  batches: ReadonlyArray<readonly string[]> | null;
  /** Follow-up state of each recommendation (published evaluations). */
  followUps: FollowUpPlan;
  evaluator: number;
}

const PLANS: readonly EvaluationPlan[] = [
  { key: 'disdik-2025', opd: 'Disdik', year: 2025, profile: PROFILES.fair, grade: 'BB', aim: '75.50', createdAt: wib(2026, 2, 23, 9), batches: null, followUps: ['done', 'in_progress', 'open'], evaluator: 0 },
  { key: 'dinkes-2025', opd: 'Dinkes', year: 2025, profile: PROFILES.good, grade: 'A', aim: '84.50', createdAt: wib(2026, 3, 2, 9), batches: null, followUps: ['done', 'done', 'in_progress', 'open'], evaluator: 1 },
  {
    key: 'dinkes-2026',
    opd: 'Dinkes',
    year: 2026,
    profile: PROFILES.good,
    grade: null,
    createdAt: wib(2026, 11, 2, 9),
    // Desk evaluation of what already exists: the planning documents first, then the other keberadaan.
    batches: [
      ['1.a', '1.b'],
      ['2.a', '3.a', '4.a'],
    ],
    followUps: [],
    evaluator: 1,
  },
];

export const evaluationsModule: DemoModule = {
  name: 'evaluations',
  generate(world) {
    // Registered parents first: the loader inserts tables in the order they were first used.
    for (const table of [EVALUATIONS, EVALUATION_COMPONENTS, EVALUATION_SUB_COMPONENTS, EVALUATION_CRITERIA, EVALUATION_RECOMMENDATIONS]) world.data.rows<object>(table);
    for (const plan of PLANS) {
      const opd = world.opds.find((o) => o.profile.short === plan.opd);
      if (opd) generateEvaluation(world, plan, opd);
    }
  },
};

interface Answered {
  criterion: TemplateCriterion;
  sub: TemplateSubComponent;
  answer: LkeAnswer;
}

function generateEvaluation(world: DemoWorld, plan: EvaluationPlan, opd: DemoOpd): void {
  const { asOf } = world.options;
  const rng = world.rng.fork(`evaluation:${plan.key}`);
  const template = DEMO_LKE_TEMPLATE;
  const evaluator = world.actors.evaluators[plan.evaluator % world.actors.evaluators.length];
  if (plan.createdAt > asOf) return;

  // The answers: of a few sheets drawn (attempt k from its own stream), the one the service's scoring puts in the planned grade, nearest the aim.
  const answers = plan.grade === null ? drawAnswers(rng.fork('answers'), template, plan.profile) : answersForGrade(rng, template, plan.profile, plan.grade, plan.aim ?? '0');
  const batches = plan.batches ?? template.components.map((c) => c.subComponents.map((s) => s.code));

  // The story, step by step; each step that happened (before "now") bumps the evaluation's version.
  let t = plan.createdAt;
  const next = (days: number) => (t = officeHour(t + days * DAY, rng.next()));
  const batchAt = batches.map(() => next(rng.int(2, 5)));
  const answeredAt = new Map<string, number>();
  batches.forEach((codes, i) => codes.forEach((code) => answeredAt.set(code, batchAt[i])));
  const complete = plan.batches === null;
  const recommendations = complete ? pickRecommendations(rng, template, answers, plan.followUps.length) : [];
  const recommendedAt = recommendations.map(() => next(rng.int(1, 2)));
  const finalizedAt = complete ? next(rng.int(3, 6)) : null;
  const publishedAt = complete ? next(rng.int(7, 12)) : null;
  const happened = (at: number | null): at is number => at !== null && at <= asOf - HOUR;

  const id = world.ids.id(`evaluation:${plan.key}`, plan.createdAt);
  const stepTimes: number[] = [...batchAt, ...recommendedAt, ...(finalizedAt === null ? [] : [finalizedAt]), ...(publishedAt === null ? [] : [publishedAt])].filter(happened);
  const finalized = happened(finalizedAt);
  const published = finalized && happened(publishedAt);

  // The copied sheet, in template order (sort_order counts through the whole evaluation, as the service's WITH ORDINALITY does).
  const componentIds = new Map<string, string>();
  const notes = rng.fork('notes');
  let subOrder = 0;
  let criterionOrder = 0;
  template.components.forEach((c, ci) => {
    const componentId = world.ids.id(`evaluation:${plan.key}:component:${c.code}`, plan.createdAt);
    componentIds.set(c.code, componentId);
    world.data.rows(EVALUATION_COMPONENTS).push({ id: componentId, evaluation_id: id, code: c.code, name: c.name, weight: c.weight, sort_order: ci + 1 });
    for (const s of c.subComponents) {
      const subId = world.ids.id(`evaluation:${plan.key}:sub:${s.code}`, plan.createdAt);
      world.data.rows(EVALUATION_SUB_COMPONENTS).push({ id: subId, evaluation_id: id, component_id: componentId, code: s.code, kind: s.kind, name: s.name, share: s.share, weight: s.weight, sort_order: ++subOrder });
      for (const k of s.criteria) {
        const at = answeredAt.get(s.code);
        const a = at !== undefined && happened(at) ? (answers.get(k.code) as Answered) : null;
        world.data.rows(EVALUATION_CRITERIA).push({
          id: world.ids.id(`evaluation:${plan.key}:criterion:${k.code}`, plan.createdAt),
          evaluation_id: id,
          sub_component_id: subId,
          code: k.code,
          question: k.question,
          answer_type: k.answerType,
          sort_order: ++criterionOrder,
          answer: a?.answer ?? null,
          note: a && notes.chance(0.3) ? noteFor(notes, a.answer) : null,
          answered_by: a ? evaluator : null,
          answered_at: a ? iso(at as number) : null,
        });
      }
    }
  });

  // The score as finalize computes it: the service's own function over the stored answers.
  const result = finalized ? scoreEvaluation(subAnswers(template, answers)) : null;
  if (result && plan.grade !== null && result.grade !== plan.grade) throw new Error(`demo evaluation ${plan.key}: graded ${result.grade}, planned ${plan.grade}`);

  // Recommendations (written while draft) and, once published, the OPD's follow-ups.
  const operators = opd.operators;
  recommendations.forEach((r, i) => {
    const createdAt = recommendedAt[i];
    if (!happened(createdAt)) return;
    const steps = published ? followUpSteps(rng.fork(`follow-up:${i}`), plan.followUps[i], publishedAt as number, asOf).filter(happened) : [];
    // A `done` follow-up went through `in_progress` first (two reports); one report so far is `in_progress`.
    const status: FollowUpStatus = steps.length === 0 ? 'open' : steps.length === 2 ? 'done' : 'in_progress';
    const last = steps[steps.length - 1];
    stepTimes.push(...steps);
    world.data.rows(EVALUATION_RECOMMENDATIONS).push({
      id: world.ids.id(`evaluation:${plan.key}:recommendation:${i}`, createdAt),
      evaluation_id: id,
      component_id: componentIds.get(r.component) as string,
      text: r.text.text,
      created_by: evaluator,
      created_at: iso(createdAt),
      follow_up_text: last === undefined ? null : status === 'done' ? r.text.done : r.text.inProgress,
      follow_up_status: status,
      follow_up_by: last === undefined ? null : operators[i % operators.length],
      follow_up_at: last === undefined ? null : iso(last),
      updated_at: iso(last ?? createdAt),
      version: 1 + steps.length,
    });
  });

  const row: EvaluationRow = {
    id,
    opd_id: opd.id,
    year: plan.year,
    template_code: template.code,
    template_version: template.version,
    status: published ? 'published' : finalized ? 'final' : 'draft',
    score: result?.score ?? null,
    grade: result?.grade ?? null,
    created_by: evaluator,
    finalized_by: finalized ? evaluator : null,
    finalized_at: finalized ? iso(finalizedAt as number) : null,
    published_by: published ? world.actors.superAdmin : null,
    published_at: published ? iso(publishedAt as number) : null,
    created_at: iso(plan.createdAt),
    updated_at: iso(Math.max(plan.createdAt, ...stepTimes)),
    // create = 1; every answer batch, recommendation, finalize, publish and follow-up claims the row once.
    version: 1 + stepTimes.length,
  };
  world.data.rows(EVALUATIONS).push(row);
}

function drawAnswers(rng: Rng, template: LkeTemplate, profile: AnswerProfile): Map<string, Answered> {
  const out = new Map<string, Answered>();
  for (const c of template.components) {
    for (const sub of c.subComponents) {
      for (const criterion of sub.criteria) {
        const answer: LkeAnswer = criterion.answerType === 'yes_no' ? (rng.chance(profile.yes[sub.kind]) ? 'Y' : 'T') : rng.weighted(profile.letters[sub.kind]);
        out.set(criterion.code, { criterion, sub, answer });
      }
    }
  }
  return out;
}

const ATTEMPTS = 60;

function answersForGrade(rng: Rng, template: LkeTemplate, profile: AnswerProfile, grade: LkeGrade, aim: string): Map<string, Answered> {
  let best: { answers: Map<string, Answered>; distance: Decimal } | null = null;
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const answers = drawAnswers(rng.fork(`answers:${attempt}`), template, profile);
    const result = scoreEvaluation(subAnswers(template, answers));
    const distance = new Decimal(result.score).minus(aim).abs();
    if (result.grade === grade && (best === null || distance.lt(best.distance))) best = { answers, distance };
  }
  if (!best) throw new Error(`demo evaluations: no answer sheet of this profile grades ${grade}`);
  return best.answers;
}

function subAnswers(template: LkeTemplate, answers: ReadonlyMap<string, Answered>) {
  return template.components.flatMap((c) => c.subComponents.map((s) => ({ weight: s.weight, answers: s.criteria.map((k) => answers.get(k.code)?.answer ?? null) })));
}

/** Recommendations on the weakest components first (their score against their weight), one text each. */
function pickRecommendations(rng: Rng, template: LkeTemplate, answers: ReadonlyMap<string, Answered>, count: number) {
  const ranked = template.components
    .map((c) => {
      const score = weightedScore(c.subComponents.map((s) => ({ weight: s.weight, answers: s.criteria.map((k) => answers.get(k.code)?.answer ?? null) })));
      return { code: c.code, ratio: score === null ? 0 : score.div(c.weight).toNumber() };
    })
    .sort((a, b) => a.ratio - b.ratio || a.code.localeCompare(b.code));
  const used = new Set<string>();
  const out: Array<{ component: string; text: (typeof LKE_RECOMMENDATIONS)[string][number] }> = [];
  for (let i = 0; out.length < count && i < count * 4; i++) {
    const component = ranked[i % ranked.length].code;
    const options = (LKE_RECOMMENDATIONS[component] ?? []).filter((r) => !used.has(r.text));
    if (!options.length) continue;
    const text = rng.pick(options);
    used.add(text.text);
    out.push({ component, text });
  }
  return out;
}

/** When the OPD reported progress on a recommendation: `in_progress` once, `done` after an in-progress report. */
function followUpSteps(rng: Rng, planned: FollowUpStatus, publishedAt: number, asOf: number): number[] {
  if (planned === 'open') return [];
  const started = officeHour(publishedAt + rng.int(20, 60) * DAY, rng.next());
  if (planned === 'in_progress') return [started];
  const limit = asOf - 2 * DAY;
  const finished = officeHour(Math.min(started + rng.int(40, 100) * DAY, Math.max(started + DAY, limit)), rng.next());
  return [started, finished];
}

function noteFor(rng: Rng, answer: LkeAnswer): string {
  const points = answer === 'Y' || answer === 'A' ? 'high' : answer === 'B' || answer === 'C' ? 'mid' : 'low';
  return rng.pick(LKE_CRITERION_NOTES[points]);
}
