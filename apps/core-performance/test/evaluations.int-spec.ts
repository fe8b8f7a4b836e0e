import { CORE_EVENTS, CORE_SUBJECTS, Role, type CallerIdentity, type EvaluationSummaryView, type EvaluationView, type LkeAnswer, type Page, type RecommendationView } from '@sakip/contracts';
import { randomUUID } from 'node:crypto';
import { seedOpd } from './achievement-fixtures';
import { callerAs, errorCodeOf, startCore, type CoreHarness } from './core-harness';

const S = CORE_SUBJECTS;

type Criterion = EvaluationView['components'][number]['subComponents'][number]['criteria'][number];
const criteriaOf = (e: EvaluationView): Criterion[] => e.components.flatMap((c) => c.subComponents.flatMap((s) => s.criteria));
const best = (k: Criterion): LkeAnswer => (k.answerType === 'yes_no' ? 'Y' : 'A');
const worst = (k: Criterion): LkeAnswer => (k.answerType === 'yes_no' ? 'T' : 'E');

describe('evaluations (integration)', () => {
  let core: CoreHarness;
  let opdA: string;
  let opdB: string;
  const evaluator = callerAs(Role.Evaluator);
  const superAdmin = callerAs(Role.SuperAdmin);
  let adminA: CallerIdentity;
  let adminB: CallerIdentity;
  let viewerA: CallerIdentity;
  const viewerAll = callerAs(Role.Viewer);

  const rowCount = async (sql: string, params: unknown[] = []) => Number((await core.sql<{ n: string }>(`SELECT count(*) AS n FROM ${sql}`, params))[0].n);
  const errorOf = async (p: Promise<unknown>) => {
    try {
      await p;
    } catch (err) {
      return err as { code: string; message: string; details: Array<{ field?: string; message: string }> };
    }
    throw new Error('expected the call to fail');
  };
  const create = (opdId: string, year: number, who: CallerIdentity = evaluator) => core.call<EvaluationView>(S.evaluationCreate, { opdId, year }, who);
  const get = (id: string, who: CallerIdentity = evaluator) => core.call<EvaluationView>(S.evaluationGet, { id }, who);
  const answer = (id: string, answers: unknown[], who: CallerIdentity = evaluator, expectedVersion?: number) =>
    core.call<EvaluationView>(S.evaluationAnswer, { id, answers, ...(expectedVersion ? { expectedVersion } : {}) }, who);
  const evidenceEvents = (id: string) =>
    core.sql<{ data: { ownerType: string; fileIds: string[]; opdId: string } }>(`SELECT data FROM core.outbox WHERE subject = $1 AND data->>'ownerId' = $2 ORDER BY seq`, [
      CORE_EVENTS.fileLinksChanged,
      id,
    ]);

  beforeAll(async () => {
    core = await startCore();
    opdA = await seedOpd(core, 'EVAL-A');
    opdB = await seedOpd(core, 'EVAL-B');
    adminA = callerAs(Role.AdminOpd, opdA);
    adminB = callerAs(Role.AdminOpd, opdB);
    viewerA = callerAs(Role.Viewer, opdA);
  }, 60_000);
  afterAll(() => core?.close());

  it('seeds the lke-88-2021 template by migration', async () => {
    const [t] = await core.sql(`SELECT code, version, jsonb_array_length(content->'components') AS n FROM core.lke_templates`);
    expect(t).toEqual({ code: 'lke-88-2021', version: 1, n: 4 });
  });

  describe('the whole lifecycle of one OPD-year', () => {
    let id: string;
    let evaluation: EvaluationView;
    const file1 = randomUUID();
    const file2 = randomUUID();
    const file3 = randomUUID();

    it('creates a draft copying the template (evaluator only; one per OPD and year)', async () => {
      expect(await errorCodeOf(create(opdA, 2026, adminA))).toBe('FORBIDDEN');
      expect(await errorCodeOf(create(opdA, 2026, superAdmin))).toBe('FORBIDDEN');
      evaluation = await create(opdA, 2026);
      id = evaluation.id;
      expect(evaluation).toMatchObject({ opdId: opdA, year: 2026, status: 'draft', templateCode: 'lke-88-2021', templateVersion: 1, score: null, grade: null, gradeLabel: null, version: 1, recommendations: [] });
      expect(evaluation.components.map((c) => [c.code, c.name, c.weight, c.score])).toEqual([
        ['1', 'Perencanaan Kinerja', 30, null],
        ['2', 'Pengukuran Kinerja', 30, null],
        ['3', 'Pelaporan Kinerja', 15, null],
        ['4', 'Evaluasi Akuntabilitas Kinerja Internal', 25, null],
      ]);
      expect(evaluation.components[0].subComponents.map((s) => [s.kind, s.share, s.weight, s.value])).toEqual([
        ['keberadaan', 20, 6, null],
        ['kualitas', 30, 9, null],
        ['pemanfaatan', 50, 15, null],
      ]);
      const criteria = criteriaOf(evaluation);
      expect(criteria.length).toBeGreaterThan(30);
      expect(criteria[0]).toEqual({ id: expect.any(String), code: '1.a.1', question: expect.any(String), answerType: 'yes_no', answer: null, note: null, evidenceFileIds: [], answeredBy: null, answeredAt: null });
      expect(new Set(criteria.map((k) => k.answerType))).toEqual(new Set(['yes_no', 'a_to_e']));
      expect(await rowCount(`core.audit_log WHERE table_name = 'evaluations' AND row_id = $1 AND operation = 'insert'`, [id])).toBe(1);

      expect(await errorCodeOf(create(opdA, 2026))).toBe('CONFLICT');
      expect(await errorCodeOf(create(randomUUID(), 2026))).toBe('NOT_FOUND');
    });

    it('refuses bad input with 400 and writes nothing', async () => {
      const audits = await rowCount('core.audit_log');
      const evaluations = await rowCount('core.evaluations');
      expect(await errorCodeOf(core.call(S.evaluationCreate, { opdId: opdB, year: 1999 }, evaluator))).toBe('VALIDATION_FAILED');
      expect(await errorCodeOf(core.call(S.evaluationCreate, { opdId: opdB, year: 2026, status: 'final' }, evaluator))).toBe('VALIDATION_FAILED');
      const [yesNo, aToE] = [criteriaOf(evaluation).find((k) => k.answerType === 'yes_no')!, criteriaOf(evaluation).find((k) => k.answerType === 'a_to_e')!];
      // A valid first item does not get written when a later one is wrong.
      const wrongType = await errorOf(answer(id, [{ criterionId: aToE.id, answer: 'B' }, { criterionId: yesNo.id, answer: 'A' }]));
      expect(wrongType.code).toBe('VALIDATION_FAILED');
      expect(wrongType.details).toEqual([{ field: 'answers.1.answer', message: expect.stringContaining(`criterion ${yesNo.code} is yes_no`) }]);
      const unknown = await errorOf(answer(id, [{ criterionId: randomUUID(), answer: 'Y' }]));
      expect(unknown.details).toEqual([{ field: 'answers.0.criterionId', message: expect.stringContaining('is not a criterion of this evaluation') }]);
      expect(await errorCodeOf(answer(id, [{ criterionId: yesNo.id, answer: 'X' }]))).toBe('VALIDATION_FAILED');
      expect(await errorCodeOf(answer(id, []))).toBe('VALIDATION_FAILED');
      expect(await errorCodeOf(answer(id, [{ criterionId: yesNo.id, answer: 'Y', evidenceFileIds: ['not-a-uuid'] }]))).toBe('VALIDATION_FAILED');
      // null evidence means nothing (omit it to keep, [] to clear): 400 naming the field, not a 500.
      const nullEvidence = await errorOf(answer(id, [{ criterionId: yesNo.id, answer: 'Y', evidenceFileIds: null }]));
      expect(nullEvidence.code).toBe('VALIDATION_FAILED');
      expect(nullEvidence.details).toEqual(expect.arrayContaining([expect.objectContaining({ field: expect.stringContaining('evidenceFileIds') })]));
      expect(await errorCodeOf(core.call(S.evaluationRecommend, { id, componentId: randomUUID(), text: 'Perbaiki' }, evaluator))).toBe('VALIDATION_FAILED');
      expect(await errorCodeOf(core.call(S.evaluationRecommend, { id, componentId: evaluation.components[0].id, text: '   ' }, evaluator))).toBe('VALIDATION_FAILED');
      expect(await rowCount('core.audit_log')).toBe(audits);
      expect(await rowCount('core.evaluations')).toBe(evaluations);
      expect(await rowCount(`core.evaluation_criteria WHERE evaluation_id = $1 AND answer IS NOT NULL`, [id])).toBe(0);
      expect((await get(id)).version).toBe(1);
    });

    it('keeps drafts from admin_opd and viewer (404) and answering with evaluators (403)', async () => {
      const k = criteriaOf(evaluation)[0];
      expect(await errorCodeOf(answer(id, [{ criterionId: k.id, answer: 'Y' }], adminA))).toBe('FORBIDDEN');
      expect(await errorCodeOf(answer(id, [{ criterionId: k.id, answer: 'Y' }], superAdmin))).toBe('FORBIDDEN');
      expect(await errorCodeOf(get(id, adminA))).toBe('NOT_FOUND');
      expect(await errorCodeOf(get(id, viewerA))).toBe('NOT_FOUND');
      expect(await errorCodeOf(get(id, viewerAll))).toBe('NOT_FOUND');
      expect((await core.call<Page<EvaluationSummaryView>>(S.evaluationQuery, {}, adminA)).items).toEqual([]);
      expect((await core.call<Page<EvaluationSummaryView>>(S.evaluationQuery, { status: 'draft' }, viewerA)).items).toEqual([]);
      expect((await get(id, superAdmin)).status).toBe('draft');
    });

    it('refuses evidence the file service does not know, naming it, before anything is written', async () => {
      const [k1] = criteriaOf(evaluation);
      const stranger = randomUUID();
      const err = await answer(id, [{ criterionId: k1.id, answer: 'Y', evidenceFileIds: [stranger] }], evaluator, 1).catch((e) => e);
      expect(err.code).toBe('VALIDATION_FAILED');
      expect(err.details).toEqual([{ field: 'answers.evidenceFileIds', message: `no file ${stranger} that you may see` }]);
      expect((await get(id, evaluator)).version).toBe(1);
    });

    it('upserts answers with notes and evidence; evidence changes emit the complete set', async () => {
      [file1, file2, file3].forEach((f) => core.files.add(f));
      const [k1, k2] = criteriaOf(evaluation);
      const first = await answer(id, [{ criterionId: k1.id, answer: 'Y', note: 'Renstra 2025–2029 ditetapkan', evidenceFileIds: [file1, file2] }], evaluator, 1);
      expect(first.version).toBe(2);
      const c1 = criteriaOf(first)[0];
      expect(c1).toMatchObject({ answer: 'Y', note: 'Renstra 2025–2029 ditetapkan', answeredBy: evaluator.actor });
      expect([...c1.evidenceFileIds].sort()).toEqual([file1, file2].sort());
      expect(first.components[0].subComponents[0]).toMatchObject({ answered: 1, value: 100, score: 6 });
      expect(first.components[0]).toMatchObject({ answered: 1, score: 6 });
      expect(first.score).toBeNull();

      // Stale If-Match → 412, nothing written.
      expect(await errorCodeOf(answer(id, [{ criterionId: k2.id, answer: 'T' }], evaluator, 1))).toBe('PRECONDITION_FAILED');

      // A second criterion adds file3 (file2 shared): the event carries the whole evaluation's set.
      const second = await answer(id, [{ criterionId: k2.id, answer: 'T', evidenceFileIds: [file2, file3] }]);
      expect(second.components[0].subComponents[0]).toMatchObject({ answered: 2, value: 50, score: 3 });
      // Re-answering without evidence keeps it and the note: no new file_links event.
      const third = await answer(id, [{ criterionId: k1.id, answer: 'T' }]);
      expect(criteriaOf(third)[0]).toMatchObject({ answer: 'T', note: 'Renstra 2025–2029 ditetapkan' });
      expect(criteriaOf(third)[0].evidenceFileIds).toHaveLength(2);

      const events = await evidenceEvents(id);
      expect(events.map((e) => [e.data.ownerType, e.data.opdId, [...e.data.fileIds].sort()])).toEqual([
        ['evaluation_evidence', opdA, [file1, file2].sort()],
        ['evaluation_evidence', opdA, [file1, file2, file3].sort()],
      ]);
      // Dropping file1 from the first criterion shrinks the set.
      await answer(id, [{ criterionId: k1.id, answer: 'Y', evidenceFileIds: [] }]);
      const after = await evidenceEvents(id);
      expect([...after[2].data.fileIds].sort()).toEqual([file2, file3].sort());
      expect(await rowCount(`core.audit_log WHERE table_name = 'evaluation_criteria' AND operation = 'answer' AND row_id = $1`, [k1.id])).toBe(3);
    });

    it('takes recommendations from the evaluator while draft; follow-up waits for publishing', async () => {
      expect(await errorCodeOf(core.call(S.evaluationRecommend, { id, componentId: evaluation.components[0].id, text: 'x' }, adminA))).toBe('FORBIDDEN');
      const rec = await core.call<RecommendationView>(S.evaluationRecommend, { id, componentId: evaluation.components[0].id, text: '  Selaraskan IKU dengan RPJMD  ' }, evaluator);
      expect(rec).toMatchObject({ evaluationId: id, componentId: evaluation.components[0].id, text: 'Selaraskan IKU dengan RPJMD', createdBy: evaluator.actor, followUpStatus: 'open', followUpText: null, version: 1 });
      const followUp = { id, recommendationId: rec.id, text: 'Sudah diselaraskan', status: 'done' };
      // super_admin sees the draft: 409; for admin_opd an unpublished evaluation does not exist (404, as in get).
      expect(await errorCodeOf(core.call(S.evaluationFollowUp, followUp, superAdmin))).toBe('INVALID_STATE');
      expect(await errorCodeOf(core.call(S.evaluationFollowUp, followUp, adminA))).toBe('NOT_FOUND');
      expect(await errorCodeOf(core.call(S.evaluationFollowUp, followUp, adminB))).toBe('NOT_FOUND');
      expect(await errorCodeOf(core.call(S.evaluationFollowUp, followUp, evaluator))).toBe('FORBIDDEN');
      expect((await get(id)).recommendations).toEqual([rec]);
    });

    it('refuses to finalize while a criterion is unanswered, then scores exactly (90.00 → A)', async () => {
      const refused = await errorOf(core.call(S.evaluationFinalize, { id }, evaluator));
      expect(refused.code).toBe('INVALID_STATE');
      expect(refused.details[0]).toMatchObject({ field: 'answers', message: expect.stringContaining('unanswered: ') });
      expect(await errorCodeOf(core.call(S.evaluationFinalize, { id }, superAdmin))).toBe('FORBIDDEN');

      // Everything best except: Pengukuran keberadaan (6) one T of three (−2), Pelaporan keberadaan (3) all T,
      // Evaluasi internal keberadaan (5) all T: 100 − 2 − 3 − 5 = 90.00, which is A (AA needs > 90).
      const current = await get(id);
      const answers = current.components.flatMap((c) =>
        c.subComponents.flatMap((s) =>
          s.criteria.map((k, i) => {
            const lose = (s.code === '2.a' && i === 0) || s.code === '3.a' || s.code === '4.a';
            return { criterionId: k.id, answer: lose ? worst(k) : best(k) };
          }),
        ),
      );
      const full = await answer(id, answers);
      expect(full.components.map((c) => c.score)).toEqual([30, 28, 12, 20]);
      expect(await errorCodeOf(core.call(S.evaluationFinalize, { id, expectedVersion: full.version - 1 }, evaluator))).toBe('PRECONDITION_FAILED');
      const final = await core.call<EvaluationView>(S.evaluationFinalize, { id, expectedVersion: full.version }, evaluator);
      expect(final).toMatchObject({ status: 'final', score: 90, grade: 'A', gradeLabel: 'Memuaskan', finalizedBy: evaluator.actor, publishedAt: null });
      expect(await core.sql(`SELECT score, grade FROM core.evaluations WHERE id = $1`, [id])).toEqual([{ score: '90.00', grade: 'A' }]);
      expect(await rowCount(`core.audit_log WHERE table_name = 'evaluations' AND row_id = $1 AND operation = 'finalize'`, [id])).toBe(1);
    });

    it('closes the sheet after finalize (409) and keeps it from the OPD until published', async () => {
      const k = criteriaOf(evaluation)[0];
      expect(await errorCodeOf(answer(id, [{ criterionId: k.id, answer: 'T' }]))).toBe('INVALID_STATE');
      expect(await errorCodeOf(answer(id, [{ criterionId: randomUUID(), answer: 'Z' }]))).toBe('VALIDATION_FAILED');
      expect(await errorCodeOf(core.call(S.evaluationRecommend, { id, componentId: evaluation.components[1].id, text: 'Terlambat' }, evaluator))).toBe('INVALID_STATE');
      expect(await errorCodeOf(core.call(S.evaluationFinalize, { id }, evaluator))).toBe('INVALID_STATE');
      expect(await errorCodeOf(core.call(S.evaluationDelete, { id }, evaluator))).toBe('INVALID_STATE');
      expect(await errorCodeOf(get(id, adminA))).toBe('NOT_FOUND');
      const [rec] = (await get(id)).recommendations;
      const followUp = { id, recommendationId: rec.id, text: 'Sudah diselaraskan', status: 'in_progress' };
      expect(await errorCodeOf(core.call(S.evaluationFollowUp, followUp, adminA))).toBe('NOT_FOUND');
      expect(await errorCodeOf(core.call(S.evaluationFollowUp, followUp, superAdmin))).toBe('INVALID_STATE');
    });

    it('publishes (super_admin only) with evt.core.evaluation.published.v1', async () => {
      expect(await errorCodeOf(core.call(S.evaluationPublish, { id }, evaluator))).toBe('FORBIDDEN');
      expect(await errorCodeOf(core.call(S.evaluationPublish, { id }, adminA))).toBe('FORBIDDEN');
      const published = await core.call<EvaluationView>(S.evaluationPublish, { id }, superAdmin);
      expect(published).toMatchObject({ status: 'published', score: 90, grade: 'A', publishedBy: superAdmin.actor });
      expect(await errorCodeOf(core.call(S.evaluationPublish, { id }, superAdmin))).toBe('INVALID_STATE');
      const events = await core.sql(`SELECT data FROM core.outbox WHERE subject = $1 AND data->>'evaluationId' = $2`, [CORE_EVENTS.evaluationPublished, id]);
      expect(events).toEqual([{ data: { evaluationId: id, opdId: opdA, year: 2026, score: '90.00', grade: 'A', publishedAt: published.publishedAt } }]);
    });

    it('shows the published evaluation to its OPD only', async () => {
      expect((await get(id, adminA)).score).toBe(90);
      expect((await get(id, viewerA)).status).toBe('published');
      expect((await get(id, viewerAll)).status).toBe('published');
      expect(await errorCodeOf(get(id, adminB))).toBe('NOT_FOUND');
      expect((await core.call<Page<EvaluationSummaryView>>(S.evaluationQuery, {}, adminA)).items.map((e) => e.id)).toEqual([id]);
      expect((await core.call<Page<EvaluationSummaryView>>(S.evaluationQuery, {}, adminB)).items).toEqual([]);
      expect(await errorCodeOf(core.call(S.evaluationQuery, { opdId: opdA }, adminB))).toBe('NOT_FOUND');
    });

    it('records the OPD follow-up on each recommendation after publishing', async () => {
      const [rec] = (await get(id)).recommendations;
      expect(await errorCodeOf(core.call(S.evaluationFollowUp, { id, recommendationId: rec.id, text: 'x', status: 'done' }, evaluator))).toBe('FORBIDDEN');
      expect(await errorCodeOf(core.call(S.evaluationFollowUp, { id, recommendationId: rec.id, text: 'x', status: 'done' }, adminB))).toBe('NOT_FOUND');
      expect(await errorCodeOf(core.call(S.evaluationFollowUp, { id, recommendationId: randomUUID(), text: 'x', status: 'done' }, adminA))).toBe('NOT_FOUND');
      expect(await errorCodeOf(core.call(S.evaluationFollowUp, { id, recommendationId: rec.id, text: 'x', status: 'finished' }, adminA))).toBe('VALIDATION_FAILED');
      const started = await core.call<RecommendationView>(S.evaluationFollowUp, { id, recommendationId: rec.id, text: 'Reviu IKU dijadwalkan', status: 'in_progress', expectedVersion: 1 }, adminA);
      expect(started).toMatchObject({ followUpText: 'Reviu IKU dijadwalkan', followUpStatus: 'in_progress', followUpBy: adminA.actor, version: 2 });
      expect(await errorCodeOf(core.call(S.evaluationFollowUp, { id, recommendationId: rec.id, text: 'x', status: 'done', expectedVersion: 1 }, adminA))).toBe('PRECONDITION_FAILED');
      const done = await core.call<RecommendationView>(S.evaluationFollowUp, { id, recommendationId: rec.id, text: 'IKU telah direviu', status: 'done', expectedVersion: 2 }, superAdmin);
      expect(done).toMatchObject({ followUpStatus: 'done', followUpBy: superAdmin.actor, version: 3 });
      expect((await get(id, adminA)).recommendations[0]).toEqual(done);
      expect(await rowCount(`core.audit_log WHERE table_name = 'evaluation_recommendations' AND row_id = $1 AND operation = 'follow_up'`, [rec.id])).toBe(2);

      // Done is final (DOMAIN.md "until it is done"): any further follow-up is 409 and changes nothing.
      const evaluationVersion = (await get(id)).version;
      for (const [status, who] of [['done', superAdmin], ['in_progress', adminA], ['open', adminA]] as const) {
        expect(await errorCodeOf(core.call(S.evaluationFollowUp, { id, recommendationId: rec.id, text: 'Dibuka lagi', status, expectedVersion: 3 }, who))).toBe('INVALID_STATE');
      }
      expect(await errorCodeOf(core.call(S.evaluationFollowUp, { id, recommendationId: rec.id, text: 'Dibuka lagi', status: 'open' }, adminA))).toBe('INVALID_STATE');
      const after = await get(id);
      expect(after.version).toBe(evaluationVersion);
      expect(after.recommendations[0]).toEqual(done);
      expect(await rowCount(`core.audit_log WHERE table_name = 'evaluation_recommendations' AND row_id = $1 AND operation = 'follow_up'`, [rec.id])).toBe(2);
    });

    it('a template change does not alter an existing evaluation; new ones copy the latest version', async () => {
      const before = await get(id);
      await core.sql(`UPDATE core.lke_templates SET content = jsonb_set(content, '{components,0,subComponents,0,criteria,0,question}', '"Diubah di versi 1"') WHERE code = 'lke-88-2021'`);
      await core.sql(
        `INSERT INTO core.lke_templates (code, version, name, regulation, content)
         SELECT code, 2, name, regulation, jsonb_set(content, '{components,0,subComponents,0,criteria,0,question}', '"Pertanyaan versi 2"') FROM core.lke_templates WHERE code = 'lke-88-2021' AND version = 1`,
      );
      expect(await get(id)).toEqual(before);
      const next = await create(opdB, 2026);
      expect(next.templateVersion).toBe(2);
      expect(criteriaOf(next)[0].question).toBe('Pertanyaan versi 2');
      expect(criteriaOf(before)[0].question).not.toBe('Pertanyaan versi 2');
    });
  });

  it('scores all-best 100.00 AA and all-worst 0.00 D', async () => {
    const top = await create(opdA, 2024);
    const bottom = await create(opdA, 2023);
    await answer(top.id, criteriaOf(top).map((k) => ({ criterionId: k.id, answer: best(k) })));
    await answer(bottom.id, criteriaOf(bottom).map((k) => ({ criterionId: k.id, answer: worst(k) })));
    expect(await core.call<EvaluationView>(S.evaluationFinalize, { id: top.id }, evaluator)).toMatchObject({ score: 100, grade: 'AA', gradeLabel: 'Sangat Memuaskan' });
    expect(await core.call<EvaluationView>(S.evaluationFinalize, { id: bottom.id }, evaluator)).toMatchObject({ score: 0, grade: 'D', gradeLabel: 'Sangat Kurang' });
  });

  it('lets two evaluators race to finalize: exactly one wins', async () => {
    const e = await create(opdB, 2022);
    await answer(e.id, criteriaOf(e).map((k) => ({ criterionId: k.id, answer: best(k) })));
    const results = await Promise.all([1, 2].map(() => errorCodeOf(core.call(S.evaluationFinalize, { id: e.id }, evaluator)).catch(() => 'OK')));
    expect(results.sort()).toEqual(['INVALID_STATE', 'OK']);
    expect(await rowCount(`core.audit_log WHERE row_id = $1 AND operation = 'finalize'`, [e.id])).toBe(1);
  });

  it('lists with filters and sorting for evaluators', async () => {
    const page = await core.call<Page<EvaluationSummaryView>>(S.evaluationQuery, { opdId: opdA, sort: 'year' }, evaluator);
    expect(page.items.map((e) => e.year)).toEqual([2023, 2024, 2026]);
    expect((await core.call<Page<EvaluationSummaryView>>(S.evaluationQuery, { status: 'published' }, evaluator)).items.map((e) => e.opdId)).toEqual([opdA]);
    expect((await core.call<Page<EvaluationSummaryView>>(S.evaluationQuery, { year: 2026 }, superAdmin)).total).toBe(2);
    expect(await errorCodeOf(core.call(S.evaluationQuery, { sort: 'grade' }, evaluator))).toBe('VALIDATION_FAILED');
  });

  it('deletes a draft (evaluator), releasing its evidence', async () => {
    const e = await create(opdB, 2021);
    const file = randomUUID();
    core.files.add(file);
    await answer(e.id, [{ criterionId: criteriaOf(e)[0].id, answer: 'Y', evidenceFileIds: [file] }]);
    expect(await errorCodeOf(core.call(S.evaluationDelete, { id: e.id }, adminB))).toBe('FORBIDDEN');
    expect(await errorCodeOf(core.call(S.evaluationDelete, { id: e.id, expectedVersion: 1 }, evaluator))).toBe('PRECONDITION_FAILED');
    await core.call(S.evaluationDelete, { id: e.id }, evaluator);
    expect(await errorCodeOf(get(e.id))).toBe('NOT_FOUND');
    expect(await rowCount(`core.evaluation_criteria WHERE evaluation_id = $1`, [e.id])).toBe(0);
    expect((await evidenceEvents(e.id)).map((x) => x.data.fileIds)).toEqual([[file], []]);
    expect(await rowCount(`core.audit_log WHERE table_name = 'evaluations' AND row_id = $1 AND operation = 'delete'`, [e.id])).toBe(1);
  });
});
