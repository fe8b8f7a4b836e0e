import { CORE_SUBJECTS, Role, type DomainError, type Page, type PlanNodeView, type StrategicPlanTreeView, type StrategicPlanView } from '@sakip/contracts';
import { withPgClient } from '@sakip/persistence';
import { randomUUID } from 'node:crypto';
import { lockPlanOwner } from '../src/planning/strategic-plans.repository';
import { apiKeyAs, callerAs, errorCodeOf, startCore, type CoreHarness } from './core-harness';

/** The DomainError an RPC failed with (fails the test if it succeeded). */
const failure = (p: Promise<unknown>): Promise<DomainError> =>
  p.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (err: DomainError) => err,
  );

type Level = 'goal' | 'objective' | 'program' | 'activity' | 'sub_activity';

describe('planning: strategic plans and the plan tree (integration)', () => {
  let core: CoreHarness;
  const opdA = randomUUID();
  const opdB = randomUUID();
  const superAdmin = callerAs(Role.SuperAdmin);
  const adminA = callerAs(Role.AdminOpd, opdA);
  const adminB = callerAs(Role.AdminOpd, opdB);
  const viewerA = callerAs(Role.Viewer, opdA);
  const evaluator = callerAs(Role.Evaluator);
  const readOnlyKeyA = apiKeyAs(Role.AdminOpd, opdA, ['plans:read']);
  const writeKeyA = apiKeyAs(Role.AdminOpd, opdA, ['plans:read', 'plans:write']);

  let planA: StrategicPlanView;
  let planB: StrategicPlanView;
  let rpjmd: StrategicPlanView;

  const call = <T>(subject: string, payload: unknown, who = adminA) => core.call<T>(subject, payload, who);
  const createPlan = (body: Record<string, unknown>, who = adminA) => call<StrategicPlanView>(CORE_SUBJECTS.strategicPlanCreate, body, who);
  const createNode = (level: Level, body: Record<string, unknown>, who = adminA) => call<PlanNodeView>(CORE_SUBJECTS.planNodeCreate, { ...body, level }, who);
  const auditCount = async (table: string, rowId: string, operation: string) =>
    Number((await core.sql(`SELECT count(*) AS n FROM core.audit_log WHERE table_name = $1 AND row_id = $2 AND operation = $3`, [table, rowId, operation]))[0].n);

  beforeAll(async () => {
    core = await startCore();
    await core.sql(`INSERT INTO core.opds (id, code, name) VALUES ($1, 'A', 'Dinas A'), ($2, 'B', 'Dinas B')`, [opdA, opdB]);
    planA = await createPlan({ opdId: opdA, periodStart: 2025, periodEnd: 2029, vision: 'Visi A', mission: 'Misi A' });
    planB = await createPlan({ opdId: opdB, periodStart: 2025, periodEnd: 2029, vision: 'Visi B', mission: 'Misi B' }, adminB);
    rpjmd = await createPlan({ opdId: null, periodStart: 2024, periodEnd: 2028, vision: 'Visi Pemda', mission: 'Misi Pemda' }, superAdmin);
  });
  afterAll(() => core?.close());

  describe('strategic plans', () => {
    it('creates an OPD plan (own OPD) with an audit row, and reads it back', async () => {
      expect(planA).toMatchObject({ opdId: opdA, periodStart: 2025, periodEnd: 2029, vision: 'Visi A', mission: 'Misi A', version: 1 });
      expect(planA.createdAt).toMatch(/Z$/);
      expect(await call(CORE_SUBJECTS.strategicPlanGet, { id: planA.id })).toEqual(planA);
      expect(await auditCount('strategic_plans', planA.id, 'insert')).toBe(1);
    });

    it('requires five-year periods (400) and one plan per OPD and period (409)', async () => {
      expect(await errorCodeOf(createPlan({ opdId: opdA, periodStart: 2030, periodEnd: 2035, vision: 'v', mission: 'm' }))).toBe('VALIDATION_FAILED');
      expect(await errorCodeOf(createPlan({ opdId: opdA, periodStart: 2025, periodEnd: 2029, vision: 'v', mission: 'm' }))).toBe('CONFLICT');
      expect(await errorCodeOf(createPlan({ opdId: null, periodStart: 2024, periodEnd: 2028, vision: 'v', mission: 'm' }, superAdmin))).toBe('CONFLICT');
    });

    it('keeps the RPJMD for super_admin (403 for admin_opd) but lets everyone read it', async () => {
      expect(await errorCodeOf(createPlan({ opdId: null, periodStart: 2035, periodEnd: 2039, vision: 'v', mission: 'm' }))).toBe('FORBIDDEN');
      expect(await errorCodeOf(call(CORE_SUBJECTS.strategicPlanUpdate, { id: rpjmd.id, vision: 'x' }))).toBe('FORBIDDEN');
      expect(await errorCodeOf(call(CORE_SUBJECTS.strategicPlanDelete, { id: rpjmd.id }))).toBe('FORBIDDEN');
      expect(await call<StrategicPlanView>(CORE_SUBJECTS.strategicPlanGet, { id: rpjmd.id })).toMatchObject({ opdId: null });
      expect(await call<StrategicPlanView>(CORE_SUBJECTS.strategicPlanGet, { id: rpjmd.id }, viewerA)).toMatchObject({ opdId: null });
    });

    it('hides another OPD (404) on read and write, and for an unknown OPD', async () => {
      expect(await errorCodeOf(call(CORE_SUBJECTS.strategicPlanGet, { id: planB.id }))).toBe('NOT_FOUND');
      expect(await errorCodeOf(call(CORE_SUBJECTS.strategicPlanTree, { id: planB.id }))).toBe('NOT_FOUND');
      expect(await errorCodeOf(call(CORE_SUBJECTS.strategicPlanUpdate, { id: planB.id, vision: 'x' }))).toBe('NOT_FOUND');
      expect(await errorCodeOf(call(CORE_SUBJECTS.strategicPlanDelete, { id: planB.id }))).toBe('NOT_FOUND');
      expect(await errorCodeOf(createPlan({ opdId: opdB, periodStart: 2030, periodEnd: 2034, vision: 'v', mission: 'm' }))).toBe('NOT_FOUND');
      expect(await errorCodeOf(createPlan({ opdId: randomUUID(), periodStart: 2030, periodEnd: 2034, vision: 'v', mission: 'm' }, superAdmin))).toBe('NOT_FOUND');
      expect(await errorCodeOf(call(CORE_SUBJECTS.strategicPlanGet, { id: randomUUID() }, superAdmin))).toBe('NOT_FOUND');
    });

    it('lists own OPD and Pemda plans only; an explicit foreign opdId is 404', async () => {
      const mine = await call<Page<StrategicPlanView>>(CORE_SUBJECTS.strategicPlanQuery, {});
      expect(mine.items.map((p) => p.id).sort()).toEqual([planA.id, rpjmd.id].sort());
      expect(await errorCodeOf(call(CORE_SUBJECTS.strategicPlanQuery, { opdId: opdB }))).toBe('NOT_FOUND');
      const pemdaOnly = await call<Page<StrategicPlanView>>(CORE_SUBJECTS.strategicPlanQuery, { opdId: null }, superAdmin);
      expect(pemdaOnly.items.map((p) => p.id)).toEqual([rpjmd.id]);
      const all = await call<Page<StrategicPlanView>>(CORE_SUBJECTS.strategicPlanQuery, { sort: '-periodStart' }, superAdmin);
      expect(all.total).toBe(3);
      expect(all.items[all.items.length - 1].id).toBe(rpjmd.id);
      expect(await errorCodeOf(call(CORE_SUBJECTS.strategicPlanQuery, { sort: 'vision' }))).toBe('VALIDATION_FAILED');
    });

    it('refuses writes by viewer, evaluator and a key without plans:write (403); a plans:write key may write', async () => {
      const body = { opdId: opdA, periodStart: 2040, periodEnd: 2044, vision: 'v', mission: 'm' };
      expect(await errorCodeOf(createPlan(body, viewerA))).toBe('FORBIDDEN');
      expect(await errorCodeOf(createPlan(body, evaluator))).toBe('FORBIDDEN');
      expect(await errorCodeOf(createPlan(body, readOnlyKeyA))).toBe('FORBIDDEN');
      expect(await call(CORE_SUBJECTS.strategicPlanGet, { id: planA.id }, readOnlyKeyA)).toMatchObject({ id: planA.id });
      expect(await call(CORE_SUBJECTS.strategicPlanGet, { id: planA.id }, evaluator)).toMatchObject({ id: planA.id });
      const byKey = await createPlan(body, writeKeyA);
      const [audit] = await core.sql(`SELECT actor FROM core.audit_log WHERE row_id = $1`, [byKey.id]);
      expect(audit.actor).toBe(writeKeyA.actor);
      await call(CORE_SUBJECTS.strategicPlanDelete, { id: byKey.id }, writeKeyA);
    });

    it('updates with If-Match (412 when stale), refuses an empty update and a broken period', async () => {
      const plan = await createPlan({ opdId: opdA, periodStart: 2050, periodEnd: 2054, vision: 'v', mission: 'm' });
      const updated = await call<StrategicPlanView>(CORE_SUBJECTS.strategicPlanUpdate, { id: plan.id, vision: 'Visi baru', expectedVersion: 1 });
      expect(updated).toMatchObject({ vision: 'Visi baru', version: 2 });
      expect(await errorCodeOf(call(CORE_SUBJECTS.strategicPlanUpdate, { id: plan.id, mission: 'x', expectedVersion: 1 }))).toBe('PRECONDITION_FAILED');
      // 0 and 2147483647 (the gateway's reading of an ETag beyond int4) never match: 412, not 400/500.
      for (const expectedVersion of [0, 2147483647]) {
        expect(await errorCodeOf(call(CORE_SUBJECTS.strategicPlanUpdate, { id: plan.id, mission: 'x', expectedVersion }))).toBe('PRECONDITION_FAILED');
        expect(await errorCodeOf(call(CORE_SUBJECTS.strategicPlanDelete, { id: plan.id, expectedVersion }))).toBe('PRECONDITION_FAILED');
      }
      expect(await errorCodeOf(call(CORE_SUBJECTS.strategicPlanUpdate, { id: plan.id, mission: 'x', expectedVersion: 9999999999 }))).toBe('VALIDATION_FAILED');
      expect(await errorCodeOf(call(CORE_SUBJECTS.strategicPlanUpdate, { id: plan.id }))).toBe('VALIDATION_FAILED');
      expect(await errorCodeOf(call(CORE_SUBJECTS.strategicPlanUpdate, { id: plan.id, periodStart: 2051 }))).toBe('VALIDATION_FAILED');
      expect(await call(CORE_SUBJECTS.strategicPlanUpdate, { id: plan.id, periodStart: 2051, periodEnd: 2055 })).toMatchObject({ periodStart: 2051, periodEnd: 2055, version: 3 });
      expect(await errorCodeOf(call(CORE_SUBJECTS.strategicPlanUpdate, { id: plan.id, unknown: 1 }))).toBe('VALIDATION_FAILED');
      expect(await auditCount('strategic_plans', plan.id, 'update')).toBe(2);
      expect(await errorCodeOf(call(CORE_SUBJECTS.strategicPlanDelete, { id: plan.id, expectedVersion: 1 }))).toBe('PRECONDITION_FAILED');
      await call(CORE_SUBJECTS.strategicPlanDelete, { id: plan.id, expectedVersion: 3 });
      expect(await auditCount('strategic_plans', plan.id, 'delete')).toBe(1);
      expect(await core.sql(`SELECT id FROM core.strategic_plans WHERE id = $1`, [plan.id])).toEqual([]);
    });
    it('moves a plan to another OPD only while empty, and its period only while targets stay inside (409)', async () => {
      const plan = await createPlan({ opdId: opdA, periodStart: 2070, periodEnd: 2074, vision: 'v', mission: 'm' }, superAdmin);
      expect(await call(CORE_SUBJECTS.strategicPlanUpdate, { id: plan.id, opdId: opdB }, superAdmin)).toMatchObject({ opdId: opdB });
      expect(await errorCodeOf(call(CORE_SUBJECTS.strategicPlanUpdate, { id: plan.id, opdId: opdA }))).toBe('NOT_FOUND');
      const g = await createNode('goal', { strategicPlanId: plan.id, code: 'G', name: 'g' }, superAdmin);
      expect(await errorCodeOf(call(CORE_SUBJECTS.strategicPlanUpdate, { id: plan.id, opdId: opdA }, superAdmin))).toBe('INVALID_STATE');
      const indicator = await core.call<{ id: string }>(
        CORE_SUBJECTS.indicatorCreate,
        { parentType: 'goal', parentId: g.id, name: 'I', definition: 'd', formula: 'f', unit: '%', category: 'impact', isIku: true, frequency: 'annual', polarity: 'higher_better', aggregation: 'last' },
        superAdmin,
      );
      await core.call(CORE_SUBJECTS.targetPut, { id: indicator.id, year: 2070, annual: 1, periods: { Q1: 1, Q2: 1, Q3: 1, Q4: 1 } }, superAdmin);
      expect(await errorCodeOf(call(CORE_SUBJECTS.strategicPlanUpdate, { id: plan.id, periodStart: 2071, periodEnd: 2075 }, superAdmin))).toBe('INVALID_STATE');
      expect(await call(CORE_SUBJECTS.strategicPlanUpdate, { id: plan.id, vision: 'still fine' }, superAdmin)).toMatchObject({ vision: 'still fine', opdId: opdB });
      expect(await call(CORE_SUBJECTS.strategicPlanGet, { id: plan.id }, superAdmin)).toMatchObject({ periodStart: 2070 });
    });
    it.each(['budget_allocations', 'budget_realizations'])('refuses a period change that would strand a row of %s (409)', async (table) => {
      // An OPD of its own, so no other plan's period gets in the way.
      const opd = randomUUID();
      await core.sql(`INSERT INTO core.opds (id, code, name) VALUES ($1, $2, 'Dinas Budget')`, [opd, `BUD-${table}`]);
      const start = 2095;
      const plan = await createPlan({ opdId: opd, periodStart: start, periodEnd: start + 4, vision: 'v', mission: 'm' }, superAdmin);
      const node = randomUUID();
      await core.sql(`INSERT INTO core.plan_nodes (id, level, strategic_plan_id, opd_id, code, name) VALUES ($1, 'goal', $2, $3, 'G', 'g')`, [node, plan.id, opd]);
      const sub = randomUUID();
      await core.sql(`INSERT INTO core.plan_nodes (id, level, strategic_plan_id, parent_id, opd_id, code, name) VALUES ($1, 'sub_activity', $2, $3, $4, 'SK', 'sk')`, [sub, plan.id, node, opd]);
      await core.sql(
        table === 'budget_allocations'
          ? `INSERT INTO core.budget_allocations (id, node_type, node_id, opd_id, year, revision, pagu, source) VALUES ($1, 'sub_activity', $2, $3, $4, 'murni', 1, 'manual')`
          : `INSERT INTO core.budget_realizations (id, node_type, node_id, opd_id, year, month, amount, source) VALUES ($1, 'sub_activity', $2, $3, $4, 1, 1, 'manual')`,
        [randomUUID(), sub, opd, start],
      );
      const err = await failure(call(CORE_SUBJECTS.strategicPlanUpdate, { id: plan.id, periodStart: start + 1, periodEnd: start + 5 }, superAdmin));
      expect(err.code).toBe('INVALID_STATE');
      expect(await call(CORE_SUBJECTS.strategicPlanGet, { id: plan.id }, superAdmin)).toMatchObject({ periodStart: start, version: 1 });
    });
  });

  describe('plan nodes', () => {
    let goal: PlanNodeView;
    let objective: PlanNodeView;
    let program: PlanNodeView;
    let activity: PlanNodeView;
    let subActivity: PlanNodeView;

    beforeAll(async () => {
      goal = await createNode('goal', { strategicPlanId: planA.id, code: 'T1', name: 'Tujuan 1', order: 2 });
      objective = await createNode('objective', { goalId: goal.id, code: 'S1', name: 'Sasaran 1' });
      program = await createNode('program', { objectiveId: objective.id, code: 'P1', name: 'Program 1', sipdCode: '1.02.02' });
      activity = await createNode('activity', { programId: program.id, code: 'K1', name: 'Kegiatan 1', sipdCode: '1.02.02.2.01' });
      subActivity = await createNode('sub_activity', { activityId: activity.id, code: 'SK1', name: 'Sub kegiatan 1', sipdCode: '1.02.02.2.01.0001' });
    });

    it('creates every level with its parent field, the copied plan and OPD, and the parsed SIPD parts', async () => {
      const common = { strategicPlanId: planA.id, opdId: opdA, version: 1 };
      expect(goal).toMatchObject({ ...common, level: 'goal', parentId: null, code: 'T1', name: 'Tujuan 1', order: 2, sipdCode: null });
      expect(goal).not.toHaveProperty('goalId');
      expect(objective).toMatchObject({ ...common, level: 'objective', parentId: goal.id, goalId: goal.id, rpjmdObjectiveId: null, order: 0 });
      expect(program).toMatchObject({ ...common, level: 'program', objectiveId: objective.id, sipdCode: '1.02.02', kodeUrusan: '1', kodeBidang: '02', kodeProgram: '02' });
      expect(program).not.toHaveProperty('kodeGiat');
      expect(activity).toMatchObject({ ...common, level: 'activity', programId: program.id, kodeGiat: '2.01' });
      expect(subActivity).toMatchObject({ ...common, level: 'sub_activity', activityId: activity.id, kodeSubGiat: '0001', kodeGiat: '2.01', kodeProgram: '02' });
      for (const n of [goal, objective, program, activity, subActivity]) expect(await auditCount('plan_nodes', n.id, 'insert')).toBe(1);
    });

    it('gets each level only under its own path', async () => {
      for (const [level, node] of [['goal', goal], ['objective', objective], ['program', program], ['activity', activity], ['sub_activity', subActivity]] as const) {
        expect(await call(CORE_SUBJECTS.planNodeGet, { level, id: node.id })).toEqual(node);
      }
      expect(await errorCodeOf(call(CORE_SUBJECTS.planNodeGet, { level: 'goal', id: objective.id }))).toBe('NOT_FOUND');
    });

    it('lists each level by its parent field, plan, OPD and code', async () => {
      const byParent: Array<[Level, string, string, PlanNodeView]> = [
        ['goal', 'strategicPlanId', planA.id, goal],
        ['objective', 'goalId', goal.id, objective],
        ['program', 'objectiveId', objective.id, program],
        ['activity', 'programId', program.id, activity],
        ['sub_activity', 'activityId', activity.id, subActivity],
      ];
      for (const [level, field, value, node] of byParent) {
        const page = await call<Page<PlanNodeView>>(CORE_SUBJECTS.planNodeQuery, { level, [field]: value });
        expect(page.items.map((n) => n.id)).toEqual([node.id]);
      }
      const byCode = await call<Page<PlanNodeView>>(CORE_SUBJECTS.planNodeQuery, { level: 'program', code: 'P1', opdId: opdA });
      expect(byCode.items).toEqual([program]);
      expect(await errorCodeOf(call(CORE_SUBJECTS.planNodeQuery, { level: 'goal', goalId: goal.id }))).toBe('VALIDATION_FAILED');
      expect(await errorCodeOf(call(CORE_SUBJECTS.planNodeQuery, { level: 'goal', sort: 'sipdCode' }))).toBe('VALIDATION_FAILED');
    });

    it('updates any subset with If-Match; refuses the parent field, an empty update and a stale version', async () => {
      const g = await createNode('goal', { strategicPlanId: planA.id, code: 'TU', name: 'To update' });
      const updated = await call<PlanNodeView>(CORE_SUBJECTS.planNodeUpdate, { level: 'goal', id: g.id, name: 'Renamed', order: 5, expectedVersion: 1 });
      expect(updated).toMatchObject({ name: 'Renamed', order: 5, code: 'TU', version: 2 });
      expect(await errorCodeOf(call(CORE_SUBJECTS.planNodeUpdate, { level: 'goal', id: g.id, name: 'x', expectedVersion: 1 }))).toBe('PRECONDITION_FAILED');
      expect(await errorCodeOf(call(CORE_SUBJECTS.planNodeUpdate, { level: 'goal', id: g.id }))).toBe('VALIDATION_FAILED');
      expect(await errorCodeOf(call(CORE_SUBJECTS.planNodeUpdate, { level: 'goal', id: g.id, strategicPlanId: planA.id }))).toBe('VALIDATION_FAILED');
      expect(await errorCodeOf(call(CORE_SUBJECTS.planNodeUpdate, { level: 'objective', id: objective.id, goalId: g.id }))).toBe('VALIDATION_FAILED');
      expect(await errorCodeOf(call(CORE_SUBJECTS.planNodeUpdate, { level: 'goal', id: g.id, name: null }))).toBe('VALIDATION_FAILED');
      expect(await call(CORE_SUBJECTS.planNodeUpdate, { level: 'program', id: program.id, name: 'Program satu' })).toMatchObject({ name: 'Program satu', version: 2 });
      expect(await call(CORE_SUBJECTS.planNodeUpdate, { level: 'sub_activity', id: subActivity.id, code: 'SK1-b' })).toMatchObject({ code: 'SK1-b' });
      expect(await auditCount('plan_nodes', g.id, 'update')).toBe(1);
      await call(CORE_SUBJECTS.planNodeDelete, { level: 'goal', id: g.id, expectedVersion: 2 });
      expect(await auditCount('plan_nodes', g.id, 'delete')).toBe(1);
    });

    it('refuses a duplicate code at the same level of a plan (409) on create and update', async () => {
      expect(await errorCodeOf(createNode('goal', { strategicPlanId: planA.id, code: 'T1', name: 'dup' }))).toBe('CONFLICT');
      const other = await createNode('goal', { strategicPlanId: planA.id, code: 'T9', name: 'other' });
      expect(await errorCodeOf(call(CORE_SUBJECTS.planNodeUpdate, { level: 'goal', id: other.id, code: 'T1' }))).toBe('CONFLICT');
      // The same code is fine in another plan and at another level.
      await createNode('goal', { strategicPlanId: planB.id, code: 'T1', name: 'B' }, adminB);
      await createNode('objective', { goalId: other.id, code: 'T1', name: 'objective T1' });
    });

    it('checks SIPD codes per level and against the parent (400), and children against a new code (409)', async () => {
      const bad: Array<[Level, Record<string, unknown>]> = [
        ['program', { objectiveId: objective.id, code: 'PX', name: 'x', sipdCode: '1.2.02' }],
        ['program', { objectiveId: objective.id, code: 'PX', name: 'x', sipdCode: '1.02.02.2.01' }],
        ['activity', { programId: program.id, code: 'KX', name: 'x', sipdCode: '1.02.02' }],
        ['activity', { programId: program.id, code: 'KX', name: 'x', sipdCode: '1.02.03.2.01' }], // does not extend 1.02.02
        ['sub_activity', { activityId: activity.id, code: 'SX', name: 'x', sipdCode: '1.02.02.2.01.01' }],
        ['sub_activity', { activityId: activity.id, code: 'SX', name: 'x', sipdCode: '1.02.02.2.02.0001' }],
        ['goal', { strategicPlanId: planA.id, code: 'GX', name: 'x', sipdCode: '1.02.02' }],
      ];
      for (const [level, body] of bad) {
        const err = await failure(createNode(level, body));
        expect(err.code).toBe('VALIDATION_FAILED');
        expect(err.details).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'sipdCode' })]));
      }
      expect(Number((await core.sql(`SELECT count(*) AS n FROM core.plan_nodes WHERE code IN ('PX', 'KX', 'SX', 'GX')`))[0].n)).toBe(0);
      const err = await failure(createNode('program', { objectiveId: objective.id, code: 'PX', name: 'x', sipdCode: 'abc' }));
      expect(err.details[0].message).toContain('1.02.02');
      // X urusan/bidang; a child without a code under a coded parent is fine.
      await createNode('program', { objectiveId: objective.id, code: 'PX2', name: 'x', sipdCode: 'X.XX.01' });
      await createNode('activity', { programId: program.id, code: 'K-no-code', name: 'x' });
      expect(await errorCodeOf(call(CORE_SUBJECTS.planNodeUpdate, { level: 'activity', id: activity.id, sipdCode: '1.02.02.9' }))).toBe('VALIDATION_FAILED');
      expect(await errorCodeOf(call(CORE_SUBJECTS.planNodeUpdate, { level: 'program', id: program.id, sipdCode: '1.02.03' }))).toBe('CONFLICT');
      const same = await call<PlanNodeView>(CORE_SUBJECTS.planNodeUpdate, { level: 'activity', id: activity.id, sipdCode: '1.02.02.2.01' });
      expect(same).toMatchObject({ kodeGiat: '2.01' });
    });

    it('refuses to delete a node with children or indicators (409, nothing removed)', async () => {
      const withChildren = await errorCodeOf(call(CORE_SUBJECTS.planNodeDelete, { level: 'objective', id: objective.id }));
      expect(withChildren).toBe('CONFLICT');
      const leafWithIndicator = await createNode('sub_activity', { activityId: activity.id, code: 'SK-ind', name: 'with indicator' });
      await core.call(
        CORE_SUBJECTS.indicatorCreate,
        { parentType: 'sub_activity', parentId: leafWithIndicator.id, name: 'I', definition: 'd', formula: 'f', unit: '%', category: 'output', isIku: false, frequency: 'quarterly', polarity: 'higher_better', aggregation: 'sum' },
        adminA,
      );
      const err = await failure(call(CORE_SUBJECTS.planNodeDelete, { level: 'sub_activity', id: leafWithIndicator.id }));
      expect(err.code).toBe('CONFLICT');
      expect(err.message).toContain('indicator');
      expect(await errorCodeOf(call(CORE_SUBJECTS.strategicPlanDelete, { id: planA.id }))).toBe('CONFLICT');
      expect((await core.sql(`SELECT id FROM core.plan_nodes WHERE id = ANY($1)`, [[objective.id, leafWithIndicator.id]])).length).toBe(2);
    });

    it('hides OPD B’s nodes from admin_opd of A on read, write and in lists', async () => {
      const goalB = await createNode('goal', { strategicPlanId: planB.id, code: 'TB', name: 'Tujuan B' }, adminB);
      const objectiveB = await createNode('objective', { goalId: goalB.id, code: 'SB', name: 'Sasaran B' }, adminB);
      expect(await errorCodeOf(call(CORE_SUBJECTS.planNodeGet, { level: 'goal', id: goalB.id }))).toBe('NOT_FOUND');
      expect(await errorCodeOf(call(CORE_SUBJECTS.planNodeUpdate, { level: 'goal', id: goalB.id, name: 'x' }))).toBe('NOT_FOUND');
      expect(await errorCodeOf(call(CORE_SUBJECTS.planNodeDelete, { level: 'objective', id: objectiveB.id }))).toBe('NOT_FOUND');
      expect(await errorCodeOf(createNode('goal', { strategicPlanId: planB.id, code: 'TX', name: 'x' }))).toBe('NOT_FOUND');
      expect(await errorCodeOf(createNode('objective', { goalId: goalB.id, code: 'SX', name: 'x' }))).toBe('NOT_FOUND');
      const goals = await call<Page<PlanNodeView>>(CORE_SUBJECTS.planNodeQuery, { level: 'goal', limit: 100 });
      expect(goals.items.every((g) => g.opdId === opdA || g.opdId === null)).toBe(true);
      expect(goals.items.some((g) => g.id === goalB.id)).toBe(false);
      expect((await call<Page<PlanNodeView>>(CORE_SUBJECTS.planNodeQuery, { level: 'goal', strategicPlanId: planB.id })).items).toEqual([]);
      expect(await errorCodeOf(call(CORE_SUBJECTS.planNodeQuery, { level: 'goal', opdId: opdB }))).toBe('NOT_FOUND');
      expect(await errorCodeOf(call(CORE_SUBJECTS.planNodeQuery, { level: 'objective', opdId: opdB }, viewerA))).toBe('NOT_FOUND');
      // Pemda-wide callers see B's.
      expect((await call<Page<PlanNodeView>>(CORE_SUBJECTS.planNodeQuery, { level: 'goal', opdId: opdB }, evaluator)).items.map((g) => g.id)).toContain(goalB.id);
    });

    it('refuses node writes by viewer, evaluator and a key without plans:write (403)', async () => {
      for (const who of [viewerA, evaluator, readOnlyKeyA]) {
        expect(await errorCodeOf(createNode('goal', { strategicPlanId: planA.id, code: 'T403', name: 'x' }, who))).toBe('FORBIDDEN');
        expect(await errorCodeOf(call(CORE_SUBJECTS.planNodeUpdate, { level: 'goal', id: goal.id, name: 'x' }, who))).toBe('FORBIDDEN');
        expect(await errorCodeOf(call(CORE_SUBJECTS.planNodeDelete, { level: 'goal', id: goal.id }, who))).toBe('FORBIDDEN');
      }
      expect(await call(CORE_SUBJECTS.planNodeGet, { level: 'goal', id: goal.id }, viewerA)).toMatchObject({ id: goal.id });
    });
  });

  describe('RPJMD and links to it', () => {
    let rpjmdGoal: PlanNodeView;
    let rpjmdObjective: PlanNodeView;
    let opdGoal: PlanNodeView;

    beforeAll(async () => {
      rpjmdGoal = await createNode('goal', { strategicPlanId: rpjmd.id, code: 'RG1', name: 'Tujuan RPJMD' }, superAdmin);
      rpjmdObjective = await createNode('objective', { goalId: rpjmdGoal.id, code: 'RS1', name: 'Sasaran RPJMD' }, superAdmin);
      opdGoal = await createNode('goal', { strategicPlanId: planA.id, code: 'T-link', name: 'Tujuan link' });
    });

    it('lets super_admin write the RPJMD tree, and admin_opd only read it (403 on write)', async () => {
      expect(rpjmdObjective).toMatchObject({ opdId: null, strategicPlanId: rpjmd.id });
      expect(await errorCodeOf(createNode('objective', { goalId: rpjmdGoal.id, code: 'RS2', name: 'x' }))).toBe('FORBIDDEN');
      expect(await errorCodeOf(call(CORE_SUBJECTS.planNodeUpdate, { level: 'goal', id: rpjmdGoal.id, name: 'x' }))).toBe('FORBIDDEN');
      expect(await errorCodeOf(call(CORE_SUBJECTS.planNodeDelete, { level: 'objective', id: rpjmdObjective.id }))).toBe('FORBIDDEN');
      expect(await call(CORE_SUBJECTS.planNodeGet, { level: 'objective', id: rpjmdObjective.id })).toEqual(rpjmdObjective);
      const listed = await call<Page<PlanNodeView>>(CORE_SUBJECTS.planNodeQuery, { level: 'objective', strategicPlanId: rpjmd.id });
      expect(listed.items.map((o) => o.id)).toEqual([rpjmdObjective.id]);
      const tree = await call<StrategicPlanTreeView>(CORE_SUBJECTS.strategicPlanTree, { id: rpjmd.id });
      expect(tree.goals[0].objectives[0].id).toBe(rpjmdObjective.id);
    });

    it('links an OPD sasaran to an overlapping RPJMD sasaran only (400 otherwise), and blocks deleting the linked one (409)', async () => {
      const linked = await createNode('objective', { goalId: opdGoal.id, code: 'S-link', name: 'linked', rpjmdObjectiveId: rpjmdObjective.id });
      expect(linked.rpjmdObjectiveId).toBe(rpjmdObjective.id);
      const opdObjective = await createNode('objective', { goalId: opdGoal.id, code: 'S-plain', name: 'plain' });
      expect(await errorCodeOf(createNode('objective', { goalId: opdGoal.id, code: 'S-bad1', name: 'x', rpjmdObjectiveId: opdObjective.id }))).toBe('VALIDATION_FAILED');
      expect(await errorCodeOf(createNode('objective', { goalId: opdGoal.id, code: 'S-bad2', name: 'x', rpjmdObjectiveId: rpjmdGoal.id }))).toBe('VALIDATION_FAILED');
      expect(await errorCodeOf(createNode('objective', { goalId: opdGoal.id, code: 'S-bad3', name: 'x', rpjmdObjectiveId: randomUUID() }))).toBe('VALIDATION_FAILED');
      expect(await errorCodeOf(createNode('program', { objectiveId: opdObjective.id, code: 'P-bad', name: 'x', rpjmdObjectiveId: rpjmdObjective.id }))).toBe('VALIDATION_FAILED');

      // An RPJMD that does not overlap the OPD plan's period.
      const oldRpjmd = await createPlan({ opdId: null, periodStart: 2015, periodEnd: 2019, vision: 'v', mission: 'm' }, superAdmin);
      const oldGoal = await createNode('goal', { strategicPlanId: oldRpjmd.id, code: 'OG', name: 'x' }, superAdmin);
      const oldObjective = await createNode('objective', { goalId: oldGoal.id, code: 'OS', name: 'x' }, superAdmin);
      const err = await failure(call(CORE_SUBJECTS.planNodeUpdate, { level: 'objective', id: opdObjective.id, rpjmdObjectiveId: oldObjective.id }));
      expect(err.code).toBe('VALIDATION_FAILED');
      expect(err.details[0]).toMatchObject({ field: 'rpjmdObjectiveId', message: expect.stringContaining('does not overlap') });
      expect(await call(CORE_SUBJECTS.planNodeUpdate, { level: 'objective', id: opdObjective.id, rpjmdObjectiveId: rpjmdObjective.id })).toMatchObject({ rpjmdObjectiveId: rpjmdObjective.id });
      expect(await call(CORE_SUBJECTS.planNodeUpdate, { level: 'objective', id: opdObjective.id, rpjmdObjectiveId: null })).toMatchObject({ rpjmdObjectiveId: null });

      // An RPJMD sasaran cannot serve another RPJMD sasaran.
      expect(await errorCodeOf(createNode('objective', { goalId: rpjmdGoal.id, code: 'RS-self', name: 'x', rpjmdObjectiveId: rpjmdObjective.id }, superAdmin))).toBe('VALIDATION_FAILED');

      const del = await failure(call(CORE_SUBJECTS.planNodeDelete, { level: 'objective', id: rpjmdObjective.id }, superAdmin));
      expect(del.code).toBe('CONFLICT');
      expect(del.message).toContain('RPJMD sasaran');
      // Moving the RPJMD so it no longer overlaps the linked OPD plan is refused too.
      expect(await errorCodeOf(call(CORE_SUBJECTS.strategicPlanUpdate, { id: rpjmd.id, periodStart: 2035, periodEnd: 2039 }, superAdmin))).toBe('INVALID_STATE');
    });
  });

  describe('overlapping five-year plans', () => {
    const newOpd = async () => {
      const id = randomUUID();
      await core.sql(`INSERT INTO core.opds (id, code, name) VALUES ($1, $2, 'Dinas')`, [id, `O-${id.slice(0, 8)}`]);
      return id;
    };
    const plan = (opdId: string | null, periodStart: number) => ({ opdId, periodStart, periodEnd: periodStart + 4, vision: 'v', mission: 'm' });
    const plansOf = async (opdId: string) => (await core.sql(`SELECT period_start FROM core.strategic_plans WHERE opd_id = $1 ORDER BY period_start`, [opdId])).map((r) => r.period_start);
    /** Resolves once a statement of the core service waits for a lock in this test's database. */
    const someoneWaits = async () => {
      for (let i = 0; i < 200; i++) {
        const [row] = await core.sql(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`);
        if (row.n > 0) return;
        await new Promise((r) => setTimeout(r, 25));
      }
      throw new Error('nobody waited for the lock');
    };

    it('refuses a plan overlapping another of the same OPD (409 naming it); adjacent periods and other OPDs are fine', async () => {
      const opd = await newOpd();
      const first = await createPlan(plan(opd, 2025), superAdmin);
      for (const start of [2021, 2027, 2029]) {
        const err = await failure(createPlan(plan(opd, start), superAdmin));
        expect(err.code).toBe('CONFLICT');
        expect(err.message).toContain(first.id);
        expect(err.details).toEqual([{ field: 'periodStart', message: `overlaps strategic plan ${first.id} (2025–2029)`, planId: first.id }]);
      }
      expect(await createPlan(plan(opd, 2030), superAdmin)).toMatchObject({ periodStart: 2030 });
      expect(await createPlan(plan(opd, 2020), superAdmin)).toMatchObject({ periodStart: 2020 });
      expect(await createPlan(plan(await newOpd(), 2027), superAdmin)).toMatchObject({ periodStart: 2027 });
      expect(await plansOf(opd)).toEqual([2020, 2025, 2030]);
    });

    it('refuses an overlapping RPJMD the same way', async () => {
      const err = await failure(createPlan(plan(null, 2027), superAdmin));
      expect(err.code).toBe('CONFLICT');
      expect(err.details[0]).toMatchObject({ planId: rpjmd.id });
      expect(err.message).toContain('RPJMD');
    });

    it('refuses a period or OPD change onto an overlapping plan; the plan itself never counts', async () => {
      const opd = await newOpd();
      const other = await newOpd();
      const x = await createPlan(plan(opd, 2080), superAdmin);
      const y = await createPlan(plan(opd, 2090), superAdmin);
      const z = await createPlan(plan(other, 2086), superAdmin);
      const err = await failure(call(CORE_SUBJECTS.strategicPlanUpdate, { id: y.id, periodStart: 2083, periodEnd: 2087 }, superAdmin));
      expect(err.code).toBe('CONFLICT');
      expect(err.details[0]).toMatchObject({ planId: x.id });
      expect(await call(CORE_SUBJECTS.strategicPlanUpdate, { id: y.id, periodStart: 2085, periodEnd: 2089 }, superAdmin)).toMatchObject({ periodStart: 2085, version: 2 });
      expect(await call(CORE_SUBJECTS.strategicPlanUpdate, { id: y.id, periodStart: 2086, periodEnd: 2090 }, superAdmin)).toMatchObject({ periodStart: 2086, version: 3 });
      const moved = await failure(call(CORE_SUBJECTS.strategicPlanUpdate, { id: y.id, opdId: other }, superAdmin));
      expect(moved.code).toBe('CONFLICT');
      expect(moved.details[0]).toMatchObject({ planId: z.id });
      expect(await plansOf(opd)).toEqual([2080, 2086]);
      expect(await auditCount('strategic_plans', y.id, 'update')).toBe(2);
    });

    it('is race-free: a create waits for the OPD lock of a concurrent plan write, then sees its plan', async () => {
      const opd = await newOpd();
      const heldId = randomUUID();
      const pending = await withPgClient(core.stack.db.adminUrl, async (c) => {
        await c.query('BEGIN');
        await lockPlanOwner(c, opd);
        await c.query(`INSERT INTO core.strategic_plans (id, opd_id, period_start, period_end, vision, mission) VALUES ($1, $2, 2090, 2094, 'v', 'm')`, [heldId, opd]);
        const create = failure(createPlan(plan(opd, 2092), superAdmin));
        await someoneWaits();
        await c.query('COMMIT');
        return create;
      });
      expect(pending.code).toBe('CONFLICT');
      expect(pending.details[0]).toMatchObject({ planId: heldId });
      expect(await plansOf(opd)).toEqual([2090]);
    });

    it('lets exactly one of several concurrent overlapping creates win', async () => {
      const opd = await newOpd();
      const results = await Promise.allSettled([2060, 2061, 2062, 2063, 2064].map((start) => createPlan(plan(opd, start), superAdmin)));
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      expect(results.flatMap((r) => (r.status === 'rejected' ? [(r.reason as DomainError).code] : []))).toEqual(['CONFLICT', 'CONFLICT', 'CONFLICT', 'CONFLICT']);
      expect(await plansOf(opd)).toHaveLength(1);
    });
  });

  describe('tree', () => {
    it('returns the plan with every level nested in order then code, each node with its indicators', async () => {
      const plan = await createPlan({ opdId: opdA, periodStart: 2060, periodEnd: 2064, vision: 'Tree', mission: 'Tree' });
      const g2 = await createNode('goal', { strategicPlanId: plan.id, code: 'B', name: 'second by code', order: 1 });
      const g1 = await createNode('goal', { strategicPlanId: plan.id, code: 'C', name: 'first by order', order: 0 });
      const g3 = await createNode('goal', { strategicPlanId: plan.id, code: 'A', name: 'third by order', order: 2 });
      const g2a = await createNode('goal', { strategicPlanId: plan.id, code: 'AB', name: 'same order as B, earlier code', order: 1 });
      const o = await createNode('objective', { goalId: g1.id, code: '1', name: 'o' });
      const p = await createNode('program', { objectiveId: o.id, code: '1', name: 'p', sipdCode: '2.01.01' });
      const a = await createNode('activity', { programId: p.id, code: '1', name: 'a', sipdCode: '2.01.01.1.01' });
      const s = await createNode('sub_activity', { activityId: a.id, code: '1', name: 's', sipdCode: '2.01.01.1.01.0002' });
      const base = { definition: 'd', formula: 'f', unit: '%', category: 'outcome', isIku: true, frequency: 'annual', polarity: 'higher_better', aggregation: 'last' };
      const onObjective = await core.call<{ id: string }>(CORE_SUBJECTS.indicatorCreate, { ...base, parentType: 'objective', parentId: o.id, name: 'IKU' }, adminA);
      const onSub = await core.call<{ id: string }>(CORE_SUBJECTS.indicatorCreate, { ...base, parentType: 'sub_activity', parentId: s.id, name: 'Output' }, adminA);

      const tree = await call<StrategicPlanTreeView>(CORE_SUBJECTS.strategicPlanTree, { id: plan.id });
      expect(tree).toMatchObject({ id: plan.id, opdId: opdA, periodStart: 2060, vision: 'Tree' });
      expect(tree.goals.map((g) => g.id)).toEqual([g1.id, g2a.id, g2.id, g3.id]);
      const objective = tree.goals[0].objectives[0];
      expect(objective).toMatchObject({ id: o.id, goalId: g1.id, indicators: [{ id: onObjective.id, objectiveId: o.id }] });
      const sub = objective.programs[0].activities[0].subActivities[0];
      expect(sub).toMatchObject({ id: s.id, kodeSubGiat: '0002', indicators: [{ id: onSub.id, objectiveId: o.id }] });
      expect(tree.goals[2]).toMatchObject({ objectives: [], indicators: [] });
      expect(objective.programs[0].indicators).toEqual([]);
    });
  });
});
