import { validateDto } from '../common/validation';
import { AchievementActionCommand, CreateAchievementRequest, isRealizationNumber, ReturnAchievementCommand, UpdateAchievementCommand } from './achievements.dto';

describe('isRealizationNumber', () => {
  it.each([0, -0, 1, -12.5, 87.5, 0.0001, 123.4567, 99999999999.9999, 999999999999999, 2.5e12])('%p is a realization', (n) => {
    expect(isRealizationNumber(n)).toBe(true);
  });

  it.each([1.23456, 0.00001, 1e-7, 123456789012.3456, 1e15, 1e21, NaN, Infinity, '12.5', null, undefined, {}])('%p is not', (n) => {
    expect(isRealizationNumber(n)).toBe(false);
  });
});

describe('CreateAchievementRequest', () => {
  const valid = { indicatorId: '00000000-0000-4000-8000-000000000001', year: 2026, period: 'Q1', realization: 1 };

  it('accepts a minimal body and refuses server-set fields', () => {
    expect(validateDto(CreateAchievementRequest, valid)).toMatchObject(valid);
    expect(() => validateDto(CreateAchievementRequest, { ...valid, status: 'verified' })).toThrow();
    expect(() => validateDto(CreateAchievementRequest, { ...valid, inputBy: 'user:x' })).toThrow();
  });

  it('names the realization field', () => {
    try {
      validateDto(CreateAchievementRequest, { ...valid, realization: 1.00001 });
      throw new Error('accepted');
    } catch (err) {
      expect((err as { details: unknown[] }).details).toEqual([{ field: 'realization', message: 'realization must be a JSON number with at most 4 decimals and 15 digits' }]);
    }
  });
});

describe('expectedVersion (If-Match) of the achievement commands', () => {
  const id = '00000000-0000-4000-8000-000000000001';
  const commands = [
    ['UpdateAchievementCommand', UpdateAchievementCommand, { id, notes: 'x' }],
    ['AchievementActionCommand', AchievementActionCommand, { id }],
    ['ReturnAchievementCommand', ReturnAchievementCommand, { id, note: 'x' }],
  ] as const;

  it.each(commands)('%s takes 0 … 2147483647 (0 and unknown versions are then 412 in the service)', (_name, cls, body) => {
    for (const expectedVersion of [0, 1, 2147483647]) expect(validateDto(cls, { ...body, expectedVersion })).toMatchObject({ expectedVersion });
  });

  it.each(commands)('%s refuses what no int4 column holds (400 instead of a database overflow)', (_name, cls, body) => {
    for (const expectedVersion of [2147483648, 9999999999, -1, 1.5]) expect(() => validateDto(cls, { ...body, expectedVersion })).toThrow();
  });
});
