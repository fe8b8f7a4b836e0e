import { healthOf } from './health-score';

const run = (status: 'success' | 'partial' | 'failed', day: number) => ({ status, finished_at: new Date(Date.UTC(2026, 10, day)) });

describe('health score', () => {
  it('is unknown before any run', () => {
    expect(healthOf([])).toMatchObject({ score: null, status: 'unknown', runsConsidered: 0 });
  });

  it('weighs newer runs more: a recent failure after successes is degraded, three in a row failing', () => {
    expect(healthOf([run('success', 3), run('success', 2), run('success', 1)])).toMatchObject({ score: 100, status: 'healthy', lastFailureAt: null });
    const one = healthOf([run('failed', 4), run('success', 3), run('success', 2), run('success', 1)]);
    expect(one).toMatchObject({ score: 60, status: 'degraded', consecutiveFailures: 1 });
    expect(one.lastSuccessAt).toBe('2026-11-03T00:00:00.000Z');
    expect(healthOf([run('failed', 6), run('failed', 5), run('failed', 4), run('success', 3), run('success', 2), run('success', 1)])).toMatchObject({ status: 'failing', consecutiveFailures: 3 });
    expect(healthOf([run('partial', 2), run('success', 1)])).toMatchObject({ score: 67, status: 'degraded' });
  });
});
