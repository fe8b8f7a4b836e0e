import { CORE_EVENTS, CORE_SUBJECTS, Role, type DomainError, type IndicatorView, type Page, type PlanNodeView, type PlanTargetsView, type StrategicPlanView, type TargetView } from '@sakip/contracts';
import { randomUUID } from 'node:crypto';
import { apiKeyAs, callerAs, errorCodeOf, startCore, type CoreHarness } from './core-harness';

/** The DomainError an RPC failed with (fails the test if it succeeded). */
const failure = (p: Promise<unknown>): Promise<DomainError> =>
  p.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (err: DomainError) => err,
  );

describe('indicators and targets (integration)', () => {
  let core: CoreHarness;
  const opdA = randomUUID();
  const opdB = randomUUID();
  const superAdmin = callerAs(Role.SuperAdmin);
  const adminA = callerAs(Role.AdminOpd, opdA);
  const adminB = callerAs(Role.AdminOpd, opdB);
  const viewerA = callerAs(Role.Viewer, opdA);
  const evaluator = callerAs(Role.Evaluator);
  const readOnlyKeyA = apiKeyAs(Role.AdminOpd, opdA, ['plans:read']);

  let planA: StrategicPlanView;
  const nodesA: Record<string, PlanNodeView> = {};
  let goalB: PlanNodeView;
  let rpjmdObjective: PlanNodeView;

  const call = <T>(subject: string, payload: unknown, who = adminA) => core.call<T>(subject, payload, who);
  const node = (level: string, body: Record<string, unknown>, who = adminA) => call<PlanNodeView>(CORE_SUBJECTS.planNodeCreate, { ...body, level }, who);
  const body = (over: Record<string, unknown> = {}) => ({
    parentType: 'objective',
    parentId: nodesA.objective.id,
    name: 'Indeks kepuasan masyarakat',
    definition: 'Survei kepuasan',
    formula: 'rata-rata skor',
    unit: 'indeks',
    category: 'outcome',
    isIku: true,
    frequency: 'quarterly',
    polarity: 'higher_better',
    aggregation: 'sum',
    ...over,
  });
  const createIndicator = (over: Record<string, unknown> = {}, who = adminA) => call<IndicatorView>(CORE_SUBJECTS.indicatorCreate, body(over), who);
  const count = async (sql: string, params: unknown[] = []) => Number((await core.sql(sql, params))[0].n);
  const outboxOf = (indicatorId: string) =>
    core.sql(`SELECT data FROM core.outbox WHERE subject = $1 AND data->>'indicatorId' = $2 ORDER BY seq`, [CORE_EVENTS.indicatorChanged, indicatorId]);
  const quarters = (q1: number, q2: number, q3: number, q4: number) => ({ Q1: q1, Q2: q2, Q3: q3, Q4: q4 });

  beforeAll(async () => {
    core = await startCore();
    await core.sql(`INSERT INTO core.opds (id, code, name) VALUES ($1, 'A', 'Dinas A'), ($2, 'B', 'Dinas B')`, [opdA, opdB]);
    planA = await call<StrategicPlanView>(CORE_SUBJECTS.strategicPlanCreate, { opdId: opdA, periodStart: 2025, periodEnd: 2029, vision: 'v', mission: 'm' });
    nodesA.goal = await node('goal', { strategicPlanId: planA.id, code: 'T1', name: 'Tujuan' });
    nodesA.objective = await node('objective', { goalId: nodesA.goal.id, code: 'S1', name: 'Sasaran' });
    nodesA.program = await node('program', { objectiveId: nodesA.objective.id, code: 'P1', name: 'Program', sipdCode: '1.02.02' });
    nodesA.activity = await node('activity', { programId: nodesA.program.id, code: 'K1', name: 'Kegiatan' });
    nodesA.sub_activity = await node('sub_activity', { activityId: nodesA.activity.id, code: 'SK1', name: 'Sub kegiatan' });

    const planB = await call<StrategicPlanView>(CORE_SUBJECTS.strategicPlanCreate, { opdId: opdB, periodStart: 2025, periodEnd: 2029, vision: 'v', mission: 'm' }, adminB);
    goalB = await node('goal', { strategicPlanId: planB.id, code: 'T1', name: 'Tujuan B' }, adminB);

    const rpjmd = await call<StrategicPlanView>(CORE_SUBJECTS.strategicPlanCreate, { opdId: null, periodStart: 2025, periodEnd: 2029, vision: 'v', mission: 'm' }, superAdmin);
    const rpjmdGoal = await node('goal', { strategicPlanId: rpjmd.id, code: 'RG', name: 'Tujuan Pemda' }, superAdmin);
    rpjmdObjective = await node('objective', { goalId: rpjmdGoal.id, code: 'RS', name: 'Sasaran Pemda' }, superAdmin);
  });
  afterAll(() => core?.close());

  describe('indicators', () => {
    it('attaches to every level, copies plan and OPD, defaults weight to 1 and derives the sasaran it rolls up into', async () => {
      const expectedObjective: Record<string, string | null> = {
        goal: null,
        objective: nodesA.objective.id,
        program: nodesA.objective.id,
        activity: nodesA.objective.id,
        sub_activity: nodesA.objective.id,
      };
      for (const level of Object.keys(expectedObjective)) {
        const created = await createIndicator({ parentType: level, parentId: nodesA[level].id, name: `on ${level}`, dataSource: 'BPS', personInCharge: 'Kabid' });
        expect(created).toMatchObject({
          parentType: level,
          parentId: nodesA[level].id,
          objectiveId: expectedObjective[level],
          opdId: opdA,
          strategicPlanId: planA.id,
          weight: 1,
          dataSource: 'BPS',
          personInCharge: 'Kabid',
          isIku: true,
          version: 1,
        });
        expect(await call(CORE_SUBJECTS.indicatorGet, { id: created.id })).toEqual(created);
      }
      expect(await createIndicator({ weight: 2.5 })).toMatchObject({ weight: 2.5, dataSource: null, personInCharge: null });
    });

    it('writes an audit row and an indicator.changed outbox row for create, update and delete', async () => {
      const created = await createIndicator({ name: 'Evented' });
      const updated = await call<IndicatorView>(CORE_SUBJECTS.indicatorUpdate, { id: created.id, name: 'Evented 2', isIku: false });
      expect(updated).toMatchObject({ name: 'Evented 2', isIku: false, version: 2 });
      await call(CORE_SUBJECTS.indicatorDelete, { id: created.id });
      const events = (await outboxOf(created.id)).map((r) => r.data);
      expect(events).toEqual([
        { indicatorId: created.id, change: 'created', opdId: opdA, parentType: 'objective', parentId: nodesA.objective.id, name: 'Evented', isIku: true, version: 1 },
        { indicatorId: created.id, change: 'updated', opdId: opdA, parentType: 'objective', parentId: nodesA.objective.id, name: 'Evented 2', isIku: false, version: 2 },
        { indicatorId: created.id, change: 'deleted', opdId: opdA, parentType: 'objective', parentId: nodesA.objective.id, name: 'Evented 2', isIku: false, version: 2 },
      ]);
      const audits = await core.sql(`SELECT operation, actor, old_values, new_values FROM core.audit_log WHERE table_name = 'indicators' AND row_id = $1 ORDER BY occurred_at, id`, [created.id]);
      expect(audits.map((a) => a.operation)).toEqual(['insert', 'update', 'delete']);
      expect(audits[1]).toMatchObject({ actor: adminA.actor, old_values: { name: 'Evented', isIku: true }, new_values: { name: 'Evented 2', isIku: false } });
      expect(await count(`SELECT count(*) AS n FROM core.indicators WHERE id = $1`, [created.id])).toBe(0);
    });

    it('refuses bad enums, a non-positive weight and unknown fields (400) with nothing written', async () => {
      const before = await count(`SELECT count(*) AS n FROM core.indicators`);
      const outboxBefore = await count(`SELECT count(*) AS n FROM core.outbox`);
      const bad: Array<Record<string, unknown>> = [
        { category: 'result' },
        { frequency: 'weekly' },
        { polarity: 'up' },
        { aggregation: 'max' },
        { parentType: 'renstra' },
        { weight: 0 },
        { weight: -1 },
        { weight: 1.23456 },
        { isIku: 'yes' },
        { opdId: opdA },
        { name: '' },
      ];
      for (const over of bad) {
        const err = await failure(createIndicator(over));
        expect(err.code).toBe('VALIDATION_FAILED');
        expect(err.details.map((d) => d.field)).toContain(Object.keys(over)[0]);
      }
      const noDefinition: Record<string, unknown> = body();
      delete noDefinition.definition;
      expect(await errorCodeOf(call(CORE_SUBJECTS.indicatorCreate, noDefinition))).toBe('VALIDATION_FAILED');
      expect(await count(`SELECT count(*) AS n FROM core.indicators`)).toBe(before);
      expect(await count(`SELECT count(*) AS n FROM core.outbox`)).toBe(outboxBefore);
    });

    it('needs the parent to exist at the given level (404)', async () => {
      expect(await errorCodeOf(createIndicator({ parentId: randomUUID() }))).toBe('NOT_FOUND');
      expect(await errorCodeOf(createIndicator({ parentType: 'goal', parentId: nodesA.objective.id }))).toBe('NOT_FOUND');
    });

    it('keeps Pemda IKU (RPJMD nodes) for super_admin: admin_opd gets 403 on write but reads them', async () => {
      expect(await errorCodeOf(createIndicator({ parentId: rpjmdObjective.id }))).toBe('FORBIDDEN');
      const iku = await createIndicator({ parentId: rpjmdObjective.id, name: 'IKU Pemda' }, superAdmin);
      expect(iku).toMatchObject({ opdId: null, objectiveId: rpjmdObjective.id });
      expect(await call(CORE_SUBJECTS.indicatorGet, { id: iku.id })).toMatchObject({ id: iku.id });
      expect(await errorCodeOf(call(CORE_SUBJECTS.indicatorUpdate, { id: iku.id, name: 'x' }))).toBe('FORBIDDEN');
      expect(await errorCodeOf(call(CORE_SUBJECTS.indicatorDelete, { id: iku.id }))).toBe('FORBIDDEN');
      expect(await errorCodeOf(call(CORE_SUBJECTS.targetPut, { id: iku.id, year: 2026, annual: 4, periods: quarters(1, 1, 1, 1) }))).toBe('FORBIDDEN');
      const pemda = await call<Page<IndicatorView>>(CORE_SUBJECTS.indicatorQuery, { opdId: null });
      expect(pemda.items.map((i) => i.id)).toEqual([iku.id]);
    });

    it('hides OPD B’s indicators from admin_opd of A on read, write and in lists', async () => {
      const b = await createIndicator({ parentType: 'goal', parentId: goalB.id, name: 'B only' }, adminB);
      expect(await errorCodeOf(call(CORE_SUBJECTS.indicatorGet, { id: b.id }))).toBe('NOT_FOUND');
      expect(await errorCodeOf(call(CORE_SUBJECTS.indicatorUpdate, { id: b.id, name: 'x' }))).toBe('NOT_FOUND');
      expect(await errorCodeOf(call(CORE_SUBJECTS.indicatorDelete, { id: b.id }))).toBe('NOT_FOUND');
      expect(await errorCodeOf(call(CORE_SUBJECTS.targetGet, { id: b.id, year: 2026 }))).toBe('NOT_FOUND');
      expect(await errorCodeOf(call(CORE_SUBJECTS.targetPut, { id: b.id, year: 2026, annual: 4, periods: quarters(1, 1, 1, 1) }))).toBe('NOT_FOUND');
      expect(await errorCodeOf(call(CORE_SUBJECTS.planTargetGet, { id: b.id }))).toBe('NOT_FOUND');
      expect(await errorCodeOf(call(CORE_SUBJECTS.planTargetPut, { id: b.id, items: [] }))).toBe('NOT_FOUND');
      expect(await errorCodeOf(createIndicator({ parentType: 'goal', parentId: goalB.id }))).toBe('NOT_FOUND');
      const mine = await call<Page<IndicatorView>>(CORE_SUBJECTS.indicatorQuery, { limit: 100 });
      expect(mine.items.length).toBeGreaterThan(0);
      expect(mine.items.every((i) => i.opdId === opdA || i.opdId === null)).toBe(true);
      expect(await errorCodeOf(call(CORE_SUBJECTS.indicatorQuery, { opdId: opdB }))).toBe('NOT_FOUND');
      expect(await errorCodeOf(call(CORE_SUBJECTS.indicatorQuery, { opdId: opdB }, viewerA))).toBe('NOT_FOUND');
      expect((await call<Page<IndicatorView>>(CORE_SUBJECTS.indicatorQuery, { opdId: opdB }, evaluator)).items.map((i) => i.id)).toEqual([b.id]);
    });

    it('filters by parentType, parentId, isIku, strategicPlanId and sorts by name/category/createdAt', async () => {
      const onProgram = await call<Page<IndicatorView>>(CORE_SUBJECTS.indicatorQuery, { parentType: 'program', parentId: nodesA.program.id });
      expect(onProgram.items.map((i) => i.parentId)).toEqual([nodesA.program.id]);
      const notIku = await createIndicator({ isIku: false, name: 'AAA not iku', category: 'input' });
      const nonIku = await call<Page<IndicatorView>>(CORE_SUBJECTS.indicatorQuery, { isIku: false, strategicPlanId: planA.id });
      expect(nonIku.items.map((i) => i.id)).toEqual([notIku.id]);
      const byName = await call<Page<IndicatorView>>(CORE_SUBJECTS.indicatorQuery, { sort: 'name', strategicPlanId: planA.id });
      expect(byName.items[0].id).toBe(notIku.id);
      const byCategory = await call<Page<IndicatorView>>(CORE_SUBJECTS.indicatorQuery, { sort: '-category', limit: 1 });
      expect(byCategory.items[0].category).toBe('outcome');
      expect(await errorCodeOf(call(CORE_SUBJECTS.indicatorQuery, { sort: 'weight' }))).toBe('VALIDATION_FAILED');
    });

    it('refuses writes by viewer, evaluator and a key without plans:write (403)', async () => {
      const target = await createIndicator({ name: 'forbidden target' });
      for (const who of [viewerA, evaluator, readOnlyKeyA]) {
        expect(await errorCodeOf(createIndicator({}, who))).toBe('FORBIDDEN');
        expect(await errorCodeOf(call(CORE_SUBJECTS.indicatorUpdate, { id: target.id, name: 'x' }, who))).toBe('FORBIDDEN');
        expect(await errorCodeOf(call(CORE_SUBJECTS.indicatorDelete, { id: target.id }, who))).toBe('FORBIDDEN');
        expect(await errorCodeOf(call(CORE_SUBJECTS.targetPut, { id: target.id, year: 2026, annual: 4, periods: quarters(1, 1, 1, 1) }, who))).toBe('FORBIDDEN');
        expect(await errorCodeOf(call(CORE_SUBJECTS.planTargetPut, { id: target.id, items: [] }, who))).toBe('FORBIDDEN');
        expect(await call(CORE_SUBJECTS.indicatorGet, { id: target.id }, who)).toMatchObject({ id: target.id });
      }
    });

    it('updates with If-Match (412 when stale) and refuses an empty update and the parent fields (400)', async () => {
      const ind = await createIndicator({ name: 'versioned' });
      expect(await call(CORE_SUBJECTS.indicatorUpdate, { id: ind.id, weight: 3, expectedVersion: 1 })).toMatchObject({ weight: 3, version: 2 });
      expect(await errorCodeOf(call(CORE_SUBJECTS.indicatorUpdate, { id: ind.id, name: 'x', expectedVersion: 1 }))).toBe('PRECONDITION_FAILED');
      expect(await errorCodeOf(call(CORE_SUBJECTS.indicatorUpdate, { id: ind.id }))).toBe('VALIDATION_FAILED');
      expect(await errorCodeOf(call(CORE_SUBJECTS.indicatorUpdate, { id: ind.id, parentId: nodesA.goal.id }))).toBe('VALIDATION_FAILED');
      expect(await errorCodeOf(call(CORE_SUBJECTS.indicatorUpdate, { id: ind.id, category: 'bogus' }))).toBe('VALIDATION_FAILED');
      expect(await errorCodeOf(call(CORE_SUBJECTS.indicatorDelete, { id: ind.id, expectedVersion: 1 }))).toBe('PRECONDITION_FAILED');
      expect((await core.sql(`SELECT name, version FROM core.indicators WHERE id = $1`, [ind.id]))[0]).toEqual({ name: 'versioned', version: 2 });
    });

    it('refuses changing frequency, aggregation or polarity once targets or achievements exist (409 INVALID_STATE); weight stays editable', async () => {
      const ind = await createIndicator({ name: 'split-bound' });
      expect(await call(CORE_SUBJECTS.indicatorUpdate, { id: ind.id, frequency: 'monthly' })).toMatchObject({ frequency: 'monthly' });
      expect(await call(CORE_SUBJECTS.indicatorUpdate, { id: ind.id, frequency: 'quarterly' })).toMatchObject({ frequency: 'quarterly' });
      await call(CORE_SUBJECTS.targetPut, { id: ind.id, year: 2026, annual: 100, periods: quarters(25, 25, 25, 25) });
      expect(await errorCodeOf(call(CORE_SUBJECTS.indicatorUpdate, { id: ind.id, frequency: 'monthly' }))).toBe('INVALID_STATE');
      expect(await errorCodeOf(call(CORE_SUBJECTS.indicatorUpdate, { id: ind.id, aggregation: 'average' }))).toBe('INVALID_STATE');
      // Polarity decides how the stored figures score: frozen too, named in the details.
      const err = await failure(call(CORE_SUBJECTS.indicatorUpdate, { id: ind.id, polarity: 'lower_better', weight: 2 }));
      expect(err.code).toBe('INVALID_STATE');
      expect(err.details).toEqual([{ field: 'polarity', message: 'locked by existing targets or achievements' }]);
      expect((await core.sql(`SELECT polarity, weight, version FROM core.indicators WHERE id = $1`, [ind.id]))[0]).toEqual({ polarity: 'higher_better', weight: '1.0000', version: 3 });
      // Same values and other fields are fine; weight only weights roll-ups.
      expect(await call(CORE_SUBJECTS.indicatorUpdate, { id: ind.id, frequency: 'quarterly', polarity: 'higher_better', weight: 2.5, name: 'renamed' })).toMatchObject({
        polarity: 'higher_better',
        weight: 2.5,
        name: 'renamed',
      });

      const withAchievement = await createIndicator({ name: 'achieved' });
      await core.sql(`INSERT INTO core.achievements (id, indicator_id, opd_id, year, period, realization, status, input_by) VALUES ($1, $2, $3, 2026, 'Q1', 5, 'draft', 'user:x')`, [
        randomUUID(),
        withAchievement.id,
        opdA,
      ]);
      expect(await errorCodeOf(call(CORE_SUBJECTS.indicatorUpdate, { id: withAchievement.id, aggregation: 'last' }))).toBe('INVALID_STATE');
      expect(await errorCodeOf(call(CORE_SUBJECTS.indicatorUpdate, { id: withAchievement.id, polarity: 'target_based' }))).toBe('INVALID_STATE');
      // Before any target or achievement, polarity is free.
      const fresh = await createIndicator({ name: 'unused' });
      expect(await call(CORE_SUBJECTS.indicatorUpdate, { id: fresh.id, polarity: 'target_based' })).toMatchObject({ polarity: 'target_based' });
    });

    it('deletes with its targets and plan targets, but not while achievements exist (409)', async () => {
      const ind = await createIndicator({ name: 'to delete' });
      await call(CORE_SUBJECTS.targetPut, { id: ind.id, year: 2026, annual: 100, periods: quarters(10, 20, 30, 40) });
      await call(CORE_SUBJECTS.planTargetPut, { id: ind.id, items: [{ year: 2025, annual: 50 }] });
      await call(CORE_SUBJECTS.indicatorDelete, { id: ind.id });
      for (const table of ['indicators', 'indicator_targets', 'indicator_target_periods', 'indicator_plan_targets']) {
        const col = table === 'indicators' ? 'id' : 'indicator_id';
        expect(await count(`SELECT count(*) AS n FROM core.${table} WHERE ${col} = $1`, [ind.id])).toBe(0);
      }
      expect(await errorCodeOf(call(CORE_SUBJECTS.indicatorGet, { id: ind.id }))).toBe('NOT_FOUND');

      const kept = await createIndicator({ name: 'has achievements' });
      await call(CORE_SUBJECTS.targetPut, { id: kept.id, year: 2026, annual: 4, periods: quarters(1, 1, 1, 1) });
      await core.sql(`INSERT INTO core.achievements (id, indicator_id, opd_id, year, period, realization, status, input_by) VALUES ($1, $2, $3, 2026, 'Q1', 5, 'submitted', 'user:x')`, [
        randomUUID(),
        kept.id,
        opdA,
      ]);
      const err = await failure(call(CORE_SUBJECTS.indicatorDelete, { id: kept.id }));
      expect(err.code).toBe('CONFLICT');
      expect(err.message).toContain('achievement');
      expect(await count(`SELECT count(*) AS n FROM core.indicator_targets WHERE indicator_id = $1`, [kept.id])).toBe(1);
    });
  });

  describe('targets of one year', () => {
    let quarterly: IndicatorView;
    let monthly: IndicatorView;

    beforeAll(async () => {
      quarterly = await createIndicator({ name: 'quarterly sum' });
      monthly = await createIndicator({ name: 'monthly average', frequency: 'monthly', aggregation: 'average' });
    });

    const targetRows = (id: string) => count(`SELECT count(*) AS n FROM core.indicator_targets WHERE indicator_id = $1`, [id]);
    const periodRows = (id: string) => count(`SELECT count(*) AS n FROM core.indicator_target_periods WHERE indicator_id = $1`, [id]);

    it('returns 404 before a year is set, and needs a year', async () => {
      expect(await errorCodeOf(call(CORE_SUBJECTS.targetGet, { id: quarterly.id, year: 2026 }))).toBe('NOT_FOUND');
      expect(await errorCodeOf(call(CORE_SUBJECTS.targetGet, { id: quarterly.id }))).toBe('VALIDATION_FAILED');
    });

    it('puts and replaces a quarterly split, bumping the version, with audit rows', async () => {
      const first = await call<TargetView>(CORE_SUBJECTS.targetPut, { id: quarterly.id, year: 2026, annual: 100.5, periods: quarters(10, 20.25, 30.25, 40) });
      expect(first).toMatchObject({ indicatorId: quarterly.id, year: 2026, annual: 100.5, periods: { Q1: 10, Q2: 20.25, Q3: 30.25, Q4: 40 }, version: 1 });
      expect(Object.keys(first.periods)).toEqual(['Q1', 'Q2', 'Q3', 'Q4']);
      expect(await call(CORE_SUBJECTS.targetGet, { id: quarterly.id, year: 2026 })).toEqual(first);
      expect(await call(CORE_SUBJECTS.targetGet, { id: quarterly.id, year: 2026 }, viewerA)).toEqual(first);

      const second = await call<TargetView>(CORE_SUBJECTS.targetPut, { id: quarterly.id, year: 2026, annual: 8, periods: quarters(2, 2, 2, 2), expectedVersion: 1 });
      expect(second).toMatchObject({ annual: 8, periods: quarters(2, 2, 2, 2), version: 2 });
      expect(await errorCodeOf(call(CORE_SUBJECTS.targetPut, { id: quarterly.id, year: 2026, annual: 4, periods: quarters(1, 1, 1, 1), expectedVersion: 1 }))).toBe('PRECONDITION_FAILED');
      expect((await core.sql(`SELECT annual FROM core.indicator_targets WHERE indicator_id = $1 AND year = 2026`, [quarterly.id]))[0].annual).toBe('8.0000');
      expect(await periodRows(quarterly.id)).toBe(4);
      const audits = await core.sql(`SELECT operation, new_values FROM core.audit_log WHERE table_name = 'indicator_targets' AND row_id = $1 ORDER BY occurred_at, id`, [quarterly.id]);
      expect(audits.map((a) => a.operation)).toEqual(['insert', 'update']);
      expect(audits[1].new_values).toMatchObject({ year: 2026, annual: '8.0000' });
    });

    it('takes Q1–Q4 plus M01–M12 for monthly indicators, checked under the aggregation', async () => {
      const months = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`M${String(i + 1).padStart(2, '0')}`, 10]));
      const ok = await call<TargetView>(CORE_SUBJECTS.targetPut, { id: monthly.id, year: 2027, annual: 10, periods: { ...quarters(10, 10, 10, 10), ...months } });
      expect(Object.keys(ok.periods)).toEqual(['Q1', 'Q2', 'Q3', 'Q4', ...Object.keys(months)]);
      const err = await failure(call(CORE_SUBJECTS.targetPut, { id: monthly.id, year: 2028, annual: 10, periods: quarters(10, 10, 10, 10) }));
      expect(err.code).toBe('VALIDATION_FAILED');
      expect(err.details.map((d) => d.field)).toContain('periods.M01');
      expect(await count(`SELECT count(*) AS n FROM core.indicator_targets WHERE indicator_id = $1 AND year = 2028`, [monthly.id])).toBe(0);
    });

    it('refuses negative values, more than 4 decimals, strings, a wrong split, extra periods and years outside the plan (400, nothing written)', async () => {
      const fresh = await createIndicator({ name: 'never written' });
      const bad: Array<[Record<string, unknown>, string]> = [
        [{ year: 2026, annual: -4, periods: quarters(-1, -1, -1, -1) }, 'annual'],
        [{ year: 2026, annual: 4, periods: quarters(1, 1, 1, -1) }, 'periods.Q4'],
        [{ year: 2026, annual: 4, periods: quarters(1, 1, 1, 1.00001) }, 'periods.Q4'],
        [{ year: 2026, annual: 4.12345, periods: quarters(1, 1, 1, 1) }, 'annual'],
        // 16 digits: beyond what a JSON double carries exactly (the achievements' rule, 15 digits).
        [{ year: 2026, annual: 123456789012.3456, periods: quarters(123456789012.3456, 0, 0, 0) }, 'annual'],
        [{ year: 2026, annual: 4, periods: { ...quarters(1, 1, 1, 1), Q2: 1234567890123456 } }, 'periods.Q2'],
        [{ year: 2026, annual: 4, periods: { ...quarters(1, 1, 1, 1), Q1: '1' } }, 'periods.Q1'],
        [{ year: 2026, annual: 5, periods: quarters(1, 1, 1, 1) }, 'periods'],
        [{ year: 2026, annual: 4, periods: { Q1: 1, Q2: 1, Q3: 2 } }, 'periods.Q4'],
        [{ year: 2026, annual: 4, periods: { ...quarters(1, 1, 1, 1), S1: 2 } }, 'periods.S1'],
        [{ year: 2030, annual: 4, periods: quarters(1, 1, 1, 1) }, 'year'],
        [{ year: 2024, annual: 4, periods: quarters(1, 1, 1, 1) }, 'year'],
      ];
      for (const [payload, field] of bad) {
        const err = await failure(call(CORE_SUBJECTS.targetPut, { id: fresh.id, ...payload }));
        expect({ payload, code: err.code }).toEqual({ payload, code: 'VALIDATION_FAILED' });
        expect(err.details.map((d) => d.field)).toContain(field);
      }
      expect(await targetRows(fresh.id)).toBe(0);
      expect(await periodRows(fresh.id)).toBe(0);
      expect(await count(`SELECT count(*) AS n FROM core.audit_log WHERE table_name = 'indicator_targets' AND row_id = $1`, [fresh.id])).toBe(0);

      // A wrong split leaves an existing year untouched.
      await call(CORE_SUBJECTS.targetPut, { id: fresh.id, year: 2027, annual: 4, periods: quarters(1, 1, 1, 1) });
      expect(await errorCodeOf(call(CORE_SUBJECTS.targetPut, { id: fresh.id, year: 2027, annual: 8, periods: quarters(1, 1, 1, 1) }))).toBe('VALIDATION_FAILED');
      expect((await core.sql(`SELECT annual, version FROM core.indicator_targets WHERE indicator_id = $1`, [fresh.id]))[0]).toEqual({ annual: '4.0000', version: 1 });
    });

    it('checks average and last aggregations', async () => {
      const avg = await createIndicator({ name: 'avg', aggregation: 'average' });
      expect(await call(CORE_SUBJECTS.targetPut, { id: avg.id, year: 2026, annual: 80, periods: quarters(70, 80, 80, 90) })).toMatchObject({ annual: 80 });
      expect(await errorCodeOf(call(CORE_SUBJECTS.targetPut, { id: avg.id, year: 2026, annual: 80, periods: quarters(80, 80, 80, 81) }))).toBe('VALIDATION_FAILED');
      const last = await createIndicator({ name: 'last', aggregation: 'last' });
      expect(await call(CORE_SUBJECTS.targetPut, { id: last.id, year: 2026, annual: 90, periods: quarters(20, 50, 70, 90) })).toMatchObject({ annual: 90 });
      expect(await errorCodeOf(call(CORE_SUBJECTS.targetPut, { id: last.id, year: 2026, annual: 90, periods: quarters(90, 90, 90, 80) }))).toBe('VALIDATION_FAILED');
    });

    it('refuses (409) a first split of a year whose Y is locked, and of a locked quarter only that quarter', async () => {
      await core.sql(`INSERT INTO core.periods (year, period, locked_at, locked_by) VALUES (2028, 'Y', now(), 'user:admin')`);
      const err = await failure(call(CORE_SUBJECTS.targetPut, { id: quarterly.id, year: 2028, annual: 4, periods: quarters(1, 1, 1, 1) }));
      expect(err.code).toBe('INVALID_STATE');
      expect(err.details.map((d) => d.field)).toEqual(['annual', 'periods.Q1', 'periods.Q2', 'periods.Q3', 'periods.Q4']);
      expect(await count(`SELECT count(*) AS n FROM core.indicator_targets WHERE indicator_id = $1 AND year = 2028`, [quarterly.id])).toBe(0);
      // Nothing stored yet: every figure is a change, so a Q1 lock refuses the new Q1 (only).
      await core.sql(`INSERT INTO core.periods (year, period, locked_at) VALUES (2029, 'Q1', now())`);
      const q1 = await failure(call(CORE_SUBJECTS.targetPut, { id: quarterly.id, year: 2029, annual: 4, periods: quarters(1, 1, 1, 1) }));
      expect(q1).toMatchObject({ code: 'INVALID_STATE', details: [{ field: 'periods.Q1', message: 'Q1 is locked by the lock on Q1' }] });
      expect(await count(`SELECT count(*) AS n FROM core.indicator_targets WHERE indicator_id = $1 AND year = 2029`, [quarterly.id])).toBe(0);
    });

    it('refuses (409) changing any figure a lock covers, accepts unchanged ones (compared exactly) and changes elsewhere', async () => {
      const year = 2025;
      const q = await createIndicator({ name: 'locked quarters' });
      const m = await createIndicator({ name: 'locked months', frequency: 'monthly' });
      const months = (values: number[]) => Object.fromEntries(values.map((v, i) => [`M${String(i + 1).padStart(2, '0')}`, v]));
      const put = (id: string, body: Record<string, unknown>) => call<TargetView>(CORE_SUBJECTS.targetPut, { id, year, ...body });
      const lock = (period: string) => core.sql(`INSERT INTO core.periods (year, period, locked_at, locked_by) VALUES ($1, $2, now(), 'user:admin')`, [year, period]);
      const stored = async (id: string) =>
        (await core.sql(`SELECT period, value::text FROM core.indicator_target_periods WHERE indicator_id = $1 AND year = $2 ORDER BY period`, [id, year])).map((r) => `${r.period}=${r.value}`);

      await put(q.id, { annual: 100, periods: quarters(25, 25, 25, 25) });
      const flat = Array<number>(12).fill(10);
      await put(m.id, { annual: 120, periods: { ...quarters(30, 30, 30, 30), ...months(flat) } });

      await lock('Q2');
      // The same figures again (stored as 25.0000) change nothing locked; a change outside Q2 is fine.
      expect(await put(q.id, { annual: 100, periods: quarters(25, 25, 25, 25) })).toMatchObject({ version: 2 });
      expect(await put(q.id, { annual: 100, periods: quarters(20, 25, 30, 25) })).toMatchObject({ periods: quarters(20, 25, 30, 25), version: 3 });
      const q2 = await failure(put(q.id, { annual: 100, periods: quarters(20, 20, 35, 25), expectedVersion: 3 }));
      expect(q2.code).toBe('INVALID_STATE');
      expect(q2.message).toContain('Q2');
      expect(q2.details).toEqual([{ field: 'periods.Q2', message: 'Q2 is locked by the lock on Q2' }]);
      // A Q2 lock covers M04–M06; M01/M02 move freely.
      expect(await put(m.id, { annual: 120, periods: { ...quarters(30, 30, 30, 30), ...months([5, 15, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10]) } })).toMatchObject({ version: 2 });
      const m05 = await failure(put(m.id, { annual: 120, periods: { ...quarters(30, 30, 30, 30), ...months([5, 15, 10, 5, 15, 10, 10, 10, 10, 10, 10, 10]) } }));
      expect(m05.details).toEqual([
        { field: 'periods.M04', message: 'M04 is locked by the lock on Q2' },
        { field: 'periods.M05', message: 'M05 is locked by the lock on Q2' },
      ]);

      // A semester lock covers its quarters and months.
      await lock('S2');
      const s2 = await failure(put(q.id, { annual: 100, periods: quarters(25, 25, 25, 25) }));
      // Q1 (20 → 25) is open, Q3 (30 → 25) is not, Q4 is unchanged.
      expect(s2.details).toEqual([{ field: 'periods.Q3', message: 'Q3 is locked by the lock on S2' }]);
      expect(await put(m.id, { annual: 120, periods: { ...quarters(30, 30, 30, 30), ...months([10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10]) } })).toMatchObject({ version: 3 });

      // Y covers the annual; unchanged figures still pass, even with every period locked.
      await lock('Y');
      const annual = await failure(put(q.id, { annual: 110, periods: quarters(30, 25, 30, 25) }));
      expect(annual.details.map((d) => d.field)).toEqual(['annual', 'periods.Q1']);
      expect(annual.details[0].message).toBe('Y is locked by the lock on Y');
      expect(await put(q.id, { annual: 100.0, periods: quarters(20, 25, 30, 25) })).toMatchObject({ version: 4 });
      expect(await stored(q.id)).toEqual(['Q1=20.0000', 'Q2=25.0000', 'Q3=30.0000', 'Q4=25.0000']);
      expect(await count(`SELECT count(*) AS n FROM core.audit_log WHERE table_name = 'indicator_targets' AND row_id = $1`, [q.id])).toBe(4);
    });

    it('answers 412 to If-Match on a year without a target, and to a zero or never-matching version', async () => {
      const ind = await createIndicator({ name: 'if-match targets' });
      for (const expectedVersion of [0, 1]) {
        expect(await errorCodeOf(call(CORE_SUBJECTS.targetPut, { id: ind.id, year: 2026, annual: 4, periods: quarters(1, 1, 1, 1), expectedVersion }))).toBe('PRECONDITION_FAILED');
      }
      await call(CORE_SUBJECTS.targetPut, { id: ind.id, year: 2026, annual: 4, periods: quarters(1, 1, 1, 1) });
      for (const expectedVersion of [0, 2, 2147483647]) {
        expect(await errorCodeOf(call(CORE_SUBJECTS.targetPut, { id: ind.id, year: 2026, annual: 8, periods: quarters(2, 2, 2, 2), expectedVersion }))).toBe('PRECONDITION_FAILED');
      }
      expect(await errorCodeOf(call(CORE_SUBJECTS.targetPut, { id: ind.id, year: 2026, annual: 8, periods: quarters(2, 2, 2, 2), expectedVersion: 9999999999 }))).toBe('VALIDATION_FAILED');
      expect(await call(CORE_SUBJECTS.targetPut, { id: ind.id, year: 2026, annual: 8, periods: quarters(2, 2, 2, 2), expectedVersion: 1 })).toMatchObject({ annual: 8, version: 2 });

      // Concurrent PUTs of the year queue on its row: with the same If-Match exactly one wins.
      const results = await Promise.allSettled(
        [3, 4, 5].map((v) => call<TargetView>(CORE_SUBJECTS.targetPut, { id: ind.id, year: 2026, annual: 4 * v, periods: quarters(v, v, v, v), expectedVersion: 2 })),
      );
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      expect(results.flatMap((r) => (r.status === 'rejected' ? [(r.reason as DomainError).code] : []))).toEqual(['PRECONDITION_FAILED', 'PRECONDITION_FAILED']);
    });
  });

  describe('five-year targets', () => {
    it('replaces the set and returns it by year', async () => {
      const ind = await createIndicator({ name: 'renstra' });
      expect(await call(CORE_SUBJECTS.planTargetGet, { id: ind.id })).toEqual({ indicatorId: ind.id, items: [], version: 1 });
      const put = await call<PlanTargetsView>(CORE_SUBJECTS.planTargetPut, {
        id: ind.id,
        items: [
          { year: 2027, annual: 70 },
          { year: 2025, annual: 60.5 },
          { year: 2029, annual: 0 },
        ],
      });
      expect(put).toEqual({ indicatorId: ind.id, items: [{ year: 2025, annual: 60.5 }, { year: 2027, annual: 70 }, { year: 2029, annual: 0 }], version: 2 });
      expect(await call(CORE_SUBJECTS.planTargetGet, { id: ind.id }, viewerA)).toEqual(put);
      const replaced = await call<PlanTargetsView>(CORE_SUBJECTS.planTargetPut, { id: ind.id, items: [{ year: 2026, annual: 65 }] });
      expect(replaced.items).toEqual([{ year: 2026, annual: 65 }]);
      expect(await count(`SELECT count(*) AS n FROM core.audit_log WHERE table_name = 'indicator_plan_targets' AND row_id = $1`, [ind.id])).toBe(2);

      const bad: Array<[unknown[], string]> = [
        [[{ year: 2030, annual: 1 }], 'items.0.year'],
        [[{ year: 2026, annual: 1 }, { year: 2026, annual: 2 }], 'items.1.year'],
        [[{ year: 2026, annual: -1 }], 'items.0.annual'],
        [[{ year: 2026, annual: 1.00001 }], 'items.0.annual'],
        [[{ year: 2026, annual: 1234567890123456 }], 'items.0.annual'],
        [[{ year: 2026, annual: 123456789012.3456 }], 'items.0.annual'],
      ];
      for (const [items, field] of bad) {
        const err = await failure(call(CORE_SUBJECTS.planTargetPut, { id: ind.id, items }));
        expect(err.code).toBe('VALIDATION_FAILED');
        expect(err.details.map((d) => d.field)).toContain(field);
      }
      expect(await call<PlanTargetsView>(CORE_SUBJECTS.planTargetGet, { id: ind.id })).toEqual({ indicatorId: ind.id, items: [{ year: 2026, annual: 65 }], version: 3 });
    });

    it('versions the set: If-Match on PUT (412 when stale, zero or never-matching), the indicator itself untouched', async () => {
      const ind = await createIndicator({ name: 'renstra versioned' });
      const first = await call<PlanTargetsView>(CORE_SUBJECTS.planTargetPut, { id: ind.id, items: [{ year: 2025, annual: 10 }], expectedVersion: 1 });
      expect(first).toEqual({ indicatorId: ind.id, items: [{ year: 2025, annual: 10 }], version: 2 });
      for (const expectedVersion of [1, 0, 2147483647]) {
        expect(await errorCodeOf(call(CORE_SUBJECTS.planTargetPut, { id: ind.id, items: [{ year: 2026, annual: 20 }], expectedVersion }))).toBe('PRECONDITION_FAILED');
      }
      expect(await errorCodeOf(call(CORE_SUBJECTS.planTargetPut, { id: ind.id, items: [], expectedVersion: 9999999999 }))).toBe('VALIDATION_FAILED');
      expect(await call(CORE_SUBJECTS.planTargetGet, { id: ind.id })).toEqual(first);
      expect(await call(CORE_SUBJECTS.planTargetPut, { id: ind.id, items: [], expectedVersion: 2 })).toEqual({ indicatorId: ind.id, items: [], version: 3 });
      expect(await call(CORE_SUBJECTS.indicatorGet, { id: ind.id })).toMatchObject({ version: 1, updatedAt: ind.updatedAt });
      expect(await count(`SELECT count(*) AS n FROM core.audit_log WHERE table_name = 'indicator_plan_targets' AND row_id = $1`, [ind.id])).toBe(2);
    });

    it('serialises concurrent PUTs of the set: with the same If-Match exactly one wins', async () => {
      const ind = await createIndicator({ name: 'renstra race' });
      const results = await Promise.allSettled(
        [10, 20, 30].map((annual) => call<PlanTargetsView>(CORE_SUBJECTS.planTargetPut, { id: ind.id, items: [{ year: 2027, annual }], expectedVersion: 1 })),
      );
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      expect(results.flatMap((r) => (r.status === 'rejected' ? [(r.reason as DomainError).code] : []))).toEqual(['PRECONDITION_FAILED', 'PRECONDITION_FAILED']);
      expect((await call<PlanTargetsView>(CORE_SUBJECTS.planTargetGet, { id: ind.id })).version).toBe(2);
    });
  });
});
