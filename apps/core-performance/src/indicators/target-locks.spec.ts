import { changedTargetPeriods, targetFieldOf } from './target-locks';

describe('changedTargetPeriods', () => {
  const year = (annual: string, periods: Record<string, string>) => ({ annual, periods });
  const stored = year('100.0000', { Q1: '25.0000', Q2: '25.0000', Q3: '25.0000', Q4: '25.0000' });

  it('compares exactly in decimal: trailing zeros are no change', () => {
    expect(changedTargetPeriods(stored, year('100', { Q1: '25', Q2: '25', Q3: '25', Q4: '25' }))).toEqual([]);
  });

  it('names the changed keys in calendar order, Y for the annual', () => {
    expect(changedTargetPeriods(stored, year('100', { Q1: '25', Q2: '24.9999', Q3: '25.0001', Q4: '25' }))).toEqual(['Q2', 'Q3']);
    expect(changedTargetPeriods(stored, year('101', { Q1: '25', Q2: '25', Q3: '25', Q4: '26' }))).toEqual(['Y', 'Q4']);
  });

  it('counts a figure on one side only as a change (nothing stored yet: all of them)', () => {
    expect(changedTargetPeriods(null, year('0', { Q1: '0', Q2: '0', Q3: '0', Q4: '0' }))).toEqual(['Y', 'Q1', 'Q2', 'Q3', 'Q4']);
    expect(changedTargetPeriods(stored, year('100', { ...stored.periods, M01: '5' }))).toEqual(['M01']);
    expect(changedTargetPeriods(year('100', { ...stored.periods, M12: '5' }), stored)).toEqual(['M12']);
  });

  it('maps a period to its request field', () => {
    expect(targetFieldOf('Y')).toBe('annual');
    expect(targetFieldOf('M05')).toBe('periods.M05');
  });
});
