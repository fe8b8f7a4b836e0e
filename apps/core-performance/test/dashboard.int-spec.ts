import { CORE_SUBJECTS, Role, type CallerIdentity, type DashboardSummaryView } from '@sakip/contracts';
import { randomUUID } from 'node:crypto';
import { seedIndicator, seedOpd, seedPlan, seedTargets, split, QUARTERS, type SeededPlan } from './achievement-fixtures';
import { apiKeyAs, callerAs, errorCodeOf, startCore, type CoreHarness } from './core-harness';

const YEAR = 2026;

/**
 * `/dashboard/summary` on a small fixture; every number is computed by hand (DOMAIN.md
 * "Achievement (capaian)", "Roll-up"). Only reported achievements (submitted, verified, locked)
 * count, as in /performance/data; the cap is the default 150.
 *
 * OPD A, renstra sasaran S1 and S2:
 *   A1 (S1, quarterly sum, w 1): Q1 20 verified + Q2 30 submitted vs 25 + 25  → 100
 *   A2 (S1, annual, w 3):        150 of 200                                    → 75
 *   S1 = (100·1 + 75·3) / 4 = 81.25
 *   A3 (S2, quarterly): Q1 only a draft                                        → not scored
 *   A4 (a program below S2, annual): 6 of 10                                   → 60
 *   S2 = 60;  A = (81.25 + 60) / 2 = 70.625 → 70.63 Sedang
 *   A5 (on the goal: rolls into no sasaran, annual): 10 of 10                  → 100
 * OPD B: B1 (S1, quarterly sum, lower_better): Q1 8 vs 10 → (20 − 8)/10 = 120 → B = 120
 * OPD C: no plan (not scored); OPD D: inactive (not listed).
 * Pemda (RPJMD S1): P1 annual 9 of 10 → 90 Tinggi.
 * Pemda index = (70.625 + 120) / 2 = 95.3125 → 95.31 (C is skipped, never read as 0).
 * Deadlines: Q1 2026-04-10 (passed: A has A3's Q1 unsubmitted, B submitted late), M01 (passed,
 * nothing monthly), Y in 2099 (not passed).
 */
describe('dashboard summary (integration)', () => {
  let core: CoreHarness;
  let opdA: string;
  let opdB: string;
  let opdC: string;
  let planA: SeededPlan;
  const superAdmin = callerAs(Role.SuperAdmin);
  const ids: Record<string, string> = {};

  const summary = (who: CallerIdentity, q: Record<string, unknown> = {}) => core.call<DashboardSummaryView>(CORE_SUBJECTS.dashboardSummary, { year: YEAR, ...q }, who);
  const achieve = (indicator: string, opdId: string | null, period: string, realization: string, status: string, firstSubmittedAt: string | null = null) =>
    core.sql(
      `INSERT INTO core.achievements (id, indicator_id, opd_id, year, period, realization, status, input_by, first_submitted_at)
       VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, $6, 'user:seed', $7)`,
      [ids[indicator], opdId, YEAR, period, realization, status, firstSubmittedAt],
    );
  /** A plan node below `parentId` (same plan and OPD). */
  const node = async (level: string, plan: SeededPlan, parentId: string, code: string) => {
    const id = randomUUID();
    await core.sql(`INSERT INTO core.plan_nodes (id, level, strategic_plan_id, parent_id, opd_id, code, name) VALUES ($1, $2, $3, $4, $5, $6, $7)`, [
      id,
      level,
      plan.planId,
      parentId,
      plan.opdId,
      code,
      `${level} ${code}`,
    ]);
    return id;
  };
  /** An indicator on any node, rolling up into `objectiveId`. */
  const indicatorOn = async (plan: SeededPlan, parentType: string, parentId: string, objectiveId: string | null, name: string, frequency: string, weight = '1') => {
    const id = randomUUID();
    await core.sql(
      `INSERT INTO core.indicators (id, parent_type, parent_id, strategic_plan_id, objective_id, opd_id, name, definition, formula, unit, category, weight, frequency, polarity, aggregation)
       VALUES ($1, $2, $3, $4, $5, $6, $7, 'definisi', 'rumus', 'persen', 'outcome', $8, $9, 'higher_better', 'sum')`,
      [id, parentType, parentId, plan.planId, objectiveId, plan.opdId, name, weight, frequency],
    );
    return id;
  };
  const quarters = (v: string) => split(QUARTERS, [v, v, v, v]);

  beforeAll(async () => {
    core = await startCore();
    opdA = await seedOpd(core, 'A');
    opdB = await seedOpd(core, 'B');
    opdC = await seedOpd(core, 'C');
    const opdD = await seedOpd(core, 'D');
    await core.sql(`UPDATE core.opds SET is_active = false WHERE id = $1`, [opdD]);

    planA = await seedPlan(core, opdA, 2025);
    const s2 = await node('objective', planA, planA.goalId, 'S2');
    const programS2 = await node('program', planA, s2, 'P1');
    ids.A1 = await indicatorOn(planA, 'objective', planA.objectiveId, planA.objectiveId, 'A1', 'quarterly', '1');
    await seedTargets(core, ids.A1, YEAR, '100', quarters('25'));
    await achieve('A1', opdA, 'Q1', '20', 'verified', '2026-04-01T00:00:00Z');
    await achieve('A1', opdA, 'Q2', '30', 'submitted', '2026-07-01T00:00:00Z');
    ids.A2 = await indicatorOn(planA, 'objective', planA.objectiveId, planA.objectiveId, 'A2', 'annual', '3');
    await seedTargets(core, ids.A2, YEAR, '200', quarters('50'));
    await achieve('A2', opdA, 'Y', '150', 'verified', '2026-03-01T00:00:00Z');
    ids.A3 = await indicatorOn(planA, 'objective', s2, s2, 'A3', 'quarterly');
    await seedTargets(core, ids.A3, YEAR, '40', quarters('10'));
    await achieve('A3', opdA, 'Q1', '5', 'draft');
    ids.A4 = await indicatorOn(planA, 'program', programS2, s2, 'A4', 'annual');
    await seedTargets(core, ids.A4, YEAR, '10', quarters('2.5'));
    await achieve('A4', opdA, 'Y', '6', 'verified', '2026-03-01T00:00:00Z');
    ids.A5 = await indicatorOn(planA, 'goal', planA.goalId, null, 'A5', 'annual');
    await seedTargets(core, ids.A5, YEAR, '10', quarters('2.5'));
    await achieve('A5', opdA, 'Y', '10', 'verified', '2026-03-01T00:00:00Z');

    const planB = await seedPlan(core, opdB, 2025);
    ids.B1 = await seedIndicator(core, planB, { name: 'B1', frequency: 'quarterly', polarity: 'lower_better' });
    await seedTargets(core, ids.B1, YEAR, '40', quarters('10'));
    await achieve('B1', opdB, 'Q1', '8', 'verified', '2026-04-20T00:00:00Z');

    const rpjmd = await seedPlan(core, null, 2025);
    ids.P1 = await seedIndicator(core, rpjmd, { name: 'P1', frequency: 'annual', isIku: true });
    await seedTargets(core, ids.P1, YEAR, '10', quarters('2.5'));
    await achieve('P1', null, 'Y', '9', 'verified', '2026-03-01T00:00:00Z');

    await core.sql(
      `INSERT INTO core.periods (year, period, input_deadline) VALUES ($1, 'Q1', '2026-04-10T00:00:00Z'), ($1, 'M01', '2026-02-10T00:00:00Z'), ($1, 'Y', '2099-01-31T00:00:00Z')`,
      [YEAR],
    );
  }, 60_000);
  afterAll(() => core?.close());

  const categories = (st: number, t: number, s: number, r: number, sr: number) => [
    { category: 'Sangat Tinggi', count: st },
    { category: 'Tinggi', count: t },
    { category: 'Sedang', count: s },
    { category: 'Rendah', count: r },
    { category: 'Sangat Rendah', count: sr },
  ];
  const rpjmdFigure = () => ({
    capaian: 90,
    category: 'Tinggi',
    scoredObjectives: 1,
    objectives: [{ objectiveId: expect.any(String), code: 'S1', name: 'Sasaran', capaian: 90, category: 'Tinggi', scoredIndicators: 1, indicators: 1 }],
  });

  it('Pemda-wide: totals, OPD scores, top/bottom, index, RPJMD, overdue and statuses', async () => {
    const view = await summary(superAdmin);
    const scoreA = { opdId: opdA, code: 'A', name: 'Dinas A', capaian: 70.63, category: 'Sedang', scoredObjectives: 2, objectives: 2, rank: 2 };
    const scoreB = { opdId: opdB, code: 'B', name: 'Dinas B', capaian: 120, category: 'Sangat Tinggi', scoredObjectives: 1, objectives: 1, rank: 1 };
    const scoreC = { opdId: opdC, code: 'C', name: 'Dinas C', capaian: null, category: null, scoredObjectives: 0, objectives: 0, rank: null };
    expect(view).toEqual({
      year: YEAR,
      opdId: null,
      // A1 100, A5 100, B1 120 | P1 90 | A2 75 | A4 60 | A3 not scored
      indicators: { total: 7, scored: 6, notScored: 1, byCategory: categories(3, 1, 1, 1, 0) },
      opds: [scoreA, scoreB, scoreC],
      topOpds: [scoreB, scoreA],
      bottomOpds: [scoreA, scoreB],
      pemdaIndex: { capaian: 95.31, category: 'Sangat Tinggi', scoredOpds: 2, opds: 3 },
      rpjmd: rpjmdFigure(),
      overdue: [
        { period: 'Q1', inputDeadline: '2026-04-10T00:00:00.000Z', opdIds: [opdA, opdB].sort(), count: 2 },
        { period: 'M01', inputDeadline: '2026-02-10T00:00:00.000Z', opdIds: [], count: 0 },
      ],
      overdueOpds: 2,
      achievements: { draft: 1, submitted: 1, revision: 0, verified: 6, locked: 0, total: 8 },
    });
  });

  it('a caller bound to an OPD sees its own OPD (the Pemda\'s rows only in the RPJMD figure), whatever its role', async () => {
    for (const who of [callerAs(Role.AdminOpd, opdA), callerAs(Role.Viewer, opdA), apiKeyAs(Role.Evaluator, opdA, ['performance:read'])]) {
      const view = await summary(who);
      const scoreA = { opdId: opdA, code: 'A', name: 'Dinas A', capaian: 70.63, category: 'Sedang', scoredObjectives: 2, objectives: 2, rank: 1 };
      expect(view).toEqual({
        year: YEAR,
        opdId: opdA,
        // A1..A5 only: the Pemda's P1 (which /performance/data also lists for this caller) counts in rpjmd
        indicators: { total: 5, scored: 4, notScored: 1, byCategory: categories(2, 0, 1, 1, 0) },
        opds: [scoreA],
        topOpds: [scoreA],
        bottomOpds: [scoreA],
        pemdaIndex: { capaian: 70.63, category: 'Sedang', scoredOpds: 1, opds: 1 },
        rpjmd: rpjmdFigure(),
        overdue: [
          { period: 'Q1', inputDeadline: '2026-04-10T00:00:00.000Z', opdIds: [opdA], count: 1 },
          { period: 'M01', inputDeadline: '2026-02-10T00:00:00.000Z', opdIds: [], count: 0 },
        ],
        overdueOpds: 1,
        achievements: { draft: 1, submitted: 1, revision: 0, verified: 4, locked: 0, total: 6 },
      });
      // The same "own" figures as naming the OPD explicitly.
      expect(await summary(who, { opdId: opdA })).toEqual(view);
    }
  });

  it('an explicit opdId narrows to that OPD (the RPJMD figure stays)', async () => {
    const own = await summary(callerAs(Role.AdminOpd, opdA), { opdId: opdA });
    expect(own).toMatchObject({ opdId: opdA, indicators: { total: 5, scored: 4 }, achievements: { verified: 4, total: 6 }, rpjmd: { capaian: 90 } });

    const b = await summary(superAdmin, { opdId: opdB });
    expect(b).toMatchObject({
      opdId: opdB,
      indicators: { total: 1, scored: 1, notScored: 0, byCategory: categories(1, 0, 0, 0, 0) },
      opds: [{ opdId: opdB, capaian: 120, rank: 1 }],
      pemdaIndex: { capaian: 120, scoredOpds: 1, opds: 1 },
      rpjmd: { capaian: 90 },
      overdue: [{ period: 'Q1', opdIds: [opdB], count: 1 }, { period: 'M01', count: 0 }],
      achievements: { verified: 1, total: 1 },
    });

    const c = await summary(callerAs(Role.Evaluator), { opdId: opdC });
    expect(c).toMatchObject({ opds: [{ opdId: opdC, capaian: null, rank: null }], topOpds: [], bottomOpds: [], pemdaIndex: { capaian: null, scoredOpds: 0, opds: 1 } });
  });

  it('another OPD or an unknown one is 404', async () => {
    expect(await errorCodeOf(summary(callerAs(Role.AdminOpd, opdA), { opdId: opdB }))).toBe('NOT_FOUND');
    expect(await errorCodeOf(summary(callerAs(Role.Viewer, opdB), { opdId: opdA }))).toBe('NOT_FOUND');
    expect(await errorCodeOf(summary(superAdmin, { opdId: randomUUID() }))).toBe('NOT_FOUND');
  });

  it('a key without performance:read is 403; bad input is 400', async () => {
    expect(await errorCodeOf(summary(apiKeyAs(Role.AdminOpd, opdA, ['plans:read'])))).toBe('FORBIDDEN');
    expect(await errorCodeOf(core.call(CORE_SUBJECTS.dashboardSummary, {}, superAdmin))).toBe('VALIDATION_FAILED');
    expect(await errorCodeOf(summary(superAdmin, { year: 1999 }))).toBe('VALIDATION_FAILED');
    expect(await errorCodeOf(summary(superAdmin, { opdId: 'nope' }))).toBe('VALIDATION_FAILED');
    expect(await errorCodeOf(summary(superAdmin, { period: 'Q1' }))).toBe('VALIDATION_FAILED');
  });

  it('a year without plans or data is empty, not an error', async () => {
    const view = await summary(superAdmin, { year: 2040 });
    expect(view).toMatchObject({
      indicators: { total: 0, scored: 0, notScored: 0 },
      opds: [
        { code: 'A', capaian: null, objectives: 0 },
        { code: 'B', capaian: null },
        { code: 'C', capaian: null },
      ],
      topOpds: [],
      pemdaIndex: { capaian: null, scoredOpds: 0, opds: 3 },
      rpjmd: { capaian: null, objectives: [] },
      overdue: [],
      achievements: { total: 0 },
    });
  });
});
