import { Role, type CallerIdentity } from '@sakip/contracts';
import type { ReadCache } from '../../cache/read-cache';
import type { PerformanceInputs, PerformanceRepository } from '../../performance/performance.repository';
import type { ScoresRepository } from '../scores.repository';
import { IndicatorAnalytics } from './indicator-analytics.use-case';
import { OpdAnalytics } from './opd-analytics.use-case';

const OPD_A = '0190a000-0000-7000-8000-00000000000a';
const OPD_B = '0190a000-0000-7000-8000-00000000000b';
const IND = '0190a000-0000-7000-8000-0000000000c1';
const caller = (role: Role, opdId: string | null, extra: Partial<CallerIdentity> = {}): CallerIdentity => ({ sub: 'u', role, opdId, actor: 'user:u', ...extra });
const empty: PerformanceInputs = { indicators: [], targets: new Map(), achievements: new Map(), cap: '150' };

function setup(timezone: 'WIB' | 'WIT' = 'WIB') {
  const calls: string[] = [];
  const performance = { read: jest.fn(async () => empty) };
  const scores = {
    timezone: jest.fn(async () => (calls.push('timezone'), timezone)),
    indicator: jest.fn(async (id: string) => (id === IND ? { id, name: 'I', opd_id: OPD_A, objective_id: null, unit: '%', frequency: 'quarterly', aggregation: 'sum', polarity: 'higher_better' } : null)),
    opd: jest.fn(async (id: string) => (id === OPD_A || id === OPD_B ? { id, code: 'X', name: 'Dinas X' } : null)),
    objectives: jest.fn(async () => []),
    weights: jest.fn(async () => new Map()),
  };
  const cache = { getOrCompute: jest.fn((_name: string, _params: unknown, compute: () => Promise<unknown>) => compute()) };
  // 31 Dec 2026 16:00 UTC: still 2026 in WIB (23:00), already 2027 in WIT (01:00).
  const clock = () => new Date('2026-12-31T16:00:00Z');
  const deps = [performance as unknown as PerformanceRepository, scores as unknown as ScoresRepository, cache as unknown as ReadCache, clock] as const;
  return { indicator: new IndicatorAnalytics(...deps), opd: new OpdAnalytics(...deps), calls, performance, cache };
}

describe('IndicatorAnalytics / OpdAnalytics', () => {
  it('refuse a caller without performance.read before any lookup', async () => {
    const { indicator, opd, calls } = setup();
    const key = caller(Role.Viewer, OPD_A, { scopes: ['achievements:read'] });
    await expect(indicator.execute(key, { id: IND })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(opd.execute(null, { id: OPD_A })).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(calls).toEqual([]);
  });

  it('default years: the current year in the Pemda time zone and the two before, in the cache key with the scope', async () => {
    const wib = setup('WIB');
    await wib.indicator.execute(caller(Role.AdminOpd, OPD_A), { id: IND });
    const wit = setup('WIT');
    await wit.indicator.execute(caller(Role.SuperAdmin, null), { id: IND, years: [2027, 2025, 2027] });
    expect([wib.cache.getOrCompute.mock.calls[0].slice(0, 2), wit.cache.getOrCompute.mock.calls[0].slice(0, 2)]).toEqual([
      ['analytics.indicator.v1', { scope: OPD_A, id: IND, years: [2024, 2025, 2026], currentYear: 2026 }],
      ['analytics.indicator.v1', { scope: null, id: IND, years: [2025, 2027], currentYear: 2027 }],
    ]);
    // The year before the first shown is read too (growth).
    expect((wib.performance.read.mock.calls as unknown as Array<[{ year: number }]>).map(([q]) => q.year)).toEqual([2023, 2024, 2025, 2026]);
  });

  it('a foreign or unknown indicator / OPD is 404', async () => {
    const { indicator, opd } = setup();
    await expect(indicator.execute(caller(Role.AdminOpd, OPD_B), { id: IND })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(indicator.execute(caller(Role.SuperAdmin, null), { id: OPD_A })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(opd.execute(caller(Role.Viewer, OPD_A), { id: OPD_B })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(opd.execute(caller(Role.Evaluator, null), { id: IND })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('OPD analytics reads that OPD\'s indicators per year, cached per scope', async () => {
    const { opd, performance, cache } = setup();
    const view = await opd.execute(caller(Role.Viewer, OPD_A), { id: OPD_A, years: [2026] });
    expect(cache.getOrCompute.mock.calls[0].slice(0, 2)).toEqual(['analytics.opd.v1', { scope: OPD_A, id: OPD_A, years: [2026], currentYear: 2026 }]);
    expect((performance.read.mock.calls as unknown as Array<[{ year: number; opdId: string }]>).map(([q]) => [q.year, q.opdId])).toEqual([
      [2025, OPD_A],
      [2026, OPD_A],
    ]);
    expect(view).toMatchObject({ opdId: OPD_A, currentYear: 2026, atRisk: false, years: [{ year: 2026, capaian: null, projection: { capaian: null, atRisk: false } }] });
  });
});
