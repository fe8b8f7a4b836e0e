import { Role, type CallerIdentity } from '@sakip/contracts';
import type { ReadCache } from '../../cache/read-cache';
import type { PeriodsRepository } from '../../periods/periods.repository';
import type { PerformanceInputs, PerformanceRepository } from '../../performance/performance.repository';
import type { ScoresRepository } from '../../analytics/scores.repository';
import type { DashboardRepository } from '../dashboard.repository';
import { DashboardSummary } from './dashboard-summary.use-case';

const OPD_A = '0190a000-0000-7000-8000-00000000000a';
const OPD_B = '0190a000-0000-7000-8000-00000000000b';
const caller = (role: Role, opdId: string | null, extra: Partial<CallerIdentity> = {}): CallerIdentity => ({ sub: 'u', role, opdId, actor: 'user:u', ...extra });
const empty: PerformanceInputs = { indicators: [], targets: new Map(), achievements: new Map(), cap: '150' };

function setup() {
  const calls: string[] = [];
  const performance = { read: jest.fn(async () => (calls.push('read'), empty)) };
  const scores = {
    opds: jest.fn(async (id: string | null) => (calls.push('opds'), id === null || id === OPD_A ? [{ id: OPD_A, code: 'A', name: 'Dinas A' }] : [])),
    objectives: jest.fn(async () => []),
    weights: jest.fn(async () => new Map()),
  };
  const periods = { overdue: jest.fn(async () => new Map()) };
  const dashboard = { passedDeadlines: jest.fn(async () => (calls.push('deadlines'), [{ period: 'Q1', input_deadline: new Date('2026-04-10T00:00:00Z') }])) };
  const cache = { getOrCompute: jest.fn((_name: string, _params: unknown, compute: () => Promise<unknown>) => compute()) };
  const useCase = new DashboardSummary(
    performance as unknown as PerformanceRepository,
    scores as unknown as ScoresRepository,
    periods as unknown as PeriodsRepository,
    dashboard as unknown as DashboardRepository,
    cache as unknown as ReadCache,
  );
  return { useCase, calls, performance, scores, periods, cache };
}

describe('DashboardSummary', () => {
  it('refuses a caller without performance.read before reading anything (401 / 403)', async () => {
    const { useCase, calls } = setup();
    await expect(useCase.execute(null, { year: 2026 })).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    await expect(useCase.execute(caller(Role.AdminOpd, OPD_A, { scopes: ['plans:read'] }), { year: 2026 })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(calls).toEqual([]);
  });

  it('a bound caller naming another OPD gets 404 before any lookup', async () => {
    const { useCase, calls } = setup();
    await expect(useCase.execute(caller(Role.Viewer, OPD_A), { year: 2026, opdId: OPD_B })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(calls).toEqual([]);
  });

  it('an unknown OPD is 404 for callers that see every OPD', async () => {
    const { useCase } = setup();
    await expect(useCase.execute(caller(Role.SuperAdmin, null), { year: 2026, opdId: OPD_B })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('keys the cache by scope, year, opdId and the periods past their deadline', async () => {
    const { useCase, cache } = setup();
    await useCase.execute(caller(Role.AdminOpd, OPD_A), { year: 2026 });
    await useCase.execute(caller(Role.Evaluator, null), { year: 2026, opdId: OPD_A });
    expect(cache.getOrCompute.mock.calls.map(([name, params]) => [name, params])).toEqual([
      ['dashboard.summary.v1', { scope: OPD_A, year: 2026, opdId: null, passedDeadlines: ['Q1'] }],
      ['dashboard.summary.v1', { scope: null, year: 2026, opdId: OPD_A, passedDeadlines: ['Q1'] }],
    ]);
  });

  it('a bound caller\'s answer is limited to its OPD (OPD list, overdue) and includes the Pemda rows', async () => {
    const { useCase, performance, scores, periods } = setup();
    const view = await useCase.execute(caller(Role.AdminOpd, OPD_A), { year: 2026 });
    expect(scores.opds).toHaveBeenCalledWith(OPD_A);
    expect(periods.overdue).toHaveBeenCalledWith(2026, OPD_A);
    // One read: without an explicit opdId the list already holds the Pemda rows.
    expect(performance.read).toHaveBeenCalledTimes(1);
    expect(view).toMatchObject({ year: 2026, opdId: OPD_A, opds: [{ opdId: OPD_A, capaian: null, rank: null }], overdue: [{ period: 'Q1', count: 0 }] });
  });

  it('with an explicit opdId the Pemda rows (RPJMD figure) are read on their own', async () => {
    const { useCase, performance } = setup();
    await useCase.execute(caller(Role.SuperAdmin, null), { year: 2026, opdId: OPD_A });
    expect((performance.read.mock.calls as unknown as Array<[{ opdId: unknown }]>).map(([q]) => q.opdId)).toEqual([OPD_A, null]);
  });
});
