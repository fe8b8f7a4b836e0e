import { CORE_SUBJECTS, Role, type CallerIdentity, type PerformancePage, type PerformanceRowView } from '@sakip/contracts';
import { MONTHS, QUARTERS, seedIndicator, seedOpd, seedPlan, seedTargets, split, type SeededPlan } from './achievement-fixtures';
import { ReadCache } from '../src/cache/read-cache';
import { apiKeyAs, callerAs, errorCodeOf, startCore, type CoreHarness } from './core-harness';

const S = CORE_SUBJECTS;
const YEAR = 2026;

/**
 * Every expected number below is computed by hand from DOMAIN.md "Achievement (capaian)", with
 * the rules of capaian/cumulativeCapaian:
 * - s.d. p needs p's own realization (else not scored, the target shown is that of 1..p) and
 *   aggregates realizations AND targets over the same entered periods 1..p (matched periods);
 * - Y is the year so far: s.d. the latest entered period (`throughPeriod`);
 * - only submitted / verified / locked achievements count, unless includeDrafts (draft, revision).
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
  const row = async (name: string, period?: string, extra: Record<string, unknown> = {}): Promise<PerformanceRowView> => {
    const page = await data({ indicatorId: ids[name], ...(period ? { period } : {}), ...extra });
    expect(page.items).toHaveLength(1);
    return page.items[0];
  };
  const numbers = (r: PerformanceRowView) => ({
    throughPeriod: r.throughPeriod,
    target: r.target,
    realization: r.realization,
    capaian: r.capaian,
    category: r.category,
    status: r.status,
  });
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

    // A1 monthly · sum · higher_better: 100 a month; M04 is a draft, M05 not entered.
    ids.A1 = await seedIndicator(core, planA, { name: 'A1 monthly sum', frequency: 'monthly', aggregation: 'sum' });
    await seedTargets(core, ids.A1, YEAR, '1200', { ...split(QUARTERS, ['300', '300', '300', '300']), ...split(MONTHS, Array(12).fill('100')) });
    await achieve('A1', opdA, 'M01', '90', 'verified');
    await achieve('A1', opdA, 'M02', '110', 'verified');
    await achieve('A1', opdA, 'M03', '120', 'submitted');
    await achieve('A1', opdA, 'M04', '80', 'draft');
    await achieve('A1', opdA, 'M06', '100', 'verified');

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

    // A9 quarterly · average · higher_better with a gap (Q2 never entered) and a returned Q4.
    ids.A9 = await seedIndicator(core, planA, { name: 'A9 quarterly gaps', frequency: 'quarterly', aggregation: 'average' });
    await seedTargets(core, ids.A9, YEAR, '95', split(QUARTERS, ['80', '90', '100', '110']));
    await achieve('A9', opdA, 'Q1', '76', 'verified');
    await achieve('A9', opdA, 'Q3', '95', 'verified');
    await achieve('A9', opdA, 'Q4', '70', 'revision');
  }, 60_000);
  afterAll(() => core?.close());

  it('computes the year so far (default period Y) for every visible indicator', async () => {
    const page = await data({});
    expect(page).toMatchObject({ total: 10, limit: 100, offset: 0, scored: 8 });
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
      'A9 quarterly gaps',
      'P1 Pemda IKU',
    ]);
    expect(byName['A1 monthly sum']).toEqual({
      indicatorId: ids.A1,
      indicatorName: 'A1 monthly sum',
      objectiveId: planA.objectiveId,
      opdId: opdA,
      year: YEAR,
      period: 'Y',
      // Counted: M01, M02, M03, M06 (M04 is a draft, M05 not entered) → Y so far = s.d. M06 over
      // those four: 90 + 110 + 120 + 100 = 420 against 4 × 100 = 400 → 105 %.
      throughPeriod: 'M06',
      target: 400,
      realization: 420,
      capaian: 105,
      category: 'Sangat Tinggi',
      // Y of a monthly indicator: the latest period with an achievement (M06).
      status: 'verified',
    });
    // Y so far = s.d. Q2: T = mean(12, 10) = 11, R = mean(11, 9) = 10, (22 − 10) / 11 = 109.0909…
    expect(numbers(byName['A2 quarterly average'])).toEqual({ throughPeriod: 'Q2', target: 11, realization: 10, capaian: 109.09, category: 'Sangat Tinggi', status: 'submitted' });
    // Y so far = s.d. S1: last → T = S1 = Q2 = 30 (not S2's 50), R = 27; 100 − 3/30 · 100 = 90.
    expect(numbers(byName['A3 semester last'])).toEqual({ throughPeriod: 'S1', target: 30, realization: 27, capaian: 90, category: 'Tinggi', status: 'verified' });
    // 180 % capped at 150.
    expect(numbers(byName['A4 annual capped'])).toEqual({ throughPeriod: 'Y', target: 100, realization: 180, capaian: 150, category: 'Sangat Tinggi', status: 'verified' });
    // Nothing entered: not scored, the whole year's target 10 + 10 + 10 + 10.
    expect(numbers(byName['A5 nothing entered'])).toEqual({ throughPeriod: null, target: 40, realization: null, capaian: null, category: null, status: null });
    // Only a draft: it does not count (and there are no targets either); its status still shows.
    expect(numbers(byName['A6 no targets'])).toEqual({ throughPeriod: null, target: null, realization: null, capaian: null, category: null, status: 'draft' });
    // s.d. M03: mean(1, 1, 2) = 1.3333… against mean(10, 10, 10) = 10 → 13.333… %.
    expect(numbers(byName['A7 monthly average'])).toEqual({ throughPeriod: 'M03', target: 10, realization: 1.3333, capaian: 13.33, category: 'Sangat Rendah', status: 'verified' });
    // 181.99 / 200 = 90.995 → 91.00: Sangat Tinggi, not Tinggi.
    expect(numbers(byName['A8 rounding'])).toEqual({ throughPeriod: 'Y', target: 200, realization: 181.99, capaian: 91, category: 'Sangat Tinggi', status: 'submitted' });
    // Q4 returned (revision) does not count → s.d. Q3 over Q1 and Q3 (Q2 is a gap):
    // T = mean(80, 100) = 90, R = mean(76, 95) = 85.5; 171 / 180 = 95 %.
    expect(numbers(byName['A9 quarterly gaps'])).toEqual({ throughPeriod: 'Q3', target: 90, realization: 85.5, capaian: 95, category: 'Sangat Tinggi', status: 'revision' });
    expect(byName['P1 Pemda IKU']).toMatchObject({ opdId: null, throughPeriod: 'Y', target: 10, realization: 10, capaian: 100, status: 'verified' });
  });

  it('computes s.d. a period for monthly, quarterly, semester and annual indicators', async () => {
    // Monthly, s.d. M02: 90 + 110 = 200 against 200.
    expect(numbers(await row('A1', 'M02'))).toEqual({ throughPeriod: 'M02', target: 200, realization: 200, capaian: 100, category: 'Sangat Tinggi', status: 'verified' });
    // Monthly s.d. Q1 = s.d. M03: 320 / 300 = 106.666…; status of M03.
    expect(numbers(await row('A1', 'Q1'))).toEqual({ throughPeriod: 'M03', target: 300, realization: 320, capaian: 106.67, category: 'Sangat Tinggi', status: 'submitted' });
    // s.d. Q2 = s.d. M06 with gaps M04 (draft) and M05: matched M01–M03 + M06, 420 / 400 = 105.
    expect(numbers(await row('A1', 'Q2'))).toEqual({ throughPeriod: 'M06', target: 400, realization: 420, capaian: 105, category: 'Sangat Tinggi', status: 'verified' });
    // s.d. M05: nothing for M05 itself → not scored (no longer 400 / 500); the target is M01–M05's.
    expect(numbers(await row('A1', 'M05'))).toEqual({ throughPeriod: null, target: 500, realization: null, capaian: null, category: null, status: null });
    // s.d. M04: M04 is only a draft → not scored; the status still says draft.
    expect(numbers(await row('A1', 'M04'))).toEqual({ throughPeriod: null, target: 400, realization: null, capaian: null, category: null, status: 'draft' });

    // Quarterly average lower_better s.d. Q2: T = mean(12, 10) = 11, R = mean(11, 9) = 10, (22 − 10) / 11 = 109.0909…
    expect(numbers(await row('A2', 'Q2'))).toEqual({ throughPeriod: 'Q2', target: 11, realization: 10, capaian: 109.09, category: 'Sangat Tinggi', status: 'submitted' });
    // s.d. S1 = s.d. Q2 for a quarterly indicator.
    expect(numbers(await row('A2', 'S1'))).toEqual({ throughPeriod: 'Q2', target: 11, realization: 10, capaian: 109.09, category: 'Sangat Tinggi', status: 'submitted' });
    // s.d. Q1 and s.d. M05 (= s.d. Q1): (24 − 11) / 12 = 108.333…
    expect(numbers(await row('A2', 'Q1'))).toEqual({ throughPeriod: 'Q1', target: 12, realization: 11, capaian: 108.33, category: 'Sangat Tinggi', status: 'verified' });
    expect(numbers(await row('A2', 'M05'))).toEqual({ throughPeriod: 'Q1', target: 12, realization: 11, capaian: 108.33, category: 'Sangat Tinggi', status: 'verified' });
    // s.d. Q3: Q3 not entered → not scored; T = mean(12, 10, 8) = 10.
    expect(numbers(await row('A2', 'Q3'))).toEqual({ throughPeriod: null, target: 10, realization: null, capaian: null, category: null, status: null });

    // Semester last target_based s.d. S1: T = Q2 = 30, 100 − 3/30 · 100 = 90; Q3 runs through S1 only.
    expect(numbers(await row('A3', 'S1'))).toEqual({ throughPeriod: 'S1', target: 30, realization: 27, capaian: 90, category: 'Tinggi', status: 'verified' });
    expect(numbers(await row('A3', 'Q3'))).toEqual({ throughPeriod: 'S1', target: 30, realization: 27, capaian: 90, category: 'Tinggi', status: 'verified' });
    // s.d. S2: S2 not entered → not scored (no longer the S1 level against the S2 target 50).
    expect(numbers(await row('A3', 'S2'))).toEqual({ throughPeriod: null, target: 50, realization: null, capaian: null, category: null, status: null });
    // No semester has ended by March: not scored.
    expect(numbers(await row('A3', 'Q1'))).toEqual({ throughPeriod: null, target: null, realization: null, capaian: null, category: null, status: null });

    // Annual: nothing before the year ends; Q4 ends with it.
    expect(numbers(await row('A4', 'Q2'))).toEqual({ throughPeriod: null, target: null, realization: null, capaian: null, category: null, status: null });
    expect(numbers(await row('A4', 'Q4'))).toEqual({ throughPeriod: 'Y', target: 100, realization: 180, capaian: 150, category: 'Sangat Tinggi', status: 'verified' });
    expect((await row('A4', 'Q4')).period).toBe('Q4');

    // Quarterly average with a gap, s.d. Q3: matched Q1, Q3 → 95 as for Y; s.d. Q2: Q2 missing,
    // not scored, T = mean(80, 90) = 85; s.d. Q4: the returned Q4 does not count → not scored,
    // T = mean(80, 90, 100, 110) = 95.
    expect(numbers(await row('A9', 'Q3'))).toEqual({ throughPeriod: 'Q3', target: 90, realization: 85.5, capaian: 95, category: 'Sangat Tinggi', status: 'verified' });
    expect(numbers(await row('A9', 'Q2'))).toEqual({ throughPeriod: null, target: 85, realization: null, capaian: null, category: null, status: null });
    expect(numbers(await row('A9', 'Q4'))).toEqual({ throughPeriod: null, target: 95, realization: null, capaian: null, category: null, status: 'revision' });
  });

  it('counts draft and revision achievements only with includeDrafts', async () => {
    // A1 Y: M01–M04 + M06 = 90 + 110 + 120 + 80 + 100 = 500 against 500 → 100 %.
    expect(numbers(await row('A1', undefined, { includeDrafts: true }))).toEqual({ throughPeriod: 'M06', target: 500, realization: 500, capaian: 100, category: 'Sangat Tinggi', status: 'verified' });
    // A1 s.d. M04 (a draft): 400 / 400.
    expect(numbers(await row('A1', 'M04', { includeDrafts: true }))).toEqual({ throughPeriod: 'M04', target: 400, realization: 400, capaian: 100, category: 'Sangat Tinggi', status: 'draft' });
    // A9 Y with the returned Q4: matched Q1, Q3, Q4: R = mean(76, 95, 70) = 80.3333…,
    // T = mean(80, 100, 110) = 96.6666…; 241 / 290 = 83.1034… %.
    expect(numbers(await row('A9', undefined, { includeDrafts: true }))).toEqual({ throughPeriod: 'Q4', target: 96.6667, realization: 80.3333, capaian: 83.1, category: 'Tinggi', status: 'revision' });
    // A6: the draft is shown, but there is no target to score it against.
    expect(numbers(await row('A6', undefined, { includeDrafts: true }))).toEqual({ throughPeriod: 'Q1', target: null, realization: 5, capaian: null, category: null, status: 'draft' });
    // includeDrafts=false is the default; the query-string form is accepted too.
    expect(numbers(await row('A9', undefined, { includeDrafts: false }))).toMatchObject({ throughPeriod: 'Q3', capaian: 95 });
    expect(numbers(await row('A9', undefined, { includeDrafts: 'true' }))).toMatchObject({ throughPeriod: 'Q4', capaian: 83.1 });
    expect(numbers(await row('A9', undefined, { includeDrafts: 'false' }))).toMatchObject({ throughPeriod: 'Q3', capaian: 95 });
  });

  it('applies the capaian cap setting, or none when it is null', async () => {
    // Raw SQL bypasses the service, so the read cache is told explicitly (the service does it after every audited commit).
    const setCap = async (cap: number | null) => {
      await core.sql(`UPDATE core.settings SET capaian_cap = $1`, [cap]);
      await core.app.get(ReadCache).invalidate();
    };
    await setCap(null);
    try {
      expect((await row('A4')).capaian).toBe(180);
      await setCap(120);
      expect((await row('A4')).capaian).toBe(120);
    } finally {
      await setCap(150);
    }
  });

  it('sorts and pages the whole filtered set; meta.scored counts all of it', async () => {
    const byCapaian = await data({ sort: '-capaian' });
    expect(byCapaian.items.map((r) => r.capaian)).toEqual([150, 109.09, 105, 100, 95, 91, 90, 13.33, null, null]);
    const ascending = await data({ sort: 'capaian' });
    expect(ascending.items.map((r) => r.capaian)).toEqual([13.33, 90, 91, 95, 100, 105, 109.09, 150, null, null]);
    const page = await data({ sort: '-indicatorName', limit: 2, offset: 2 });
    expect(page).toMatchObject({ total: 10, limit: 2, offset: 2, scored: 8 });
    expect(page.items.map((r) => r.indicatorName)).toEqual(['A8 rounding', 'A7 monthly average']);
    const past = await data({ offset: 50 });
    expect(past).toMatchObject({ items: [], total: 10, scored: 8 });
    // s.d. Q1: A1 (s.d. M03), A2, A7 (s.d. M03) and A9 are scored; A3 and A4 have no period ended
    // by March, A5 nothing entered, A6 only a draft, A8 and P1 are annual.
    expect(await data({ period: 'Q1' })).toMatchObject({ total: 10, scored: 4 });
    // includeDrafts: A6's draft has no target to be scored against, so still 8 of 10.
    expect(await data({ includeDrafts: true })).toMatchObject({ total: 10, scored: 8 });
  });

  it('filters by OPD, objective, indicator and IKU, limited to what the caller sees', async () => {
    expect((await data({ isIku: true })).items.map((r) => r.indicatorName)).toEqual(['P1 Pemda IKU']);
    expect((await data({ isIku: false })).total).toBe(9);
    expect((await data({ objectiveId: planA.objectiveId })).total).toBe(9);
    expect((await data({ opdId: opdA })).total).toBe(9);
    expect(await errorCodeOf(data({ opdId: opdB }))).toBe('NOT_FOUND');
    expect((await data({ indicatorId: ids.B1 })).items).toEqual([]);
    // Pemda-wide roles see every OPD (the expired plan's indicator is not of this year).
    const all = await data({}, superAdmin);
    expect(all.total).toBe(11);
    expect(all.items.some((r) => r.indicatorId === ids.OLD)).toBe(false);
    const b = await data({ opdId: opdB }, callerAs(Role.Evaluator));
    // Y so far = s.d. Q1: 1 of 1 (no longer 1 of the year's 4).
    expect(b.items.map((r) => [r.indicatorName, r.throughPeriod, r.capaian])).toEqual([['B1 other OPD', 'Q1', 100]]);
    expect((await data({}, callerAs(Role.Viewer))).total).toBe(11);
    expect((await data({}, apiKeyAs(Role.AdminOpd, opdA, ['performance:read']))).total).toBe(10);
  });

  it('refuses bad queries and callers without performance:read', async () => {
    for (const q of [
      { year: undefined },
      { period: 'TW1' },
      { sort: 'target' },
      { limit: 101 },
      { foo: 1 },
      { opdId: 'x' },
      { year: 1999 },
      { includeDrafts: 'yes' },
      { includeDrafts: 'TRUE' },
      { includeDrafts: 1 },
      { includeDrafts: '' },
    ]) {
      expect([q, await errorCodeOf(data(q))]).toEqual([q, 'VALIDATION_FAILED']);
    }
    expect(await errorCodeOf(data({}, apiKeyAs(Role.AdminOpd, opdA, ['achievements:read'])))).toBe('FORBIDDEN');
    expect(await errorCodeOf(data({}, null as unknown as CallerIdentity))).toBe('UNAUTHENTICATED');
  });
});
