import { CORE_SUBJECTS, Role, type AchievementView, type CallerIdentity, type DashboardSummaryView, type IndicatorAnalyticsView, type OpdAnalyticsView, type SettingsView } from '@sakip/contracts';
import { createRedisClient } from '@sakip/persistence';
import type Redis from 'ioredis';
import { ReadCache } from '../src/cache/read-cache';
import { seedIndicator, seedOpd, seedPlan, seedTargets, split, QUARTERS } from './achievement-fixtures';
import { callerAs, startCore, type CoreHarness } from './core-harness';

const S = CORE_SUBJECTS;
const YEAR = 2026;

/**
 * The read cache of the dashboard and analytics: a second identical read is served from Redis
 * (the compute function is not called), callers of different OPD scopes never share an entry, and
 * every write that changes an answer — an achievement, a target, the capaian cap, a period lock —
 * is visible in the very next read (the generation bump after commit), all through the RPCs.
 */
describe('read cache (integration)', () => {
  let core: CoreHarness;
  let redis: Redis;
  let opdA: string;
  let opdB: string;
  let indicatorA: string;
  let adminA: CallerIdentity;
  let adminB: CallerIdentity;
  const superAdmin = callerAs(Role.SuperAdmin);
  const evaluator = callerAs(Role.Evaluator);
  /** Every getOrCompute call (name, params) and whether it had to compute. */
  const calls: Array<{ name: string; params: Record<string, unknown>; computed: boolean }> = [];

  const dashboard = (who: CallerIdentity = superAdmin, q: Record<string, unknown> = {}) => core.call<DashboardSummaryView>(S.dashboardSummary, { year: YEAR, ...q }, who);
  const capaianOfA = (view: DashboardSummaryView) => view.opds.find((o) => o.opdId === opdA)?.capaian;
  /** Runs `read` and says whether it was computed (false = served from the cache). */
  const computedBy = async <T>(read: () => Promise<T>): Promise<{ value: T; computed: boolean }> => {
    const before = calls.length;
    const value = await read();
    const mine = calls.slice(before);
    expect(mine).toHaveLength(1);
    return { value, computed: mine[0].computed };
  };
  const generation = async () => Number((await redis.get('core:cache:gen')) ?? '0');

  beforeAll(async () => {
    core = await startCore();
    redis = createRedisClient(core.stack.env['REDIS_URL']!, core.stack.env['REDIS_PREFIX']!);
    const cache = core.app.get(ReadCache);
    const original = cache.getOrCompute.bind(cache);
    jest.spyOn(cache, 'getOrCompute').mockImplementation(<T>(name: string, params: unknown, compute: () => Promise<T>) => {
      const call = { name, params: params as Record<string, unknown>, computed: false };
      calls.push(call);
      return original(name, params, () => {
        call.computed = true;
        return compute();
      });
    });

    opdA = await seedOpd(core, 'A');
    opdB = await seedOpd(core, 'B');
    adminA = callerAs(Role.AdminOpd, opdA);
    adminB = callerAs(Role.AdminOpd, opdB);
    const planA = await seedPlan(core, opdA, 2025);
    indicatorA = await seedIndicator(core, planA, { name: 'A1', frequency: 'quarterly' });
    await seedTargets(core, indicatorA, YEAR, '100', split(QUARTERS, ['25', '25', '25', '25']));
    const planB = await seedPlan(core, opdB, 2025);
    const indicatorB = await seedIndicator(core, planB, { name: 'B1', frequency: 'annual' });
    await seedTargets(core, indicatorB, YEAR, '10', split(QUARTERS, ['2.5', '2.5', '2.5', '2.5']));
    await core.sql(`INSERT INTO core.achievements (id, indicator_id, opd_id, year, period, realization, status, input_by) VALUES (gen_random_uuid(), $1, $2, $3, 'Y', 8, 'verified', 'user:seed')`, [
      indicatorB,
      opdB,
      YEAR,
    ]);
    // Fixtures went in by SQL (no audit row, no bump): start from a clean generation.
    await core.app.get(ReadCache).invalidate();
  }, 60_000);
  afterAll(async () => {
    redis?.disconnect();
    await core?.close();
  });

  it('serves a second identical read from the cache', async () => {
    const first = await computedBy(() => dashboard());
    expect(first.computed).toBe(true);
    expect(first.value.opds.map((o) => [o.code, o.capaian])).toEqual([
      ['A', null],
      ['B', 80],
    ]);
    const second = await computedBy(() => dashboard());
    expect(second).toEqual({ value: first.value, computed: false });
  });

  it('never shares an entry between callers of different OPD scopes', async () => {
    const a = await computedBy(() => dashboard(adminA));
    const b = await computedBy(() => dashboard(adminB));
    const wide = await computedBy(() => dashboard(evaluator)); // same scope as super_admin: the same entry
    const wideForA = await computedBy(() => dashboard(superAdmin, { opdId: opdA }));
    expect([a.computed, b.computed, wide.computed, wideForA.computed]).toEqual([true, true, false, true]);
    expect(a.value.opds.map((o) => o.opdId)).toEqual([opdA]);
    expect(b.value.opds.map((o) => o.opdId)).toEqual([opdB]);
    expect(calls.slice(-4).map((c) => [c.params['scope'], c.params['opdId']])).toEqual([
      [opdA, null],
      [opdB, null],
      [null, null],
      [null, opdA],
    ]);
    // The bound callers' second reads hit their own entries.
    expect((await computedBy(() => dashboard(adminA))).computed).toBe(false);
    expect((await computedBy(() => dashboard(adminB))).value).toEqual(b.value);
  });

  describe('a write is visible in the very next read', () => {
    let achievement: AchievementView;

    it('an achievement created (draft) and then submitted', async () => {
      await dashboard();
      const before = await generation();
      achievement = await core.call<AchievementView>(S.achievementCreate, { indicatorId: indicatorA, year: YEAR, period: 'Q1', realization: 30 }, adminA);
      expect(await generation()).toBeGreaterThan(before);

      const afterDraft = await computedBy(() => dashboard());
      expect(afterDraft.computed).toBe(true);
      expect(afterDraft.value.achievements).toMatchObject({ draft: 1, submitted: 0, total: 2 });
      expect(capaianOfA(afterDraft.value)).toBeNull(); // a draft does not count

      await core.call(S.achievementSubmit, { id: achievement.id }, adminA);
      const afterSubmit = await dashboard();
      expect(afterSubmit.achievements).toMatchObject({ draft: 0, submitted: 1 });
      expect(capaianOfA(afterSubmit)).toBe(120); // 30 / 25
    });

    it('a target change', async () => {
      expect(capaianOfA(await dashboard())).toBe(120);
      await core.call(S.targetPut, { id: indicatorA, year: YEAR, annual: 100, periods: { Q1: 24, Q2: 26, Q3: 25, Q4: 25 } }, adminA);
      expect(capaianOfA(await dashboard())).toBe(125); // 30 / 24
    });

    it('a change of the capaian cap in the settings', async () => {
      const settings = await core.call<SettingsView>(S.settingsGet, {}, superAdmin);
      const body = { ...settings, headName: 'Bupati Contoh', headTitle: 'Bupati', headRank: null, headNip: null, version: undefined, updatedAt: undefined };
      expect(capaianOfA(await dashboard())).toBe(125);
      await core.call(S.settingsUpdate, { ...body, capaianCap: 110 }, superAdmin);
      expect(capaianOfA(await dashboard())).toBe(110);
      expect(capaianOfA(await dashboard(adminA))).toBe(110);
    });

    it('a period lock', async () => {
      expect((await dashboard()).achievements).toMatchObject({ submitted: 1, locked: 0 });
      await core.call(S.periodLock, { year: YEAR, period: 'Q1', force: true }, superAdmin);
      const after = await dashboard();
      expect(after.achievements).toMatchObject({ submitted: 0, locked: 1 });
      expect(capaianOfA(after)).toBe(110); // a locked figure still counts
    });

    it('the analytics too (indicator and OPD)', async () => {
      const read = () => core.call<IndicatorAnalyticsView>(S.analyticsIndicator, { id: indicatorA, years: [YEAR] }, adminA);
      const readOpd = () => core.call<OpdAnalyticsView>(S.analyticsOpd, { id: opdA, years: [YEAR] }, adminA);
      const first = await computedBy(read);
      expect(first.computed).toBe(true);
      expect(first.value.years[0]).toMatchObject({ throughPeriod: 'Q1', capaian: 110 });
      expect((await computedBy(read)).computed).toBe(false);
      expect((await readOpd()).years[0].capaian).toBe(110);

      const q2 = await core.call<AchievementView>(S.achievementCreate, { indicatorId: indicatorA, year: YEAR, period: 'Q2', realization: 20 }, adminA);
      await core.call(S.achievementSubmit, { id: q2.id }, adminA);
      const after = await computedBy(read);
      expect(after.computed).toBe(true);
      expect(after.value.years[0]).toMatchObject({ throughPeriod: 'Q2', realization: 50, capaian: 100 }); // 50 / 50
      expect((await readOpd()).years[0].capaian).toBe(100);
    });

    it('a read that changes nothing does not invalidate', async () => {
      await dashboard();
      const before = await generation();
      await core.call(S.performanceData, { year: YEAR }, superAdmin);
      await core.call(S.periodList, { year: YEAR }, superAdmin);
      expect(await generation()).toBe(before);
      expect((await computedBy(() => dashboard())).computed).toBe(false);
    });
  });
});
