import { Role, type CallerIdentity } from '@sakip/contracts';
import type { EvaluationRow, EvaluationSheet } from '../evaluation-rows';
import type { EvaluationsRepository } from '../evaluations.repository';
import type { RecommendationsRepository } from '../recommendations.repository';
import type { FileReferences } from '../../files/file-references';
import { AnswerEvaluation } from './answer-evaluation.use-case';
import { ManageEvaluations } from './manage-evaluations.use-case';
import { ReadEvaluations } from './read-evaluations.use-case';
import { Recommendations } from './recommendations.use-case';
import { TransitionEvaluation } from './transition-evaluation.use-case';

const OPD_A = '00000000-0000-4000-8000-00000000000a';
const OPD_B = '00000000-0000-4000-8000-00000000000b';
const ID = '00000000-0000-4000-8000-000000000001';
const CRITERION = '00000000-0000-4000-8000-000000000002';
const who = (role: Role, opdId: string | null = null, scopes?: string[]): CallerIdentity => ({ sub: 'u', role, opdId, actor: 'user:u', ...(scopes ? { scopes } : {}) });
const codeOf = (p: Promise<unknown>) => p.then(() => 'OK', (e: { code?: string }) => e.code);

function fakes(row: Partial<EvaluationRow> | null) {
  const calls: string[] = [];
  const evaluation = row && ({ id: ID, opd_id: OPD_A, year: 2026, status: 'draft', score: null, grade: null, created_at: new Date(), updated_at: new Date(), ...row } as EvaluationRow);
  const sheet = (): EvaluationSheet | null => evaluation && { evaluation, components: [], subComponents: [], criteria: [], recommendations: [] };
  const evaluations = {
    findById: async () => (calls.push('findById'), evaluation),
    sheetOf: async () => (calls.push('sheetOf'), sheet()),
    criteriaOf: async () => (calls.push('criteriaOf'), [{ id: CRITERION, code: '1.a.1', answer_type: 'yes_no', evidence_file_ids: [] }]),
    saveAnswers: async () => (calls.push('saveAnswers'), sheet()),
    opdExists: async () => (calls.push('opdExists'), true),
    finalize: async () => calls.push('finalize'),
    publish: async () => calls.push('publish'),
  } as unknown as EvaluationsRepository;
  const recommendations = {
    componentExists: async () => (calls.push('componentExists'), false),
    followUp: async () => (calls.push('followUp'), { id: ID, follow_up_status: 'done', created_at: new Date(), updated_at: new Date(), follow_up_at: new Date() }),
  } as unknown as RecommendationsRepository;
  return { evaluations, recommendations, calls };
}

/** File checks are the file service's (covered in the integration suite); here every id passes. */
const noFiles = { assertVisible: async () => undefined } as unknown as FileReferences;

describe('evaluation use-cases', () => {
  it('refuses roles before any lookup (separation of duties, keys never manage)', async () => {
    const { evaluations, recommendations, calls } = fakes({});
    const answer = new AnswerEvaluation(evaluations, noFiles);
    const body = { id: ID, answers: [{ criterionId: CRITERION, answer: 'Y' as const }] };
    expect(await codeOf(answer.execute(who(Role.SuperAdmin), body))).toBe('FORBIDDEN');
    expect(await codeOf(answer.execute(who(Role.AdminOpd, OPD_A), body))).toBe('FORBIDDEN');
    expect(await codeOf(answer.execute(who(Role.Evaluator, null, ['evaluations:read']), body))).toBe('FORBIDDEN');
    expect(await codeOf(new ManageEvaluations(evaluations).create(who(Role.AdminOpd, OPD_A), { opdId: OPD_A, year: 2026 }))).toBe('FORBIDDEN');
    expect(await codeOf(new TransitionEvaluation(evaluations).publish(who(Role.Evaluator), { id: ID }))).toBe('FORBIDDEN');
    expect(await codeOf(new TransitionEvaluation(evaluations).finalize(who(Role.SuperAdmin), { id: ID }))).toBe('FORBIDDEN');
    const recs = new Recommendations(evaluations, recommendations);
    expect(await codeOf(recs.followUp(who(Role.Evaluator), { id: ID, recommendationId: ID, text: 'x', status: 'done' }))).toBe('FORBIDDEN');
    expect(await codeOf(recs.followUp(who(Role.Viewer, OPD_A), { id: ID, recommendationId: ID, text: 'x', status: 'done' }))).toBe('FORBIDDEN');
    expect(await codeOf(recs.create(who(Role.SuperAdmin), { id: ID, componentId: ID, text: 'x' }))).toBe('FORBIDDEN');
    expect(await codeOf(new ReadEvaluations(evaluations).get(null, ID))).toBe('UNAUTHENTICATED');
    expect(calls).toEqual([]);
  });

  it('hides drafts and finals from admin_opd and viewer, and other OPDs entirely', async () => {
    for (const status of ['draft', 'final'] as const) {
      const { evaluations } = fakes({ status });
      expect(await codeOf(new ReadEvaluations(evaluations).get(who(Role.AdminOpd, OPD_A), ID))).toBe('NOT_FOUND');
      expect(await codeOf(new ReadEvaluations(evaluations).get(who(Role.Viewer, OPD_A), ID))).toBe('NOT_FOUND');
      expect(await codeOf(new ReadEvaluations(evaluations).get(who(Role.Evaluator), ID))).toBe('OK');
      expect(await codeOf(new ReadEvaluations(evaluations).get(who(Role.SuperAdmin), ID))).toBe('OK');
    }
    const published = fakes({ status: 'published' });
    expect(await codeOf(new ReadEvaluations(published.evaluations).get(who(Role.AdminOpd, OPD_A), ID))).toBe('OK');
    expect(await codeOf(new ReadEvaluations(published.evaluations).get(who(Role.Viewer), ID))).toBe('OK');
    expect(await codeOf(new ReadEvaluations(published.evaluations).get(who(Role.AdminOpd, OPD_B), ID))).toBe('NOT_FOUND');
    const recs = new Recommendations(published.evaluations, published.recommendations);
    expect(await codeOf(recs.followUp(who(Role.AdminOpd, OPD_B), { id: ID, recommendationId: ID, text: 'x', status: 'done' }))).toBe('NOT_FOUND');
    expect(await codeOf(recs.followUp(who(Role.AdminOpd, OPD_A), { id: ID, recommendationId: ID, text: 'x', status: 'done' }))).toBe('OK');
  });

  it('answers: 409 once finalized (before judging the body), 400 for a wrong answer type, nothing saved', async () => {
    const final = fakes({ status: 'final' });
    const late = new AnswerEvaluation(final.evaluations, noFiles).execute(who(Role.Evaluator), { id: ID, answers: [{ criterionId: CRITERION, answer: 'A' }] });
    expect(await codeOf(late)).toBe('INVALID_STATE');
    const draft = fakes({});
    expect(await codeOf(new AnswerEvaluation(draft.evaluations, noFiles).execute(who(Role.Evaluator), { id: ID, answers: [{ criterionId: CRITERION, answer: 'A' }] }))).toBe('VALIDATION_FAILED');
    expect(draft.calls).toEqual(['findById', 'criteriaOf']);
    expect(await codeOf(new AnswerEvaluation(draft.evaluations, noFiles).execute(who(Role.Evaluator), { id: ID, answers: [{ criterionId: CRITERION, answer: 'Y' }] }))).toBe('OK');
  });

  it('recommendations: a component of another evaluation is 400; after finalize 409', async () => {
    const draft = fakes({});
    expect(await codeOf(new Recommendations(draft.evaluations, draft.recommendations).create(who(Role.Evaluator), { id: ID, componentId: ID, text: 'x' }))).toBe('VALIDATION_FAILED');
    const final = fakes({ status: 'final' });
    expect(await codeOf(new Recommendations(final.evaluations, final.recommendations).create(who(Role.Evaluator), { id: ID, componentId: ID, text: 'x' }))).toBe('INVALID_STATE');
    expect(final.calls).toEqual(['findById']);
  });

  it('is 404 for an unknown id', async () => {
    const { evaluations } = fakes(null);
    expect(await codeOf(new TransitionEvaluation(evaluations).finalize(who(Role.Evaluator), { id: ID }))).toBe('NOT_FOUND');
    expect(await codeOf(new ReadEvaluations(evaluations).get(who(Role.Evaluator), ID))).toBe('NOT_FOUND');
  });
});
