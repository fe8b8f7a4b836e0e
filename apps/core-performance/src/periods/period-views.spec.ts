import { periodViews, type PeriodRow } from './period-views';

const row = (period: PeriodRow['period'], patch: Partial<PeriodRow> = {}): PeriodRow => ({
  year: 2026,
  period,
  input_deadline: null,
  locked_at: null,
  locked_by: null,
  updated_at: new Date('2026-01-01T00:00:00Z'),
  version: 1,
  ...patch,
});

describe('periodViews', () => {
  it('shows all 19 periods, unset ones at version 0', () => {
    const views = periodViews(2026, [], new Map());
    expect(views.map((v) => v.period)).toEqual(['Y', 'S1', 'S2', 'Q1', 'Q2', 'Q3', 'Q4', 'M01', 'M02', 'M03', 'M04', 'M05', 'M06', 'M07', 'M08', 'M09', 'M10', 'M11', 'M12']);
    expect(views.every((v) => !v.locked && v.version === 0 && v.updatedAt === null && v.overdueOpdIds.length === 0)).toBe(true);
  });

  it('inherits a lock from any containing period, reporting the earliest lock', () => {
    const early = new Date('2026-04-15T00:00:00Z');
    const late = new Date('2026-07-15T00:00:00Z');
    const views = periodViews(
      2026,
      [row('Q1', { locked_at: early, locked_by: 'user:a' }), row('S1', { locked_at: late, locked_by: 'user:b' }), row('M05', { input_deadline: late, version: 0 })],
      new Map([['M05', ['opd-1']]]),
    );
    const by = Object.fromEntries(views.map((v) => [v.period, v]));
    expect(views.filter((v) => v.locked).map((v) => v.period)).toEqual(['S1', 'Q1', 'Q2', 'M01', 'M02', 'M03', 'M04', 'M05', 'M06']);
    expect(by['M02']).toMatchObject({ lockedAt: early.toISOString(), lockedBy: 'user:a' });
    expect(by['M04']).toMatchObject({ lockedAt: late.toISOString(), lockedBy: 'user:b' });
    expect(by['S1']).toMatchObject({ lockedAt: late.toISOString(), lockedBy: 'user:b', version: 1 });
    expect(by['M05']).toMatchObject({ inputDeadline: late.toISOString(), overdueOpdIds: ['opd-1'], version: 0, updatedAt: null });
    expect(by['Y'].locked).toBe(false);
  });
});
