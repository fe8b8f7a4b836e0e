import {
  CORE_SUBJECTS,
  ErrorCode,
  Role,
  type BudgetAllocationView,
  type BudgetRealizationView,
  type BudgetSummaryPage,
  type BudgetSummaryRowView,
  type BudgetUpsertResult,
  type CallerIdentity,
  type Page,
  type SettingsView,
} from '@sakip/contracts';
import { randomUUID } from 'node:crypto';
import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';
import { ReadCache } from '../src/cache/read-cache';
import { seedOpd, seedPlan, type SeededPlan } from './achievement-fixtures';
import { apiKeyAs, callerAs, errorCodeOf, startCore, type CoreHarness } from './core-harness';

const S = CORE_SUBJECTS;
// Each part of the suite works in its own year of the 2025–2029 Renstra, so they do not see each other's rows.
const CRUD_YEAR = 2025;
const SUMMARY_YEAR = 2026;
const SYNC_YEAR = 2027;
const LOCKED_YEAR = 2028;

/** A DomainError's code and the fields its details name. */
async function failure(p: Promise<unknown>): Promise<{ code: string; fields: string[] }> {
  try {
    await p;
  } catch (err) {
    const e = err as { code: string; details?: Array<{ field?: string }> };
    return { code: e.code, fields: (e.details ?? []).map((d) => d.field ?? '') };
  }
  throw new Error('expected the call to fail');
}

describe('budget (integration)', () => {
  let core: CoreHarness;
  let opdA: string;
  let opdB: string;
  let planA: SeededPlan;
  let planB: SeededPlan;
  let adminA: CallerIdentity;
  const superAdmin = callerAs(Role.SuperAdmin);
  const node: Record<string, string> = {};

  /** A program → activity → sub-activity node under the plan's objective (or under `parent`). */
  const addNode = async (plan: SeededPlan, level: 'program' | 'activity' | 'sub_activity', parent: string, code: string, sipdCode: string | null): Promise<string> => {
    const id = randomUUID();
    await core.sql(
      `INSERT INTO core.plan_nodes (id, level, strategic_plan_id, parent_id, opd_id, code, name, sipd_code) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [id, level, plan.planId, parent, plan.opdId, code, `${level} ${code}`, sipdCode],
    );
    return id;
  };
  const addIndicator = async (plan: SeededPlan, parentType: string, parentId: string, frequency: string, weight: string): Promise<string> => {
    const id = randomUUID();
    await core.sql(
      `INSERT INTO core.indicators (id, parent_type, parent_id, strategic_plan_id, objective_id, opd_id, name, definition, formula, unit, category, weight, frequency, polarity, aggregation)
       VALUES ($1, $2, $3, $4, $5, $6, 'Indikator', 'd', 'f', 'persen', 'output', $7, $8, 'higher_better', 'sum')`,
      [id, parentType, parentId, plan.planId, plan.objectiveId, plan.opdId, weight, frequency],
    );
    return id;
  };
  const addTargets = (indicatorId: string, year: number, annual: string, periods: Record<string, string>) =>
    core.sql(
      `WITH t AS (INSERT INTO core.indicator_targets (indicator_id, year, annual) VALUES ($1, $2, $3) RETURNING indicator_id, year)
       INSERT INTO core.indicator_target_periods (indicator_id, year, period, value) SELECT t.indicator_id, t.year, p.k, p.v FROM t, unnest($4::text[], $5::numeric[]) AS p(k, v)`,
      [indicatorId, year, annual, Object.keys(periods), Object.values(periods)],
    );
  const achieve = (indicatorId: string, opdId: string, year: number, period: string, realization: string, status: string) =>
    core.sql(`INSERT INTO core.achievements (id, indicator_id, opd_id, year, period, realization, status, input_by) VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, $6, 'user:seed')`, [
      indicatorId,
      opdId,
      year,
      period,
      realization,
      status,
    ]);
  const lock = (year: number, period: string) => core.sql(`INSERT INTO core.periods (year, period, locked_at, locked_by) VALUES ($1, $2, now(), 'user:seed')`, [year, period]);
  const audits = (table: string) => core.sql(`SELECT operation, table_name, row_id, actor, old_values, new_values FROM core.audit_log WHERE table_name = $1 ORDER BY occurred_at, id`, [table]);
  const count = async (table: string) => Number((await core.sql(`SELECT count(*) AS n FROM core.${table}`))[0].n);

  const createAllocation = (body: Record<string, unknown>, who: CallerIdentity = superAdmin) => core.call<BudgetAllocationView>(S.budgetAllocationCreate, body, who);
  const createRealization = (body: Record<string, unknown>, who: CallerIdentity = adminA) => core.call<BudgetRealizationView>(S.budgetRealizationCreate, body, who);
  const summary = (q: Record<string, unknown>, who: CallerIdentity = superAdmin) => core.call<BudgetSummaryPage>(S.budgetSummary, { year: SUMMARY_YEAR, limit: 100, ...q }, who);
  const upsert = (body: Record<string, unknown>, who: CallerIdentity | null = null) => core.call<BudgetUpsertResult>(S.budgetUpsert, body, who);

  beforeAll(async () => {
    core = await startCore();
    opdA = await seedOpd(core, 'A');
    opdB = await seedOpd(core, 'B');
    adminA = callerAs(Role.AdminOpd, opdA);
    planA = await seedPlan(core, opdA);
    planB = await seedPlan(core, opdB);
    node.program = await addNode(planA, 'program', planA.objectiveId, 'P1', '1.02.02');
    node.activity = await addNode(planA, 'activity', node.program, 'K1', '1.02.02.2.01');
    node.sub1 = await addNode(planA, 'sub_activity', node.activity, 'SK1', '1.02.02.2.01.0001');
    node.sub2 = await addNode(planA, 'sub_activity', node.activity, 'SK2', '1.02.02.2.01.0002');
    node.sub3 = await addNode(planA, 'sub_activity', node.activity, 'SK3', null);
    const programB = await addNode(planB, 'program', planB.objectiveId, 'P1', '2.01.01');
    const activityB = await addNode(planB, 'activity', programB, 'K1', '2.01.01.2.01');
    node.subB = await addNode(planB, 'sub_activity', activityB, 'SK1', '2.01.01.2.01.0001');
    // The same sub-kegiatan code in both OPDs' Renstras: the sync cannot tell which is meant.
    node.sharedA = await addNode(planA, 'sub_activity', node.activity, 'SK9', '1.02.02.2.01.0009');
    node.sharedB = await addNode(planB, 'sub_activity', activityB, 'SK9', '1.02.02.2.01.0009');
    const rpjmd = await seedPlan(core, null);
    node.rpjmdProgram = await addNode(rpjmd, 'program', rpjmd.objectiveId, 'P1', null);
  });
  afterAll(() => core?.close());

  describe('allocations', () => {
    it('creates, reads, updates with If-Match and deletes (super_admin), money as 2-decimal strings, audited', async () => {
      const created = await createAllocation({ nodeType: 'sub_activity', nodeId: node.sub1, year: CRUD_YEAR, revision: 'murni', pagu: '1250000000' });
      expect(created).toEqual({
        id: expect.any(String),
        nodeType: 'sub_activity',
        nodeId: node.sub1,
        opdId: opdA,
        year: CRUD_YEAR,
        revision: 'murni',
        pagu: '1250000000.00',
        sipdCode: '1.02.02.2.01.0001',
        source: 'manual',
        version: 1,
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
      });
      expect(await core.call(S.budgetAllocationGet, { id: created.id }, adminA)).toEqual(created);

      expect(await errorCodeOf(core.call(S.budgetAllocationUpdate, { id: created.id, pagu: '1.00', expectedVersion: 9 }, superAdmin))).toBe(ErrorCode.PreconditionFailed);
      const updated = await core.call<BudgetAllocationView>(S.budgetAllocationUpdate, { id: created.id, pagu: '1300000000.5', expectedVersion: 1 }, superAdmin);
      expect(updated).toMatchObject({ pagu: '1300000000.50', version: 2, sipdCode: '1.02.02.2.01.0001' });

      expect(await errorCodeOf(createAllocation({ nodeType: 'sub_activity', nodeId: node.sub1, year: CRUD_YEAR, revision: 'murni', pagu: '1.00' }))).toBe(ErrorCode.Conflict);

      await core.call(S.budgetAllocationDelete, { id: created.id, expectedVersion: 2 }, superAdmin);
      expect(await errorCodeOf(core.call(S.budgetAllocationGet, { id: created.id }, superAdmin))).toBe(ErrorCode.NotFound);

      const trail = (await audits('budget_allocations')).filter((a) => a.row_id === created.id);
      expect(trail.map((a) => a.operation)).toEqual(['insert', 'update', 'delete']);
      expect(trail[1]).toMatchObject({ actor: superAdmin.actor, old_values: { pagu: '1250000000.00' }, new_values: { pagu: '1300000000.50' } });
    });

    it('keeps pagu of 1e15 scale exact', async () => {
      const a = await createAllocation({ nodeType: 'program', nodeId: node.program, year: CRUD_YEAR, revision: 'perubahan', pagu: '9999999999999999.99' });
      expect(a.pagu).toBe('9999999999999999.99');
      expect((await core.sql(`SELECT pagu::text AS p FROM core.budget_allocations WHERE id = $1`, [a.id]))[0].p).toBe('9999999999999999.99');
      await core.call(S.budgetAllocationDelete, { id: a.id }, superAdmin);
    });

    it.each([
      ['admin_opd', () => callerAs(Role.AdminOpd, opdA)],
      ['evaluator', () => callerAs(Role.Evaluator)],
      ['viewer', () => callerAs(Role.Viewer)],
      ['a super_admin key without budget:write', () => apiKeyAs(Role.SuperAdmin, null, ['budget:read'])],
    ])('refuses allocation writes by %s (403 before any lookup)', async (_label, who) => {
      const before = await count('budget_allocations');
      expect(await errorCodeOf(createAllocation({ nodeType: 'sub_activity', nodeId: randomUUID(), year: CRUD_YEAR, revision: 'murni', pagu: '1.00' }, who()))).toBe(ErrorCode.Forbidden);
      expect(await errorCodeOf(core.call(S.budgetAllocationUpdate, { id: randomUUID(), pagu: '1.00' }, who()))).toBe(ErrorCode.Forbidden);
      expect(await errorCodeOf(core.call(S.budgetAllocationDelete, { id: randomUUID() }, who()))).toBe(ErrorCode.Forbidden);
      expect(await count('budget_allocations')).toBe(before);
    });

    it('lets a super_admin key with budget:write allocate', async () => {
      const a = await createAllocation({ nodeType: 'activity', nodeId: node.activity, year: CRUD_YEAR, revision: 'murni', pagu: '10' }, apiKeyAs(Role.SuperAdmin, null, ['budget:write']));
      expect(a).toMatchObject({ pagu: '10.00', sipdCode: '1.02.02.2.01' });
      await core.call(S.budgetAllocationDelete, { id: a.id }, superAdmin);
    });

    it.each([
      ['a negative pagu', { pagu: '-1.00' }, 'pagu'],
      ['three decimals', { pagu: '1.005' }, 'pagu'],
      ['a number instead of a string', { pagu: 1000 }, 'pagu'],
      ['17 integer digits', { pagu: '12345678901234567' }, 'pagu'],
      ['an unknown revision', { revision: 'final' }, 'revision'],
      ['a level other than the node\'s', { nodeType: 'activity' }, 'nodeType'],
      ['a year outside the plan', { year: 2030 }, 'year'],
      ['a SIPD code of another level', { sipdCode: '1.02.02' }, 'sipdCode'],
      ['a server-set field', { source: 'sipd' }, 'source'],
      ['a malformed node id', { nodeId: 'x' }, 'nodeId'],
    ])('refuses %s with 400 naming the field, writing nothing', async (_label, over, field) => {
      const before = await count('budget_allocations');
      const f = await failure(createAllocation({ nodeType: 'sub_activity', nodeId: node.sub1, year: CRUD_YEAR, revision: 'murni', pagu: '1.00', ...over }));
      expect(f.code).toBe(ErrorCode.ValidationFailed);
      expect(f.fields).toContain(field);
      expect(await count('budget_allocations')).toBe(before);
    });

    it('refuses null for an optional field (400 naming it), writing nothing', async () => {
      const a = await createAllocation({ nodeType: 'sub_activity', nodeId: node.sub2, year: CRUD_YEAR, revision: 'murni', pagu: '5.00' });
      const allocations = await count('budget_allocations');
      const auditCount = await count('audit_log');
      const created = await failure(createAllocation({ nodeType: 'sub_activity', nodeId: node.sub2, year: CRUD_YEAR, revision: 'perubahan', pagu: '1.00', sipdCode: null }));
      expect(created).toMatchObject({ code: ErrorCode.ValidationFailed, fields: expect.arrayContaining(['sipdCode']) });
      for (const [over, field] of [
        [{ pagu: null }, 'pagu'],
        [{ sipdCode: null }, 'sipdCode'],
      ] as const) {
        const f = await failure(core.call(S.budgetAllocationUpdate, { id: a.id, ...over }, superAdmin));
        expect(f).toMatchObject({ code: ErrorCode.ValidationFailed, fields: expect.arrayContaining([field]) });
      }
      expect(await count('budget_allocations')).toBe(allocations);
      expect(await count('audit_log')).toBe(auditCount);
      expect(await core.call(S.budgetAllocationGet, { id: a.id }, superAdmin)).toMatchObject({ pagu: '5.00', sipdCode: '1.02.02.2.01.0002', version: 1 });
      await core.call(S.budgetAllocationDelete, { id: a.id }, superAdmin);
    });

    it('refuses creating, changing or deleting an allocation of a locked year (409), writing nothing', async () => {
      const a = await createAllocation({ nodeType: 'sub_activity', nodeId: node.sub1, year: LOCKED_YEAR, revision: 'murni', pagu: '7.00' });
      await lock(LOCKED_YEAR, 'Y');
      const auditCount = await count('audit_log');
      const refused = await failure(createAllocation({ nodeType: 'sub_activity', nodeId: node.sub2, year: LOCKED_YEAR, revision: 'murni', pagu: '1.00' }));
      expect(refused.code).toBe(ErrorCode.InvalidState);
      expect(await errorCodeOf(core.call(S.budgetAllocationUpdate, { id: a.id, pagu: '8.00' }, superAdmin))).toBe(ErrorCode.InvalidState);
      expect(await errorCodeOf(core.call(S.budgetAllocationDelete, { id: a.id }, superAdmin))).toBe(ErrorCode.InvalidState);
      await expect(core.call(S.budgetAllocationUpdate, { id: a.id, pagu: '8.00' }, superAdmin)).rejects.toMatchObject({ message: expect.stringContaining('budget allocations') });
      expect(await core.call(S.budgetAllocationGet, { id: a.id }, superAdmin)).toMatchObject({ pagu: '7.00', version: 1 });
      expect(await core.sql(`SELECT count(*)::int AS n FROM core.budget_allocations WHERE year = $1`, [LOCKED_YEAR])).toEqual([{ n: 1 }]);
      expect(await count('audit_log')).toBe(auditCount);
    });

    it('refuses a node of the RPJMD (400) and answers 404 for an unknown node', async () => {
      expect((await failure(createAllocation({ nodeType: 'program', nodeId: node.rpjmdProgram, year: CRUD_YEAR, revision: 'murni', pagu: '1.00' }))).fields).toContain('nodeId');
      expect(await errorCodeOf(createAllocation({ nodeType: 'program', nodeId: randomUUID(), year: CRUD_YEAR, revision: 'murni', pagu: '1.00' }))).toBe(ErrorCode.NotFound);
    });

    it('lists with filters and sorts, limited to the caller\'s OPD; a foreign OPD or row → 404', async () => {
      const a1 = await createAllocation({ nodeType: 'sub_activity', nodeId: node.sub1, year: CRUD_YEAR, revision: 'murni', pagu: '300.00' });
      const a2 = await createAllocation({ nodeType: 'sub_activity', nodeId: node.sub1, year: CRUD_YEAR, revision: 'perubahan', pagu: '200.00' });
      const b1 = await createAllocation({ nodeType: 'sub_activity', nodeId: node.subB, year: CRUD_YEAR, revision: 'murni', pagu: '100.00' });

      const all = await core.call<Page<BudgetAllocationView>>(S.budgetAllocationQuery, { year: CRUD_YEAR, sort: 'pagu' }, superAdmin);
      expect(all.items.map((a) => a.id)).toEqual([b1.id, a2.id, a1.id]);
      const own = await core.call<Page<BudgetAllocationView>>(S.budgetAllocationQuery, { year: CRUD_YEAR, sort: '-pagu' }, adminA);
      expect(own.items.map((a) => a.id)).toEqual([a1.id, a2.id]);
      const filtered = await core.call<Page<BudgetAllocationView>>(S.budgetAllocationQuery, { nodeId: node.sub1, revision: 'perubahan' }, callerAs(Role.Evaluator));
      expect(filtered).toMatchObject({ total: 1, items: [{ id: a2.id }] });
      expect((await core.call<Page<BudgetAllocationView>>(S.budgetAllocationQuery, { opdId: opdB }, callerAs(Role.Viewer))).items.map((a) => a.id)).toEqual([b1.id]);

      expect(await errorCodeOf(core.call(S.budgetAllocationQuery, { opdId: opdB }, adminA))).toBe(ErrorCode.NotFound);
      expect(await errorCodeOf(core.call(S.budgetAllocationGet, { id: b1.id }, adminA))).toBe(ErrorCode.NotFound);
      expect(await errorCodeOf(core.call(S.budgetAllocationGet, { id: b1.id }, callerAs(Role.Viewer, opdA)))).toBe(ErrorCode.NotFound);
      expect(await errorCodeOf(core.call(S.budgetAllocationQuery, { sort: 'nodeId' }, superAdmin))).toBe(ErrorCode.ValidationFailed);
      expect(await errorCodeOf(core.call(S.budgetAllocationQuery, {}, apiKeyAs(Role.AdminOpd, opdA, ['plans:read'])))).toBe(ErrorCode.Forbidden);

      for (const a of [a1, a2, b1]) await core.call(S.budgetAllocationDelete, { id: a.id }, superAdmin);
    });

    it('keeps a node with budget rows from being deleted (409 through the foreign key)', async () => {
      const a = await createAllocation({ nodeType: 'sub_activity', nodeId: node.sub2, year: CRUD_YEAR, revision: 'murni', pagu: '1.00' });
      expect(await errorCodeOf(core.call(S.planNodeDelete, { id: node.sub2, level: 'sub_activity' }, superAdmin))).toBe(ErrorCode.Conflict);
      await core.call(S.budgetAllocationDelete, { id: a.id }, superAdmin);
    });
  });

  describe('realizations', () => {
    it('lets admin_opd write its own OPD\'s months, with the cumulative computed exactly', async () => {
      const m1 = await createRealization({ nodeType: 'sub_activity', nodeId: node.sub1, year: CRUD_YEAR, month: 1, amount: '0.10' });
      const m2 = await createRealization({ nodeType: 'sub_activity', nodeId: node.sub1, year: CRUD_YEAR, month: 2, amount: '0.2' });
      expect(m1).toEqual({
        id: expect.any(String),
        nodeType: 'sub_activity',
        nodeId: node.sub1,
        opdId: opdA,
        year: CRUD_YEAR,
        month: 1,
        amount: '0.10',
        cumulative: '0.10',
        source: 'manual',
        version: 1,
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
      });
      expect(m2).toMatchObject({ amount: '0.20', cumulative: '0.30' });

      const updated = await core.call<BudgetRealizationView>(S.budgetRealizationUpdate, { id: m1.id, amount: '0.15', expectedVersion: 1 }, adminA);
      expect(updated).toMatchObject({ amount: '0.15', cumulative: '0.15', version: 2 });
      expect(await core.call(S.budgetRealizationGet, { id: m2.id }, callerAs(Role.Viewer, opdA))).toMatchObject({ cumulative: '0.35' });
      expect(await errorCodeOf(core.call(S.budgetRealizationUpdate, { id: m1.id, amount: '1.00', expectedVersion: 1 }, adminA))).toBe(ErrorCode.PreconditionFailed);
      expect(await errorCodeOf(createRealization({ nodeType: 'sub_activity', nodeId: node.sub1, year: CRUD_YEAR, month: 2, amount: '1.00' }))).toBe(ErrorCode.Conflict);

      const list = await core.call<Page<BudgetRealizationView>>(S.budgetRealizationQuery, { nodeId: node.sub1, year: CRUD_YEAR, sort: '-month' }, adminA);
      expect(list.items.map((r) => [r.month, r.cumulative])).toEqual([
        [2, '0.35'],
        [1, '0.15'],
      ]);
      // The cumulative counts every month before, even those a month filter leaves out.
      expect((await core.call<Page<BudgetRealizationView>>(S.budgetRealizationQuery, { nodeId: node.sub1, month: 2 }, adminA)).items).toEqual([expect.objectContaining({ cumulative: '0.35' })]);

      await core.call(S.budgetRealizationDelete, { id: m2.id }, adminA);
      expect(await errorCodeOf(core.call(S.budgetRealizationGet, { id: m2.id }, adminA))).toBe(ErrorCode.NotFound);
      expect((await audits('budget_realizations')).filter((a) => a.row_id === m1.id).map((a) => [a.operation, a.actor])).toEqual([
        ['insert', adminA.actor],
        ['update', adminA.actor],
      ]);
      await core.call(S.budgetRealizationDelete, { id: m1.id }, adminA);
    });

    it('answers 404 to admin_opd for another OPD\'s node or row, and keeps its list to its OPD', async () => {
      expect(await errorCodeOf(createRealization({ nodeType: 'sub_activity', nodeId: node.subB, year: CRUD_YEAR, month: 1, amount: '1.00' }))).toBe(ErrorCode.NotFound);
      const b = await createRealization({ nodeType: 'sub_activity', nodeId: node.subB, year: CRUD_YEAR, month: 1, amount: '1.00' }, superAdmin);
      expect(await errorCodeOf(core.call(S.budgetRealizationUpdate, { id: b.id, amount: '2.00' }, adminA))).toBe(ErrorCode.NotFound);
      expect(await errorCodeOf(core.call(S.budgetRealizationDelete, { id: b.id }, adminA))).toBe(ErrorCode.NotFound);
      expect(await errorCodeOf(core.call(S.budgetRealizationGet, { id: b.id }, adminA))).toBe(ErrorCode.NotFound);
      expect((await core.call<Page<BudgetRealizationView>>(S.budgetRealizationQuery, { year: CRUD_YEAR }, adminA)).items.map((r) => r.id)).not.toContain(b.id);
      expect(await errorCodeOf(core.call(S.budgetRealizationQuery, { opdId: opdB }, adminA))).toBe(ErrorCode.NotFound);
      expect(await core.call(S.budgetRealizationGet, { id: b.id }, callerAs(Role.Evaluator))).toMatchObject({ amount: '1.00' });
      await core.call(S.budgetRealizationDelete, { id: b.id }, superAdmin);
    });

    it.each([
      ['evaluator', () => callerAs(Role.Evaluator)],
      ['viewer', () => callerAs(Role.Viewer, opdA)],
      ['an admin_opd key without budget:write', () => apiKeyAs(Role.AdminOpd, opdA, ['budget:read'])],
    ])('refuses realization writes by %s (403)', async (_label, who) => {
      expect(await errorCodeOf(createRealization({ nodeType: 'sub_activity', nodeId: node.sub1, year: CRUD_YEAR, month: 1, amount: '1.00' }, who()))).toBe(ErrorCode.Forbidden);
      expect(await errorCodeOf(core.call(S.budgetRealizationUpdate, { id: randomUUID(), amount: '1.00' }, who()))).toBe(ErrorCode.Forbidden);
      expect(await errorCodeOf(core.call(S.budgetRealizationDelete, { id: randomUUID() }, who()))).toBe(ErrorCode.Forbidden);
    });

    it('lets an admin_opd key with budget:write write its OPD\'s realizations', async () => {
      const key = apiKeyAs(Role.AdminOpd, opdA, ['budget:write']);
      const r = await createRealization({ nodeType: 'activity', nodeId: node.activity, year: CRUD_YEAR, month: 3, amount: '5' }, key);
      expect((await audits('budget_realizations')).find((a) => a.row_id === r.id)).toMatchObject({ actor: key.actor, new_values: { amount: '5.00', month: 3 } });
      await core.call(S.budgetRealizationDelete, { id: r.id }, key);
    });

    it.each([
      ['a negative amount', { amount: '-0.01' }, 'amount'],
      ['month 13', { month: 13 }, 'month'],
      ['month 0', { month: 0 }, 'month'],
      ['a year outside the plan', { year: 2024 }, 'year'],
      ['a level other than the node\'s', { nodeType: 'program' }, 'nodeType'],
      ['an amount with a comma', { amount: '1,00' }, 'amount'],
    ])('refuses %s with 400, writing nothing', async (_label, over, field) => {
      const before = await count('budget_realizations');
      const f = await failure(createRealization({ nodeType: 'sub_activity', nodeId: node.sub1, year: CRUD_YEAR, month: 1, amount: '1.00', ...over }));
      expect(f).toMatchObject({ code: ErrorCode.ValidationFailed });
      expect(f.fields).toContain(field);
      expect(await count('budget_realizations')).toBe(before);
    });

    it('refuses a null amount on update (400 naming it), writing nothing', async () => {
      const r = await createRealization({ nodeType: 'sub_activity', nodeId: node.sub2, year: CRUD_YEAR, month: 11, amount: '3.00' });
      const auditCount = await count('audit_log');
      const f = await failure(core.call(S.budgetRealizationUpdate, { id: r.id, amount: null }, adminA));
      expect(f).toMatchObject({ code: ErrorCode.ValidationFailed, fields: expect.arrayContaining(['amount']) });
      expect(await core.call(S.budgetRealizationGet, { id: r.id }, adminA)).toMatchObject({ amount: '3.00', version: 1 });
      expect(await count('audit_log')).toBe(auditCount);
      await core.call(S.budgetRealizationDelete, { id: r.id }, adminA);
    });

    it('refuses writes to a month inside a locked period (409), and allows the others', async () => {
      const april = await createRealization({ nodeType: 'sub_activity', nodeId: node.sub3, year: CRUD_YEAR, month: 4, amount: '1.00' });
      await lock(CRUD_YEAR, 'Q2');
      expect(await errorCodeOf(createRealization({ nodeType: 'sub_activity', nodeId: node.sub3, year: CRUD_YEAR, month: 5, amount: '1.00' }))).toBe(ErrorCode.InvalidState);
      expect(await errorCodeOf(core.call(S.budgetRealizationUpdate, { id: april.id, amount: '2.00' }, adminA))).toBe(ErrorCode.InvalidState);
      expect(await errorCodeOf(core.call(S.budgetRealizationDelete, { id: april.id }, superAdmin))).toBe(ErrorCode.InvalidState);
      const july = await createRealization({ nodeType: 'sub_activity', nodeId: node.sub3, year: CRUD_YEAR, month: 7, amount: '1.00' });
      expect(july.cumulative).toBe('2.00');
      expect(await core.call(S.budgetRealizationGet, { id: april.id }, adminA)).toMatchObject({ amount: '1.00', version: 1 });
    });
  });

  describe('summary', () => {
    beforeAll(async () => {
      const Y = SUMMARY_YEAR;
      // sub1: murni then perubahan (the latest counts), three months of realization.
      await createAllocation({ nodeType: 'sub_activity', nodeId: node.sub1, year: Y, revision: 'murni', pagu: '1000.00' });
      await createAllocation({ nodeType: 'sub_activity', nodeId: node.sub1, year: Y, revision: 'perubahan', pagu: '800.00' });
      for (const [month, amount] of [
        [1, '100.00'],
        [2, '200.00'],
        [3, '280.00'],
      ] as const) {
        await createRealization({ nodeType: 'sub_activity', nodeId: node.sub1, year: Y, month, amount });
      }
      // Its indicators: quarterly (weight 1): Q1 18/20, Q2 27/30 (submitted) → s.d. Q2 45/50 = 90;
      // annual (weight 3): 70/100 = 70; a third (weight 5) only has a draft: not scored.
      const quarterly = await addIndicator(planA, 'sub_activity', node.sub1, 'quarterly', '1');
      await addTargets(quarterly, Y, '100', { Q1: '20', Q2: '30', Q3: '25', Q4: '25' });
      await achieve(quarterly, opdA, Y, 'Q1', '18', 'verified');
      await achieve(quarterly, opdA, Y, 'Q2', '27', 'submitted');
      const annual = await addIndicator(planA, 'sub_activity', node.sub1, 'annual', '3');
      await addTargets(annual, Y, '100', { Q1: '25', Q2: '25', Q3: '25', Q4: '25' });
      await achieve(annual, opdA, Y, 'Y', '70', 'verified');
      const drafted = await addIndicator(planA, 'sub_activity', node.sub1, 'annual', '5');
      await addTargets(drafted, Y, '100', { Q1: '25', Q2: '25', Q3: '25', Q4: '25' });
      await achieve(drafted, opdA, Y, 'Y', '100', 'draft');
      // sub2: realizations only (0.10 + 0.20), no allocation.
      await createRealization({ nodeType: 'sub_activity', nodeId: node.sub2, year: Y, month: 1, amount: '0.10' });
      await createRealization({ nodeType: 'sub_activity', nodeId: node.sub2, year: Y, month: 4, amount: '0.20' });
      // The program: an allocation only; zero pagu for sub3.
      await createAllocation({ nodeType: 'program', nodeId: node.program, year: Y, revision: 'murni', pagu: '999999999999999.99' });
      await createAllocation({ nodeType: 'sub_activity', nodeId: node.sub3, year: Y, revision: 'murni', pagu: '0' });
      // OPD B.
      await createAllocation({ nodeType: 'sub_activity', nodeId: node.subB, year: Y, revision: 'murni', pagu: '50.00' });
      await createRealization({ nodeType: 'sub_activity', nodeId: node.subB, year: Y, month: 2, amount: '12.34' }, superAdmin);
      // Fixtures above partly bypassed the API.
      await core.app.get(ReadCache).invalidate();
    });

    const rowOf = (page: BudgetSummaryPage, id: string): BudgetSummaryRowView => {
      const row = page.items.find((r) => r.nodeId === id);
      if (!row) throw new Error(`no summary row for ${id}`);
      return row;
    };

    it('computes pagu (latest revision), cumulative realization, serapan, weighted capaian and efficiency per node', async () => {
      const page = await summary({ opdId: opdA });
      expect(page.items).toHaveLength(4);
      // serapan 580/800 = 72.5; capaian (90×1 + 70×3)/4 = 75; 75 − 72.5 = 2.5 within ±5.
      expect(rowOf(page, node.sub1)).toEqual({
        nodeType: 'sub_activity',
        nodeId: node.sub1,
        nodeCode: 'SK1',
        nodeName: 'sub_activity SK1',
        opdId: opdA,
        sipdCode: '1.02.02.2.01.0001',
        pagu: '800.00',
        revision: 'perubahan',
        realization: '580.00',
        throughMonth: 3,
        serapan: 72.5,
        capaian: 75,
        efficiency: 'fairly_efficient',
      });
      expect(rowOf(page, node.sub2)).toMatchObject({ pagu: null, revision: null, realization: '0.30', throughMonth: 4, serapan: null, capaian: null, efficiency: null });
      expect(rowOf(page, node.program)).toMatchObject({ pagu: '999999999999999.99', realization: '0.00', throughMonth: null, serapan: 0, capaian: null, efficiency: null });
      expect(rowOf(page, node.sub3)).toMatchObject({ pagu: '0.00', serapan: null, sipdCode: null });
      expect(page).toMatchObject({ total: 4, year: SUMMARY_YEAR, month: null });
      // Totals per OPD and level, exact: 800.00 + 0 (sub2 has none) + 0.00; serapan 580.00 / 800.00 = 72.5,
      // sub2's 0.30 (no allocation) reported apart rather than counted against sub1's pagu.
      expect(page.totals).toEqual([
        { opdId: opdA, nodeType: 'program', nodes: 1, pagu: '999999999999999.99', realization: '0.00', unallocatedRealization: '0.00', serapan: 0 },
        { opdId: opdA, nodeType: 'sub_activity', nodes: 3, pagu: '800.00', realization: '580.00', unallocatedRealization: '0.30', serapan: 72.5 },
      ]);
    });

    it('cuts realization and capaian at `month`', async () => {
      // s.d. March: 580.00; capaian s.d. M03 = the quarterly's Q1 18/20 = 90 (the annual one has nothing yet); 90 − 72.5 = 17.5.
      expect(rowOf(await summary({ opdId: opdA, month: 3 }), node.sub1)).toMatchObject({ realization: '580.00', throughMonth: 3, serapan: 72.5, capaian: 90, efficiency: 'efficient' });
      // s.d. February: 300.00 → 37.5; no quarter has ended: not scored.
      const feb = await summary({ opdId: opdA, month: 2 });
      expect(rowOf(feb, node.sub1)).toMatchObject({ realization: '300.00', throughMonth: 2, serapan: 37.5, capaian: null, efficiency: null });
      expect(rowOf(feb, node.sub2)).toMatchObject({ realization: '0.10' });
      expect(feb.month).toBe(2);
    });

    it('follows the efficiency thresholds of the settings', async () => {
      const body = {
        pemdaName: 'Pemerintah Kabupaten Contoh',
        level: 'kabupaten',
        headName: 'H. Ahmad',
        headTitle: 'Bupati Contoh',
        capaianCap: 150,
        timezone: 'WIB',
        logoFileId: null,
      };
      const thresholds = async (efficientAbove: number, inefficientBelow: number) => {
        const { version } = await core.call<SettingsView>(S.settingsGet, {}, superAdmin);
        await core.call(S.settingsUpdate, { ...body, efficiency: { efficientAbove, inefficientBelow }, expectedVersion: version }, superAdmin);
      };
      // capaian − serapan = 2.5: above 2 → efficient now (the settings write invalidated the cached answer).
      await thresholds(2, -2);
      expect(rowOf(await summary({ opdId: opdA }), node.sub1).efficiency).toBe('efficient');
      // below 3 → inefficient; exactly at a bound → fairly efficient.
      await thresholds(10, 3);
      expect(rowOf(await summary({ opdId: opdA }), node.sub1).efficiency).toBe('inefficient');
      await thresholds(2.5, 0);
      expect(rowOf(await summary({ opdId: opdA }), node.sub1).efficiency).toBe('fairly_efficient');
      await thresholds(5, -5);
      expect(rowOf(await summary({ opdId: opdA }), node.sub1).efficiency).toBe('fairly_efficient');
    });

    it('reflects a new realization at once (the write invalidates the cache)', async () => {
      const r = await createRealization({ nodeType: 'sub_activity', nodeId: node.sub1, year: SUMMARY_YEAR, month: 4, amount: '20.00' });
      expect(rowOf(await summary({ opdId: opdA }), node.sub1)).toMatchObject({ realization: '600.00', throughMonth: 4, serapan: 75 });
      await core.call(S.budgetRealizationDelete, { id: r.id }, adminA);
      expect(rowOf(await summary({ opdId: opdA }), node.sub1)).toMatchObject({ realization: '580.00', serapan: 72.5 });
    });

    it('limits a bound caller to its OPD (explicit foreign → 404) and shows everything Pemda-wide', async () => {
      const own = await summary({}, adminA);
      expect(own.items.every((r) => r.opdId === opdA)).toBe(true);
      expect(own.total).toBe(4);
      expect(await errorCodeOf(summary({ opdId: opdB }, adminA))).toBe(ErrorCode.NotFound);
      expect(await errorCodeOf(summary({ opdId: opdB }, callerAs(Role.Viewer, opdA)))).toBe(ErrorCode.NotFound);
      const all = await summary({}, callerAs(Role.Evaluator));
      expect(all.total).toBe(5);
      expect(rowOf(all, node.subB)).toMatchObject({ pagu: '50.00', realization: '12.34', serapan: 24.68, opdId: opdB });
      expect(all.totals.map((t) => [t.opdId, t.nodeType])).toEqual(
        [
          [opdA, 'program'],
          [opdA, 'sub_activity'],
          [opdB, 'sub_activity'],
        ].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)),
      );
      expect(await errorCodeOf(summary({}, apiKeyAs(Role.Viewer, null, ['performance:read'])))).toBe(ErrorCode.Forbidden);
      expect((await summary({}, apiKeyAs(Role.Viewer, null, ['budget:read']))).total).toBe(5);
    });

    it('filters by level, sorts and pages', async () => {
      expect((await summary({ opdId: opdA, nodeType: 'program' })).items.map((r) => r.nodeId)).toEqual([node.program]);
      // 72.5, 0, then the nulls (sub2: no pagu, sub3: pagu 0) last, in code order.
      expect((await summary({ opdId: opdA, sort: '-serapan' })).items.map((r) => r.nodeId)).toEqual([node.sub1, node.program, node.sub2, node.sub3]);
      expect((await summary({ opdId: opdA, sort: 'serapan' })).items.map((r) => r.nodeId)).toEqual([node.program, node.sub1, node.sub2, node.sub3]);
      expect((await summary({ opdId: opdA })).items.map((r) => r.nodeCode)).toEqual(['P1', 'SK1', 'SK2', 'SK3']);
      const page2 = await summary({ opdId: opdA, limit: 1, offset: 1 });
      expect(page2).toMatchObject({ total: 4, limit: 1, offset: 1 });
      expect(page2.items).toHaveLength(1);
      expect(page2.totals).toHaveLength(2);
    });

    it.each([
      ['no year', { year: undefined }],
      ['month 13', { month: 13 }],
      ['an unknown sort', { sort: 'nodeName' }],
      ['an unknown filter', { revision: 'murni' }],
    ])('refuses %s with 400', async (_label, over) => {
      expect(await errorCodeOf(summary(over))).toBe(ErrorCode.ValidationFailed);
    });
  });

  describe('SIPD upsert (core.budget.upsert.v1)', () => {
    const codes = { sub1: '1.02.02.2.01.0001', sub2: '1.02.02.2.01.0002', subB: '2.01.01.2.01.0001', shared: '1.02.02.2.01.0009' };
    const batch = {
      year: SYNC_YEAR,
      revision: 'murni',
      allocations: [
        { kodeSubGiat: codes.sub1, pagu: '1000000.00' },
        { kodeSubGiat: codes.sub2, pagu: '0.10' },
        { kodeSubGiat: codes.subB, pagu: '0.20' },
        { kodeSubGiat: '9.99.99.9.99.9999', pagu: '1.00' },
        { kodeSubGiat: codes.shared, pagu: '1.00' },
      ],
      realizations: [
        { kodeSubGiat: codes.sub1, month: 1, amount: '250000.00' },
        { kodeSubGiat: codes.sub1, month: 2, amount: '250000' },
        { kodeSubGiat: codes.sub1, month: 5, amount: '1.00' },
        { kodeSubGiat: codes.sub2, month: 1, amount: '0.05' },
        { kodeSubGiat: '9.99.99.9.99.9998', month: 1, amount: '1.00' },
      ],
    };
    const syncAudits = () => core.sql(`SELECT actor, ip, operation, table_name, row_id, new_values FROM core.audit_log WHERE operation = 'sipd_upsert' ORDER BY occurred_at, id`);
    const syncRows = () =>
      core.sql(`SELECT node_id, revision AS key, pagu::text AS value, source, version FROM core.budget_allocations WHERE year = $1
                UNION ALL SELECT node_id, month::text, amount::text, source, version FROM core.budget_realizations WHERE year = $1 ORDER BY 1, 2`, [SYNC_YEAR]);

    beforeAll(async () => {
      await lock(SYNC_YEAR, 'Q2');
    });

    /** Queries a summary computation sends to the domain tables (computed afresh: the cache is emptied first). */
    const summaryQueries = async (q: Record<string, unknown>): Promise<number> => {
      await core.app.get(ReadCache).invalidate();
      const spy = jest.spyOn(PostgresQueryRunner.prototype, 'query');
      try {
        await summary(q);
        return spy.mock.calls.filter(([sql]) => /core\.(budget_|plan_nodes|indicator|achievements|settings)/.test(String(sql))).length;
      } finally {
        spy.mockRestore();
      }
    };

    it('refuses a caller with a user identity (403), whatever its role', async () => {
      for (const who of [superAdmin, apiKeyAs(Role.SuperAdmin, null, ['budget:write'])]) expect(await errorCodeOf(upsert(batch, who))).toBe(ErrorCode.Forbidden);
      expect(await syncRows()).toEqual([]);
    });

    it('upserts set-based, one audit row per written row plus the batch summary, reporting unknown and ambiguous codes and locked months', async () => {
      const result = await upsert(batch);
      expect(result).toEqual({
        inserted: 6,
        updated: 0,
        unknownCodes: ['9.99.99.9.99.9998', '9.99.99.9.99.9999'],
        ambiguousCodes: [codes.shared],
        lockedRows: [{ kodeSubGiat: codes.sub1, month: 5 }],
        lockedAllocations: [],
      });
      const rows = await syncRows();
      expect(rows).toHaveLength(6);
      expect(rows.every((r) => r.source === 'sipd' && r.version === 1)).toBe(true);
      expect(rows.filter((r) => r.node_id === node.sub1).map((r) => [r.key, r.value])).toEqual([
        ['1', '250000.00'],
        ['2', '250000.00'],
        ['murni', '1000000.00'],
      ]);
      const allocation = (await core.call<Page<BudgetAllocationView>>(S.budgetAllocationQuery, { year: SYNC_YEAR, nodeId: node.subB }, superAdmin)).items[0];
      expect(allocation).toMatchObject({ opdId: opdB, sipdCode: codes.subB, source: 'sipd', pagu: '0.20' });
      expect(await syncAudits()).toEqual([
        {
          actor: 'system:integration',
          ip: null,
          operation: 'sipd_upsert',
          table_name: 'budget',
          row_id: `${SYNC_YEAR}:murni`,
          new_values: {
            year: SYNC_YEAR,
            revision: 'murni',
            allocations: { inserted: 3, updated: 0 },
            realizations: { inserted: 3, updated: 0 },
            unknownCodes: 2,
            ambiguousCodes: 1,
            lockedRows: 1,
            lockedAllocations: 0,
          },
        },
      ]);
      // Each written row: inserted, so no old values.
      const rowAudits = [...(await audits('budget_allocations')), ...(await audits('budget_realizations'))].filter((x) => x.actor === 'system:integration');
      expect(rowAudits).toHaveLength(6);
      expect(rowAudits.every((x) => x.operation === 'insert' && x.old_values === null)).toBe(true);
      const sub1Murni = (await core.sql(`SELECT id FROM core.budget_allocations WHERE node_id = $1 AND year = $2 AND revision = 'murni'`, [node.sub1, SYNC_YEAR]))[0].id;
      expect(rowAudits.find((x) => x.row_id === sub1Murni)).toMatchObject({
        table_name: 'budget_allocations',
        new_values: { nodeId: node.sub1, opdId: opdA, year: SYNC_YEAR, revision: 'murni', pagu: '1000000.00', sipdCode: codes.sub1, source: 'sipd' },
      });
    });

    it('changes nothing when the same batch comes again: no version bump, no audit row', async () => {
      const before = await syncRows();
      const auditCount = await count('audit_log');
      expect(await upsert(batch)).toMatchObject({ inserted: 0, updated: 0 });
      expect(await syncRows()).toEqual(before);
      expect(await count('audit_log')).toBe(auditCount);
    });

    it('updates only the rows whose value differs, takes over manual rows, and sums exactly in the summary', async () => {
      const manual = await createRealization({ nodeType: 'sub_activity', nodeId: node.sub2, year: SYNC_YEAR, month: 3, amount: '9.00' }, adminA);
      const result = await upsert({
        year: SYNC_YEAR,
        revision: 'murni',
        allocations: [
          { kodeSubGiat: codes.sub1, pagu: '1000000' },
          { kodeSubGiat: codes.sub2, pagu: '0.90' },
        ],
        realizations: [
          { kodeSubGiat: codes.sub2, month: 3, amount: '0.15' },
          { kodeSubGiat: codes.sub2, month: 2, amount: '0.10' },
        ],
      });
      expect(result).toEqual({ inserted: 1, updated: 2, unknownCodes: [], ambiguousCodes: [], lockedRows: [], lockedAllocations: [] });
      expect(await core.call(S.budgetRealizationGet, { id: manual.id }, adminA)).toMatchObject({ amount: '0.15', cumulative: '0.30', source: 'sipd', version: 2 });
      const sub1Allocation = (await syncRows()).find((r) => r.node_id === node.sub1 && r.key === 'murni');
      expect(sub1Allocation).toMatchObject({ value: '1000000.00', version: 1 });
      expect((await syncAudits()).at(-1).new_values).toMatchObject({ allocations: { inserted: 0, updated: 1 }, realizations: { inserted: 1, updated: 1 } });
      // The manual amount the sync overwrote is kept in the audit, with the row id.
      expect((await audits('budget_realizations')).filter((x) => x.row_id === manual.id)).toEqual([
        expect.objectContaining({ operation: 'insert', actor: adminA.actor }),
        expect.objectContaining({
          operation: 'update',
          actor: 'system:integration',
          old_values: expect.objectContaining({ amount: '9.00', source: 'manual', month: 3 }),
          new_values: expect.objectContaining({ amount: '0.15', source: 'sipd', month: 3 }),
        }),
      ]);
      const sub2Murni = (await core.sql(`SELECT id FROM core.budget_allocations WHERE node_id = $1 AND year = $2 AND revision = 'murni'`, [node.sub2, SYNC_YEAR]))[0].id;
      expect((await audits('budget_allocations')).filter((x) => x.row_id === sub2Murni).at(-1)).toMatchObject({
        operation: 'update',
        old_values: { pagu: '0.10', source: 'sipd' },
        new_values: { pagu: '0.90', source: 'sipd' },
      });
      // 0.05 + 0.10 + 0.15 = 0.30 of 0.90 → 33.33.
      const row = (await summary({ year: SYNC_YEAR, opdId: opdA })).items.find((r) => r.nodeId === node.sub2);
      expect(row).toMatchObject({ pagu: '0.90', realization: '0.30', serapan: 33.33 });
    });

    it('keeps murni and perubahan apart, the latest counting in the summary', async () => {
      expect(await upsert({ year: SYNC_YEAR, revision: 'perubahan', allocations: [{ kodeSubGiat: codes.sub1, pagu: '500000.00' }] })).toMatchObject({ inserted: 1, updated: 0 });
      const row = (await summary({ year: SYNC_YEAR, opdId: opdA })).items.find((r) => r.nodeId === node.sub1);
      expect(row).toMatchObject({ pagu: '500000.00', revision: 'perubahan', realization: '500000.00', serapan: 100 });
    });

    it.each([
      ['a code twice among allocations', { allocations: [{ kodeSubGiat: codes.sub1, pagu: '1.00' }, { kodeSubGiat: codes.sub1, pagu: '2.00' }] }, 'allocations.1.kodeSubGiat'],
      ['a (code, month) twice among realizations', { realizations: [{ kodeSubGiat: codes.sub2, month: 6, amount: '1.00' }, { kodeSubGiat: codes.sub2, month: 6, amount: '1.00' }] }, 'realizations.1'],
      ['a negative pagu', { allocations: [{ kodeSubGiat: codes.sub1, pagu: '-1.00' }] }, 'allocations.0.pagu'],
      ['a float amount', { realizations: [{ kodeSubGiat: codes.sub1, month: 6, amount: 1.5 }] }, 'realizations.0.amount'],
      ['month 0', { realizations: [{ kodeSubGiat: codes.sub1, month: 0, amount: '1.00' }] }, 'realizations.0.month'],
      ['a malformed code', { allocations: [{ kodeSubGiat: '1.02/02', pagu: '1.00' }] }, 'allocations.0.kodeSubGiat'],
      ['1001 allocations', { allocations: Array.from({ length: 1001 }, (_, i) => ({ kodeSubGiat: `1.02.02.2.01.${String(i).padStart(4, '0')}`, pagu: '1.00' })) }, 'allocations'],
    ])('refuses %s with 400, writing nothing', async (_label, over, field) => {
      const before = await syncRows();
      const auditCount = await count('audit_log');
      const f = await failure(upsert({ year: SYNC_YEAR, revision: 'murni', ...over }));
      expect(f.code).toBe(ErrorCode.ValidationFailed);
      expect(f.fields).toContain(field);
      expect(await syncRows()).toEqual(before);
      expect(await count('audit_log')).toBe(auditCount);
    });

    it('reports allocations of a locked year (and its months\' realizations) instead of writing them', async () => {
      // LOCKED_YEAR's Y is locked by the allocation tests above.
      const before = await core.sql(`SELECT id, pagu::text, version FROM core.budget_allocations WHERE year = $1 ORDER BY id`, [LOCKED_YEAR]);
      const auditCount = await count('audit_log');
      const result = await upsert({
        year: LOCKED_YEAR,
        revision: 'murni',
        allocations: [
          { kodeSubGiat: codes.sub1, pagu: '9.00' },
          { kodeSubGiat: codes.sub2, pagu: '1.00' },
        ],
        realizations: [{ kodeSubGiat: codes.sub2, month: 1, amount: '1.00' }],
      });
      expect(result).toEqual({
        inserted: 0,
        updated: 0,
        unknownCodes: [],
        ambiguousCodes: [],
        lockedRows: [{ kodeSubGiat: codes.sub2, month: 1 }],
        lockedAllocations: [codes.sub1, codes.sub2],
      });
      expect(await core.sql(`SELECT id, pagu::text, version FROM core.budget_allocations WHERE year = $1 ORDER BY id`, [LOCKED_YEAR])).toEqual(before);
      expect(await core.sql(`SELECT count(*)::int AS n FROM core.budget_realizations WHERE year = $1`, [LOCKED_YEAR])).toEqual([{ n: 0 }]);
      expect(await count('audit_log')).toBe(auditCount);
    });

    it('takes 1000 rows of a kind in one statement each (an audit row per written row), and only codes of plans covering the year', async () => {
      // 1000 sub-activities of OPD A with codes 3.01.01.2.01.0000…0999.
      const activity = await addNode(planA, 'activity', node.program, 'K-BULK', '3.01.01.2.01');
      await core.sql(
        `INSERT INTO core.plan_nodes (id, level, strategic_plan_id, parent_id, opd_id, code, name, sipd_code)
         SELECT gen_random_uuid(), 'sub_activity', $1, $2, $3, 'B' || g, 'Bulk ' || g, '3.01.01.2.01.' || lpad(g::text, 4, '0') FROM generate_series(0, 999) g`,
        [planA.planId, activity, opdA],
      );
      const allocations = Array.from({ length: 1000 }, (_, i) => ({ kodeSubGiat: `3.01.01.2.01.${String(i).padStart(4, '0')}`, pagu: `${i}.01` }));
      const realizations = allocations.map((a, i) => ({ kodeSubGiat: a.kodeSubGiat, month: (i % 12) + 1, amount: '0.01' }));
      const auditCount = await count('audit_log');
      const result = await upsert({ year: SYNC_YEAR, revision: 'murni', allocations, realizations });
      // Months 4–6 are locked (Q2): 3 of every 12 realizations are reported, not written.
      const lockedCount = realizations.filter((r) => r.month >= 4 && r.month <= 6).length;
      expect(result).toMatchObject({ inserted: 1000 + 1000 - lockedCount, updated: 0, unknownCodes: [], ambiguousCodes: [] });
      expect(result.lockedRows).toHaveLength(lockedCount);
      // One per written row, plus the batch summary.
      expect((await count('audit_log')) - auditCount).toBe(1000 + 1000 - lockedCount + 1);
      const totals = await summary({ year: SYNC_YEAR, opdId: opdA, nodeType: 'sub_activity', limit: 1 });
      // Σ (i + 0.01) for i = 0…999 = 499500 + 10.00, plus the earlier sub1 perubahan 500000.00 and sub2 0.90.
      expect(totals.totals).toEqual([expect.objectContaining({ nodes: 1002, pagu: '999510.90' })]);

      // The summary reads 1002 nodes in as many queries as 4: nodes, indicators, targets, achievements, settings.
      expect(await summaryQueries({ year: SYNC_YEAR, opdId: opdA })).toBe(5);
      expect(await summaryQueries({ year: SUMMARY_YEAR, opdId: opdA })).toBe(5);

      // The same codes in a year outside the Renstra (2025–2029) are unknown.
      expect(await upsert({ year: 2031, revision: 'murni', allocations: allocations.slice(0, 2) })).toMatchObject({ inserted: 0, unknownCodes: allocations.slice(0, 2).map((a) => a.kodeSubGiat) });
    });
  });
});
