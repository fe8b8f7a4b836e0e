import { childLevelOf, levelFieldErrors, listFilterErrors } from './plan-levels';
import { periodsOverlap, planPeriodErrors, sentFields } from './plan-rules';

describe('plan levels', () => {
  it('chains goal → objective → program → activity → sub_activity', () => {
    expect(childLevelOf('goal')).toBe('objective');
    expect(childLevelOf('objective')).toBe('program');
    expect(childLevelOf('program')).toBe('activity');
    expect(childLevelOf('activity')).toBe('sub_activity');
    expect(childLevelOf('sub_activity')).toBeNull();
  });

  it.each([
    ['goal', { strategicPlanId: 'p' }, []],
    ['goal', {}, ['strategicPlanId']],
    ['goal', { strategicPlanId: 'p', goalId: 'g' }, ['goalId']],
    ['goal', { strategicPlanId: 'p', sipdCode: '1.02.02' }, ['sipdCode']],
    ['objective', { goalId: 'g', rpjmdObjectiveId: 'r' }, []],
    ['objective', { goalId: 'g', sipdCode: '1.02.02' }, ['sipdCode']],
    ['program', { objectiveId: 'o', sipdCode: '1.02.02' }, []],
    ['program', { objectiveId: 'o', rpjmdObjectiveId: 'r' }, ['rpjmdObjectiveId']],
    ['program', { goalId: 'g' }, ['objectiveId', 'goalId']],
    ['activity', { programId: 'p' }, []],
    ['sub_activity', { activityId: 'a', sipdCode: null }, []],
  ] as const)('create %s %j → errors on %j', (level, payload, fields) => {
    expect(levelFieldErrors(level, payload as Record<string, unknown>, true).map((e) => e.field)).toEqual(expect.arrayContaining([...fields]));
    expect(levelFieldErrors(level, payload as Record<string, unknown>, true)).toHaveLength(fields.length);
  });

  it('refuses every parent field on update (moving is not supported)', () => {
    expect(levelFieldErrors('objective', { goalId: 'g' }, false)).toEqual([{ field: 'goalId', message: expect.stringContaining('moving a node is not supported') }]);
    expect(levelFieldErrors('goal', { strategicPlanId: 'p' }, false)).toHaveLength(1);
    expect(levelFieldErrors('program', { sipdCode: null, name: 'x' }, false)).toEqual([]);
    expect(levelFieldErrors('goal', { sipdCode: null }, false)).toHaveLength(1);
  });

  it('allows only the level’s own parent filter in lists', () => {
    expect(listFilterErrors('objective', { goalId: 'g', strategicPlanId: 'p' })).toEqual([]);
    expect(listFilterErrors('goal', { goalId: 'g' })).toEqual([{ field: 'goalId', message: expect.any(String) }]);
  });
});

describe('plan rules', () => {
  it('requires five-year periods', () => {
    expect(planPeriodErrors(2025, 2029)).toEqual([]);
    expect(planPeriodErrors(2025, 2030)).toEqual([{ field: 'periodEnd', message: expect.stringContaining('expected 2029') }]);
    expect(planPeriodErrors(2025, 2028)).toHaveLength(1);
  });

  it.each([
    [2025, 2029, 2029, 2033, true],
    [2025, 2029, 2030, 2034, false],
    [2026, 2030, 2021, 2025, false],
    [2026, 2030, 2022, 2026, true],
  ])('[%i, %i] overlaps [%i, %i]: %s', (s1, e1, s2, e2, expected) => {
    expect(periodsOverlap({ start: s1, end: e1 }, { start: s2, end: e2 })).toBe(expected);
  });

  it('keeps only sent fields, null included', () => {
    expect(sentFields({ a: undefined, b: null, c: 0 })).toEqual({ b: null, c: 0 });
  });
});
