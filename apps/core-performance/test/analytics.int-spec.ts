import { CORE_SUBJECTS, Role, type CallerIdentity, type IndicatorAnalyticsView, type OpdAnalyticsView } from '@sakip/contracts';
import { randomUUID } from 'node:crypto';
import { MONTHS, QUARTERS, seedIndicator, seedOpd, seedPlan, seedTargets, split } from './achievement-fixtures';
import { apiKeyAs, callerAs, errorCodeOf, startCore, type CoreHarness } from './core-harness';

/** The analytics project the Pemda's current year (WIB by default): the fixture is built around it. */
const CUR = new Date(Date.now() + 7 * 3_600_000).getUTCFullYear();
const PREV = CUR - 1;

/**
 * `/analytics/indicators/:id` and `/analytics/opds/:id`, numbers computed by hand. OPD A's plan
 * covers CUR−2 … CUR+2 with sasaran S1 and S2.
 *
 * I1 (S1, quarterly sum): PREV 20, 25, 25, 30 vs 25 a quarter (100 %; s.d. Q2 45/50 = 90 %);
 *    CUR Q1 30, Q2 36 (Q3 1000 only a draft) vs 30 a quarter: s.d. Q2 66/60 = 110 %.
 *    Growth s.d. Q2: (66 − 45)/45 = +46.67 %, capaian (110 − 90)/90 = +22.22 %.
 *    Projection: least squares through (0,0), (3,30), (6,66): slope 11, intercept −1 → 131 in
 *    December; 131/120 = 109.17 %.
 * I2 (S1, monthly average): CUR 90, 80, 70 vs 100 → s.d. M03 80 %; running means 90, 85, 80 →
 *    35 in December: 35 %, at risk.
 * I3 (S2, quarterly): CUR Q1 only a draft → not scored.
 * OPD A: CUR S1 = (110 + 80)/2 = 95, S2 none → 95; PREV (whole year 100) like for like: I1 s.d.
 *    Q2 (the period it reached in CUR) = 90 %, I2 has no PREV → S1 90 → growth (95 − 90)/90 = +5.56 %.
 *    Projected: S1 = (109.1666… + 35)/2 = 72.08 → at risk; 1 of 2 projected indicators at risk.
 */
describe('analytics (integration)', () => {
  let core: CoreHarness;
  let opdA: string;
  let opdB: string;
  const ids: Record<string, string> = {};
  const superAdmin = callerAs(Role.SuperAdmin);

  const indicator = (id: string, who: CallerIdentity, years?: unknown) =>
    core.call<IndicatorAnalyticsView>(CORE_SUBJECTS.analyticsIndicator, { id, ...(years === undefined ? {} : { years }) }, who);
  const opd = (id: string, who: CallerIdentity, years?: unknown) => core.call<OpdAnalyticsView>(CORE_SUBJECTS.analyticsOpd, { id, ...(years === undefined ? {} : { years }) }, who);
  const achieve = (name: string, opdId: string | null, year: number, period: string, realization: string, status = 'verified') =>
    core.sql(`INSERT INTO core.achievements (id, indicator_id, opd_id, year, period, realization, status, input_by) VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, $6, 'user:seed')`, [
      ids[name],
      opdId,
      year,
      period,
      realization,
      status,
    ]);
  const quarters = (v: string) => split(QUARTERS, [v, v, v, v]);

  beforeAll(async () => {
    core = await startCore();
    opdA = await seedOpd(core, 'A');
    opdB = await seedOpd(core, 'B');
    const planA = await seedPlan(core, opdA, CUR - 2);
    const s2 = randomUUID();
    await core.sql(`INSERT INTO core.plan_nodes (id, level, strategic_plan_id, parent_id, opd_id, code, name) VALUES ($1, 'objective', $2, $3, $4, 'S2', 'Sasaran 2')`, [
      s2,
      planA.planId,
      planA.goalId,
      opdA,
    ]);

    ids.I1 = await seedIndicator(core, planA, { name: 'I1', frequency: 'quarterly', aggregation: 'sum' });
    await seedTargets(core, ids.I1, PREV, '100', quarters('25'));
    await seedTargets(core, ids.I1, CUR, '120', quarters('30'));
    for (const [p, v] of [['Q1', '20'], ['Q2', '25'], ['Q3', '25'], ['Q4', '30']]) await achieve('I1', opdA, PREV, p, v);
    await achieve('I1', opdA, CUR, 'Q1', '30');
    await achieve('I1', opdA, CUR, 'Q2', '36', 'submitted');
    await achieve('I1', opdA, CUR, 'Q3', '1000', 'draft');

    ids.I2 = await seedIndicator(core, planA, { name: 'I2', frequency: 'monthly', aggregation: 'average' });
    await seedTargets(core, ids.I2, CUR, '100', { ...quarters('100'), ...split(MONTHS, Array(12).fill('100')) });
    for (const [p, v] of [['M01', '90'], ['M02', '80'], ['M03', '70']]) await achieve('I2', opdA, CUR, p, v);

    ids.I3 = await seedIndicator(core, { ...planA, objectiveId: s2 }, { name: 'I3', frequency: 'quarterly' });
    await seedTargets(core, ids.I3, CUR, '40', quarters('10'));
    await achieve('I3', opdA, CUR, 'Q1', '5', 'draft');

    const planB = await seedPlan(core, opdB, CUR - 2);
    ids.B1 = await seedIndicator(core, planB, { name: 'B1', frequency: 'annual' });
    const rpjmd = await seedPlan(core, null, CUR - 2);
    ids.P1 = await seedIndicator(core, rpjmd, { name: 'P1', frequency: 'annual', isIku: true });
    await seedTargets(core, ids.P1, CUR, '10', quarters('2.5'));
    await achieve('P1', null, CUR, 'Y', '9');
  }, 60_000);
  afterAll(() => core?.close());

  describe('per indicator', () => {
    it('trend, year so far, like-for-like growth and the current year\'s projection', async () => {
      const view = await indicator(ids.I1, callerAs(Role.AdminOpd, opdA), `${PREV},${CUR}`);
      expect(view).toMatchObject({
        indicatorId: ids.I1,
        indicatorName: 'I1',
        opdId: opdA,
        unit: 'persen',
        frequency: 'quarterly',
        aggregation: 'sum',
        polarity: 'higher_better',
        currentYear: CUR,
        atRisk: false,
      });
      expect(view.years).toEqual([
        {
          year: PREV,
          inPlan: true,
          periods: [
            { period: 'Q1', periodRealization: 20, target: 25, realization: 20, capaian: 80, category: 'Tinggi', status: 'verified' },
            { period: 'Q2', periodRealization: 25, target: 50, realization: 45, capaian: 90, category: 'Tinggi', status: 'verified' },
            { period: 'Q3', periodRealization: 25, target: 75, realization: 70, capaian: 93.33, category: 'Sangat Tinggi', status: 'verified' },
            { period: 'Q4', periodRealization: 30, target: 100, realization: 100, capaian: 100, category: 'Sangat Tinggi', status: 'verified' },
          ],
          throughPeriod: 'Q4',
          target: 100,
          realization: 100,
          capaian: 100,
          category: 'Sangat Tinggi',
          // CUR − 2 is in the plan but has nothing counted
          growth: { basis: 'Q4', realization: null, capaian: null },
          projection: null,
        },
        {
          year: CUR,
          inPlan: true,
          periods: [
            { period: 'Q1', periodRealization: 30, target: 30, realization: 30, capaian: 100, category: 'Sangat Tinggi', status: 'verified' },
            { period: 'Q2', periodRealization: 36, target: 60, realization: 66, capaian: 110, category: 'Sangat Tinggi', status: 'submitted' },
            { period: 'Q3', periodRealization: null, target: 90, realization: null, capaian: null, category: null, status: 'draft' },
            { period: 'Q4', periodRealization: null, target: 120, realization: null, capaian: null, category: null, status: null },
          ],
          throughPeriod: 'Q2',
          target: 60,
          realization: 66,
          capaian: 110,
          category: 'Sangat Tinggi',
          growth: { basis: 'Q2', realization: 46.67, capaian: 22.22 },
          projection: { points: 2, actual: false, realization: 131, target: 120, capaian: 109.17, category: 'Sangat Tinggi', atRisk: false },
        },
      ]);
    });

    it('a falling monthly average is flagged at risk', async () => {
      const view = await indicator(ids.I2, superAdmin, [CUR]);
      expect(view.atRisk).toBe(true);
      expect(view.years[0]).toMatchObject({
        throughPeriod: 'M03',
        capaian: 80,
        projection: { points: 3, actual: false, realization: 35, target: 100, capaian: 35, category: 'Sangat Rendah', atRisk: true },
      });
      expect(view.years[0].periods.slice(0, 4).map((p) => [p.period, p.realization, p.capaian])).toEqual([
        ['M01', 90, 90],
        ['M02', 85, 85],
        ['M03', 80, 80],
        ['M04', null, null],
      ]);
    });

    it('default years: the current one and the two before; a year outside the plans is empty', async () => {
      const byDefault = await indicator(ids.I1, superAdmin);
      expect(byDefault.years.map((y) => [y.year, y.inPlan, y.capaian])).toEqual([
        [CUR - 2, true, null],
        [PREV, true, 100],
        [CUR, true, 110],
      ]);
      const outside = await indicator(ids.I1, superAdmin, `${CUR - 3},${CUR}`);
      expect(outside.years[0]).toEqual({
        year: CUR - 3,
        inPlan: false,
        periods: [],
        throughPeriod: null,
        target: null,
        realization: null,
        capaian: null,
        category: null,
        growth: { basis: null, realization: null, capaian: null },
        projection: null,
      });
    });

    it('draft-only data projects nothing and is not at risk', async () => {
      const view = await indicator(ids.I3, superAdmin, [CUR]);
      expect(view).toMatchObject({ atRisk: false, years: [{ capaian: null, projection: null, growth: { basis: null } }] });
    });

    it('scoped: another OPD\'s indicator is 404, the Pemda\'s is visible to everyone', async () => {
      expect(await errorCodeOf(indicator(ids.I1, callerAs(Role.AdminOpd, opdB)))).toBe('NOT_FOUND');
      expect(await errorCodeOf(indicator(ids.B1, apiKeyAs(Role.Viewer, opdA, ['performance:read'])))).toBe('NOT_FOUND');
      expect(await errorCodeOf(indicator(randomUUID(), superAdmin))).toBe('NOT_FOUND');
      const pemda = await indicator(ids.P1, callerAs(Role.Viewer, opdB), [CUR]);
      expect(pemda).toMatchObject({ opdId: null, years: [{ capaian: 90, projection: { actual: true, capaian: 90, atRisk: false } }] });
    });

    it('malformed years are 400; a key without performance:read is 403', async () => {
      for (const years of ['abc', `${CUR},,${PREV}`, '26', '2024.5', [], [1999], [2101], Array.from({ length: 11 }, (_, i) => 2020 + i).join(',')]) {
        expect([years, await errorCodeOf(indicator(ids.I1, superAdmin, years))]).toEqual([years, 'VALIDATION_FAILED']);
      }
      expect(await errorCodeOf(indicator('not-a-uuid', superAdmin))).toBe('VALIDATION_FAILED');
      expect(await errorCodeOf(indicator(ids.I1, apiKeyAs(Role.AdminOpd, opdA, ['achievements:read'])))).toBe('FORBIDDEN');
      // Ten years is the limit, not an error.
      expect((await indicator(ids.I1, superAdmin, Array.from({ length: 10 }, (_, i) => CUR - 9 + i).join(','))).years).toHaveLength(10);
    });
  });

  describe('per OPD', () => {
    it('capaian per month and year, growth, projection and at-risk indicators', async () => {
      const view = await opd(opdA, callerAs(Role.Viewer, opdA), `${PREV},${CUR}`);
      expect(view).toMatchObject({ opdId: opdA, code: 'A', name: 'Dinas A', currentYear: CUR, atRisk: true });
      const [prev, cur] = view.years;
      expect(prev).toMatchObject({
        year: PREV,
        capaian: 100,
        category: 'Sangat Tinggi',
        scoredObjectives: 1,
        objectives: 2,
        capaianGrowth: null,
        projection: null,
        indicators: { total: 3, scored: 1, projected: 0, atRisk: 0 },
      });
      expect(prev.periods.filter((p) => p.capaian !== null).map((p) => [p.period, p.capaian])).toEqual([
        ['M03', 80],
        ['M04', 80],
        ['M05', 80],
        ['M06', 90],
        ['M07', 90],
        ['M08', 90],
        ['M09', 93.33],
        ['M10', 93.33],
        ['M11', 93.33],
        ['M12', 100],
      ]);
      expect(cur).toMatchObject({
        year: CUR,
        capaian: 95,
        category: 'Sangat Tinggi',
        scoredObjectives: 1,
        objectives: 2,
        capaianGrowth: 5.56, // not −5: PREV is taken s.d. Q2, as this year so far
        projection: { capaian: 72.08, category: 'Sedang', atRisk: true, scoredObjectives: 1 },
        indicators: { total: 3, scored: 2, projected: 2, atRisk: 1 },
      });
      expect(cur.periods.map((p) => p.capaian)).toEqual([90, 85, 90, 100, 100, 110, 110, 110, null, null, null, null]);
    });

    it('scoped: another OPD or an unknown one is 404', async () => {
      expect(await errorCodeOf(opd(opdB, callerAs(Role.AdminOpd, opdA)))).toBe('NOT_FOUND');
      expect(await errorCodeOf(opd(randomUUID(), superAdmin))).toBe('NOT_FOUND');
      const b = await opd(opdB, callerAs(Role.Evaluator), [CUR]);
      expect(b).toMatchObject({ code: 'B', atRisk: false, years: [{ capaian: null, objectives: 1, indicators: { total: 1, scored: 0 } }] });
    });
  });
});
