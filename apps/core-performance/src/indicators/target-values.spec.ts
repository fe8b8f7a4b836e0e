import type { ErrorDetail } from '@sakip/contracts';
import { periodsAsNumbers, periodValueTexts, targetValueText, yearOutsidePlan } from './target-values';

describe('targetValueText', () => {
  it.each([
    [0, '0'],
    [100, '100'],
    [12.5, '12.5'],
    [0.1, '0.1'],
    [33.3333, '33.3333'],
    [123456789012345, '123456789012345'],
    [1234567890.1234, '1234567890.1234'],
    [99999999999.9999, '99999999999.9999'], // 15 digits: the most a double carries exactly
    [999999999999999, '999999999999999'],
    [0.0001, '0.0001'],
  ])('%p → %p', (value, text) => {
    const errors: ErrorDetail[] = [];
    expect(targetValueText(value, 'annual', errors)).toBe(text);
    expect(errors).toEqual([]);
  });

  it.each([
    ['12', 'must be a number'],
    [null, 'must be a number'],
    [Number.NaN, 'must be a number'],
    [-1, 'must not be negative'],
    [-0.0001, 'must not be negative'],
    [1.23456, 'at most 4 decimals'],
    [0.00001, 'at most 4 decimals'],
    [1e-7, 'at most 4 decimals'], // exponent notation
    [1e16, 'at most 15 digits'],
    [1e21, 'at most 15 digits'], // exponent notation
    [1234567890123456, 'at most 15 digits'], // 16 integer digits
    [123456789012.3456, 'at most 15 digits'], // 12 + 4 digits: beyond a double's exact range
    [Number('9007199254740993'), 'at most 15 digits'], // a JSON double already rounded it to …992
  ])('%p is refused: %s', (value, message) => {
    const errors: ErrorDetail[] = [];
    expect(targetValueText(value, 'periods.Q1', errors)).toBeNull();
    expect(errors).toEqual([{ field: 'periods.Q1', message: expect.stringContaining(message) }]);
  });
});

describe('periodValueTexts', () => {
  it('keeps the good values and names every bad one', () => {
    const errors: ErrorDetail[] = [];
    expect(periodValueTexts({ Q1: 1, Q2: -2, Q3: 'x', Q4: 4.5 }, errors)).toEqual({ Q1: '1', Q4: '4.5' });
    expect(errors.map((e) => e.field)).toEqual(['periods.Q2', 'periods.Q3']);
  });
});

describe('yearOutsidePlan', () => {
  it('accepts the five plan years only', () => {
    expect(yearOutsidePlan(2025, 2025, 2029)).toBeNull();
    expect(yearOutsidePlan(2029, 2025, 2029)).toBeNull();
    expect(yearOutsidePlan(2030, 2025, 2029)).toEqual({ field: 'year', message: expect.stringContaining('2025–2029') });
    expect(yearOutsidePlan(2024, 2025, 2029, 'items.0.year')?.field).toBe('items.0.year');
  });
});

describe('periodsAsNumbers', () => {
  it('orders quarters before months and turns numeric text into numbers', () => {
    const out = periodsAsNumbers({ M02: '1.5000', Q1: '4.0000', M01: '1.0000', Q2: '0.0000' });
    expect(Object.keys(out)).toEqual(['Q1', 'Q2', 'M01', 'M02']);
    expect(out).toEqual({ Q1: 4, Q2: 0, M01: 1, M02: 1.5 });
  });
});
