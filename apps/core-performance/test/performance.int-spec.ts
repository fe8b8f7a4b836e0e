import { CORE_SUBJECTS, Role, type CallerIdentity, type PerformancePage, type PerformanceRowView } from '@sakip/contracts';
import { MONTHS, QUARTERS, seedIndicator, seedOpd, seedPlan, seedTargets, split, type SeededPlan } from './achievement-fixtures';
import { apiKeyAs, callerAs, errorCodeOf, startCore, type CoreHarness } from './core-harness';

const S = CORE_SUBJECTS;
const YEAR = 2026;

/**
 * Every expected number below is computed by hand from DOMAIN.md "Achievement (capaian)":
 * s.d. p aggregates the realizations entered in periods 1..p and the targets of 1..p the same way.
 */
describe('performance data (integration)', () => {
  let core: CoreHarness;
  let opdA: string;
  let opdB: string;
  let planA: SeededPlan;
  let adminA: CallerIdentity;
  const superAdmin = callerAs(Role.SuperAdmin);
  const ids: Record<string, string> = {};

  const data = (q: Record<string, unknown>, who: CallerIdentity = adminA) => core.call<PerformancePage>(S.performanceData, { year: YEAR, limit: 100, ...q }, who);
  const row = async (name: string, period?: string): Promise<PerformanceRowView> => {
    const page = await data({ indicatorId: ids[name], ...(period ? { period } : {}) });
    expect(page.items).toHaveLength(1);
    return page.items[0];
  };
  const numbers = (r: PerformanceRowView) => ({ target: r.target, realization: r.realization, capaian: r.capaian, category: r.category, status: r.status });
  const achieve = (indicator: string, opdId: string | null, period: string, realization: string, status: string) =>
    core.sql(`INSERT INTO core.achievements (id, indicator_id, opd_id, year, period, realization, status, input_by) VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, $6, 'user:seed')`, [
      ids[indicator],
      opdId,
      YEAR,
      period,
      realization,
      status,
    ]);

  beforeAll(async () => {
    core = await startCore();
    opdA = await seedOpd(core, 'A');
    opdB = await seedOpd(core, 'B');
    adminA = callerAs(Role.AdminOpd, opdA);
    planA = await seedPlan(core, opdA);
    const planB = await seedPlan(core, opdB);
    const rpjmd = await seedPlan(core, null);
    const oldPlanA = await seedPlan(core, opdA, 2020);

    // A1 monthly · sum · higher_better: 100 a month.
    ids.A1 = await seedIndicator(core, planA, { name: 'A1 monthly sum', frequency: 'monthly', aggregation: 'sum' });
    await seedTargets(core, ids.A1, YEAR, '1200', { ...split(QUARTERS, ['300', '300', '300', '300']), ...split(MONTHS, Array(12).fill('100')) });
    await achieve('A1', opdA, 'M01', '90', 'verified');
    await achieve('A1', opdA, 'M02', '110', 'verified');
    await achieve('A1', opdA, 'M03', '120', 'submitted');
    await achieve('A1', opdA, 'M04', '80', 'draft');

    // A2 quarterly · average · lower_better: 12, 10, 8, 10 (mean 10).
    ids.A2 = await seedIndicator(core, planA, { name: 'A2 quarterly average', frequency: 'quarterly', aggregation: 'average', polarity: 'lower_better' });
    await seedTargets(core, ids.A2, YEAR, '10', split(QUARTERS, ['12', '10', '8', '10']));
    await achieve('A2', opdA, 'Q1', '11', 'verified');
    await achieve('A2', opdA, 'Q2', '9', 'submitted');

    // A3 semester · last · target_based: S1 = Q2 = 30, S2 = Q4 = 50.
    ids.A3 = await seedIndicator(core, planA, { name: 'A3 semester last', frequency: 'semester', aggregation: 'last', polarity: 'target_based' });
    await seedTargets(core, ids.A3, YEAR, '50', split(QUARTERS, ['20', '30', '40', '50']));
    await achieve('A3', opdA, 'S1', '27', 'verified');

    // A4 annual · sum · higher_better, far above target (the cap applies).
    ids.A4 = await seedIndicator(core, planA, { name: 'A4 annual capped', frequency: 'annual', aggregation: 'sum' });
    await seedTargets(core, ids.A4, YEAR, '100', split(QUARTERS, ['25', '25', '25', '25']));
    await achieve('A4', opdA, 'Y', '180', 'verified');

    // A5 targets, no realization: not scored.
    ids.A5 = await seedIndicator(core, planA, { name: 'A5 nothing entered', frequency: 'quarterly' });
    await seedTargets(core, ids.A5, YEAR, '40', split(QUARTERS, ['10', '10', '10', '10']));

    // A6 a realization, no targets: not scored either.
    ids.A6 = await seedIndicator(core, planA, { name: 'A6 no targets', frequency: 'quarterly' });
    await achieve('A6', opdA, 'Q1', '5', 'draft');

    // A7 monthly · average: 4/3 does not terminate.
    ids.A7 = await seedIndicator(core, planA, { name: 'A7 monthly average', frequency: 'monthly', aggregation: 'average' });
    await seedTargets(core, ids.A7, YEAR, '10', { ...split(QUARTERS, ['10', '10', '10', '10']), ...split(MONTHS, Array(12).fill('10')) });
    await achieve('A7', opdA, 'M01', '1', 'verified');
    await achieve('A7', opdA, 'M02', '1', 'verified');
    await achieve('A7', opdA, 'M03', '2', 'verified');

    // A8 181.99 / 200 = 90.995 %: rounds half-up to 91.00, and the category is read on that.
    ids.A8 = await seedIndicator(core, planA, { name: 'A8 rounding', frequency: 'annual' });
    await seedTargets(core, ids.A8, YEAR, '200', split(QUARTERS, ['50', '50', '50', '50']));
    await achieve('A8', opdA, 'Y', '181.99', 'submitted');

    // The Pemda's own IKU (visible to every OPD), another OPD's indicator, an expired plan's.
    ids.P1 = await seedIndicator(core, rpjmd, { name: 'P1 Pemda IKU', frequency: 'annual', isIku: true });
    await seedTargets(core, ids.P1, YEAR, '10', split(QUARTERS, ['2.5', '2.5', '2.5', '2.5']));
    await achieve('P1', null, 'Y', '10', 'verified');
    ids.B1 = await seedIndicator(core, planB, { name: 'B1 other OPD', frequency: 'quarterly' });
    await seedTargets(core, ids.B1, YEAR, '4', split(QUARTERS, ['1', '1', '1', '1']));
    await achieve('B1', opdB, 'Q1', '1', 'verified');
    ids.OLD = await seedIndicator(core, oldPlanA, { name: 'A0 old plan', frequency: 'annual' });
  }, 60_000);
  afterAll(() => core?.close());

  it('computes the whole year (default period Y) for every visible indicator', async () => {
    const page = await data({});
    expect(page).toMatchObject({ total: 9, limit: 100, offset: 0, scored: 7 });
    const byName = Object.fromEntries(page.items.map((r) => [r.indicatorName, r]));
    expect(Object.keys(byName)).toEqual([
      'A1 monthly sum',
      'A2 quarterly average',
      'A3 semester last',
      'A4 annual capped',
      'A5 nothing entered',
      'A6 no targets',
      'A7 monthly average',
      'A8 rounding',
      'P1 Pemda IKU',
    ]);
    expect(byName['A1 monthly sum']).toEqual({
      indicatorId: ids.A1,
      indicatorName: 'A1 monthly sum',
      objectiveId: planA.objectiveId,
      opdId: opdA,
      year: YEAR,
      period: 'Y',
      // 1200 of 12 months; 90 + 110 + 120 + 80 = 400 entered; 400 / 1200 = 33.333…
      target: 1200,
      realization: 400,
      capaian: 33.33,
      category: 'Sangat Rendah',
      // Y of a monthly indicator: the latest period with an achievement (M04).
      status: 'draft',
    });
    // mean(12, 10, 8, 10) = 10; mean(11, 9) = 10; (2·10 − 10) / 10 = 100 %.
    expect(numbers(byName['A2 quarterly average'])).toEqual({ target: 10, realization: 10, capaian: 100, category: 'Sangat Tinggi', status: 'submitted' });
    // last of S1, S2 targets = 50; last entered = 27; 100 − |27 − 50| / 50 · 100 = 54.
    expect(numbers(byName['A3 semester last'])).toEqual({ target: 50, realization: 27, capaian: 54, category: 'Rendah', status: 'verified' });
    // 180 % capped at 150.
    expect(numbers(byName['A4 annual capped'])).toEqual({ target: 100, realization: 180, capaian: 150, category: 'Sangat Tinggi', status: 'verified' });
    expect(numbers(byName['A5 nothing entered'])).toEqual({ target: 40, realization: null, capaian: null, category: null, status: null });
    expect(numbers(byName['A6 no targets'])).toEqual({ target: null, realization: 5, capaian: null, category: null, status: 'draft' });
    // mean(1, 1, 2) = 1.3333…; 1.3333… / 10 = 13.333… %.
    expect(numbers(byName['A7 monthly average'])).toEqual({ target: 10, realization: 1.3333, capaian: 13.33, category: 'Sangat Rendah', status: 'verified' });
    // 90.995 → 91.00: Sangat Tinggi, not Tinggi.
    expect(numbers(byName['A8 rounding'])).toEqual({ target: 200, realization: 181.99, capaian: 91, category: 'Sangat Tinggi', status: 'submitted' });
    expect(byName['P1 Pemda IKU']).toMatchObject({ opdId: null, target: 10, realization: 10, capaian: 100, status: 'verified' });
  });

  it('computes s.d. a period for monthly, quarterly, semester and annual indicators', async () => {
    // Monthly, s.d. M02: 200 vs 90 + 110.
    expect(numbers(await row('A1', 'M02'))).toEqual({ target: 200, realization: 200, capaian: 100, category: 'Sangat Tinggi', status: 'verified' });
    // Monthly s.d. Q1 = s.d. M03: 320 / 300 = 106.666…; status of M03.
    expect(numbers(await row('A1', 'Q1'))).toEqual({ target: 300, realization: 320, capaian: 106.67, category: 'Sangat Tinggi', status: 'submitted' });
    // s.d. Q2 = s.d. M06: 400 / 600 = 66.666… (M05, M06 not entered); status of the latest entered (M04).
    expect(numbers(await row('A1', 'Q2'))).toEqual({ target: 600, realization: 400, capaian: 66.67, category: 'Sedang', status: 'draft' });
    // s.d. M05: 400 / 500 = 80; nothing entered for M05 itself.
    expect(numbers(await row('A1', 'M05'))).toEqual({ target: 500, realization: 400, capaian: 80, category: 'Tinggi', status: null });

    // Quarterly average lower_better s.d. Q2: T = mean(12, 10) = 11, R = mean(11, 9) = 10, (22 − 10) / 11 = 109.0909…
    expect(numbers(await row('A2', 'Q2'))).toEqual({ target: 11, realization: 10, capaian: 109.09, category: 'Sangat Tinggi', status: 'submitted' });
    // s.d. S1 = s.d. Q2 for a quarterly indicator.
    expect(numbers(await row('A2', 'S1'))).toEqual({ target: 11, realization: 10, capaian: 109.09, category: 'Sangat Tinggi', status: 'submitted' });
    // s.d. Q1 and s.d. M05 (= s.d. Q1): (24 − 11) / 12 = 108.333…
    expect(numbers(await row('A2', 'Q1'))).toEqual({ target: 12, realization: 11, capaian: 108.33, category: 'Sangat Tinggi', status: 'verified' });
    expect(numbers(await row('A2', 'M05'))).toEqual({ target: 12, realization: 11, capaian: 108.33, category: 'Sangat Tinggi', status: 'verified' });

    // Semester last target_based s.d. S1: T = Q2 = 30, 100 − 3/30 · 100 = 90; Q3 runs through S1 only.
    expect(numbers(await row('A3', 'S1'))).toEqual({ target: 30, realization: 27, capaian: 90, category: 'Tinggi', status: 'verified' });
    expect(numbers(await row('A3', 'Q3'))).toEqual({ target: 30, realization: 27, capaian: 90, category: 'Tinggi', status: 'verified' });
    // No semester has ended by March: not scored.
    expect(numbers(await row('A3', 'Q1'))).toEqual({ target: null, realization: null, capaian: null, category: null, status: null });

    // Annual: nothing before the year ends; Q4 ends with it.
    expect(numbers(await row('A4', 'Q2'))).toEqual({ target: null, realization: null, capaian: null, category: null, status: null });
    expect(numbers(await row('A4', 'Q4'))).toEqual({ target: 100, realization: 180, capaian: 150, category: 'Sangat Tinggi', status: 'verified' });
    expect((await row('A4', 'Q4')).period).toBe('Q4');
  });

  it('applies the capaian cap setting, or none when it is null', async () => {
    await core.sql(`UPDATE core.settings SET capaian_cap = NULL`);
    try {
      expect((await row('A4')).capaian).toBe(180);
      await core.sql(`UPDATE core.settings SET capaian_cap = 120`);
      expect((await row('A4')).capaian).toBe(120);
    } finally {
      await core.sql(`UPDATE core.settings SET capaian_cap = 150`);
    }
  });

  it('sorts and pages the whole filtered set; meta.scored counts all of it', async () => {
    const byCapaian = await data({ sort: '-capaian' });
    expect(byCapaian.items.map((r) => r.capaian)).toEqual([150, 100, 100, 91, 54, 33.33, 13.33, null, null]);
    const ascending = await data({ sort: 'capaian' });
    expect(ascending.items.map((r) => r.capaian)).toEqual([13.33, 33.33, 54, 91, 100, 100, 150, null, null]);
    const page = await data({ sort: '-indicatorName', limit: 2, offset: 2 });
    expect(page).toMatchObject({ total: 9, limit: 2, offset: 2, scored: 7 });
    expect(page.items.map((r) => r.indicatorName)).toEqual(['A7 monthly average', 'A6 no targets']);
    const past = await data({ offset: 50 });
    expect(past).toMatchObject({ items: [], total: 9, scored: 7 });
  });

  it('filters by OPD, objective, indicator and IKU, limited to what the caller sees', async () => {
    expect((await data({ isIku: true })).items.map((r) => r.indicatorName)).toEqual(['P1 Pemda IKU']);
    expect((await data({ isIku: false })).total).toBe(8);
    expect((await data({ objectiveId: planA.objectiveId })).total).toBe(8);
    expect((await data({ opdId: opdA })).total).toBe(8);
    expect(await errorCodeOf(data({ opdId: opdB }))).toBe('NOT_FOUND');
    expect((await data({ indicatorId: ids.B1 })).items).toEqual([]);
    // Pemda-wide roles see every OPD (the expired plan's indicator is not of this year).
    const all = await data({}, superAdmin);
    expect(all.total).toBe(10);
    expect(all.items.some((r) => r.indicatorId === ids.OLD)).toBe(false);
    const b = await data({ opdId: opdB }, callerAs(Role.Evaluator));
    expect(b.items.map((r) => [r.indicatorName, r.capaian])).toEqual([['B1 other OPD', 25]]); // 1 of 4 for the year
    expect((await data({}, callerAs(Role.Viewer))).total).toBe(10);
    expect((await data({}, apiKeyAs(Role.AdminOpd, opdA, ['performance:read']))).total).toBe(9);
  });

  it('refuses bad queries and callers without performance:read', async () => {
    for (const q of [{ year: undefined }, { period: 'TW1' }, { sort: 'target' }, { limit: 101 }, { foo: 1 }, { opdId: 'x' }, { year: 1999 }]) {
      expect(await errorCodeOf(data(q))).toBe('VALIDATION_FAILED');
    }
    expect(await errorCodeOf(data({}, apiKeyAs(Role.AdminOpd, opdA, ['achievements:read'])))).toBe('FORBIDDEN');
    expect(await errorCodeOf(data({}, null as unknown as CallerIdentity))).toBe('UNAUTHENTICATED');
  });
});
