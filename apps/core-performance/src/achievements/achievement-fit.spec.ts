import { achievementFitErrors } from './achievement-fit';

describe('achievementFitErrors', () => {
  const quarterly = { frequency: 'quarterly' as const, period_start: 2025, period_end: 2029 };

  it('accepts a period of the frequency in a plan year', () => {
    expect(achievementFitErrors(quarterly, 2025, 'Q1')).toEqual([]);
    expect(achievementFitErrors(quarterly, 2029, 'Q4')).toEqual([]);
    expect(achievementFitErrors({ ...quarterly, frequency: 'monthly' }, 2026, 'M12')).toEqual([]);
  });

  it('names the allowed periods and the plan years', () => {
    expect(achievementFitErrors(quarterly, 2026, 'M01')).toEqual([{ field: 'period', message: 'a quarterly indicator reports in Q1, Q2, Q3, Q4' }]);
    expect(achievementFitErrors({ ...quarterly, frequency: 'annual' }, 2030, 'Q1').map((e) => e.field)).toEqual(['period', 'year']);
  });
});
