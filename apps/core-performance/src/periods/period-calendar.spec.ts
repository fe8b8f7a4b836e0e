import Decimal from 'decimal.js';
import {
  AGGREGATIONS,
  Aggregation,
  ALL_PERIODS,
  covers,
  coveringPeriods,
  FREQUENCIES,
  Frequency,
  isPeriod,
  isPeriodAllowed,
  lastMonthOf,
  monthsOf,
  parseDecimal,
  Period,
  periodsOf,
  periodsThrough,
  POLARITIES,
  readDecimal,
  requiredTargetPeriods,
  targetOfPeriod,
  validateTargetSplit,
} from './period-calendar';

const Q = ['Q1', 'Q2', 'Q3', 'Q4'];
const M = ['M01', 'M02', 'M03', 'M04', 'M05', 'M06', 'M07', 'M08', 'M09', 'M10', 'M11', 'M12'];

describe('period calendar constants', () => {
  it('lists frequencies, aggregations, polarities and every period in order', () => {
    expect(FREQUENCIES).toEqual(['monthly', 'quarterly', 'semester', 'annual']);
    expect(AGGREGATIONS).toEqual(['sum', 'average', 'last']);
    expect(POLARITIES).toEqual(['higher_better', 'lower_better', 'target_based']);
    expect(ALL_PERIODS).toEqual(['Y', 'S1', 'S2', ...Q, ...M]);
  });

  it.each([...ALL_PERIODS])('%s is a period', (p) => expect(isPeriod(p)).toBe(true));
  it.each(['', 'y', 'M1', 'M13', 'M00', 'Q0', 'Q5', 'S3', 'TW1', 'toString', '__proto__', 1, null])(
    '%j is not a period',
    (p) => expect(isPeriod(p)).toBe(false),
  );
});

describe('periodsOf / isPeriodAllowed', () => {
  it.each<[Frequency, string[]]>([
    ['annual', ['Y']],
    ['semester', ['S1', 'S2']],
    ['quarterly', Q],
    ['monthly', M],
  ])('%s → %j', (freq, periods) => {
    expect(periodsOf(freq)).toEqual(periods);
    for (const p of ALL_PERIODS) expect(isPeriodAllowed(freq, p)).toBe(periods.includes(p));
  });

  it('returns a fresh array each time', () => {
    periodsOf('quarterly').push('Y');
    expect(periodsOf('quarterly')).toEqual(Q);
  });

  it('refuses an unknown frequency', () => {
    expect(() => periodsOf('weekly' as Frequency)).toThrow(RangeError);
  });

  it.each(['M1', 'Q5', 'S3', ''])('%j is allowed for no frequency', (p) => {
    for (const freq of FREQUENCIES) expect(isPeriodAllowed(freq, p)).toBe(false);
  });
});

describe('periodsThrough (s.d.)', () => {
  it.each<[Frequency, Period, string[]]>([
    ['annual', 'Y', ['Y']],
    ['semester', 'S1', ['S1']],
    ['semester', 'S2', ['S1', 'S2']],
    ['semester', 'Y', ['S1', 'S2']],
    ['quarterly', 'Q1', ['Q1']],
    ['quarterly', 'Q2', ['Q1', 'Q2']],
    ['quarterly', 'Q3', ['Q1', 'Q2', 'Q3']],
    ['quarterly', 'Q4', Q],
    ['quarterly', 'Y', Q],
    ['monthly', 'M01', ['M01']],
    ['monthly', 'M03', ['M01', 'M02', 'M03']],
    ['monthly', 'M07', M.slice(0, 7)],
    ['monthly', 'M12', M],
    ['monthly', 'Y', M],
  ])('%s through %s → %j', (freq, p, expected) => {
    expect(periodsThrough(freq, p)).toEqual(expected);
  });

  it.each<[Frequency, Period]>([
    ['annual', 'S1'],
    ['annual', 'Q4'],
    ['semester', 'Q2'],
    ['quarterly', 'S1'],
    ['quarterly', 'M03'],
    ['monthly', 'Q1'],
    ['monthly', 'S2'],
  ])('%s through %s → RangeError (not a period of the frequency)', (freq, p) => {
    expect(() => periodsThrough(freq, p)).toThrow(RangeError);
  });
});

describe('monthsOf / lastMonthOf', () => {
  it.each<[Period, number[]]>([
    ['Y', [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]],
    ['S1', [1, 2, 3, 4, 5, 6]],
    ['S2', [7, 8, 9, 10, 11, 12]],
    ['Q1', [1, 2, 3]],
    ['Q2', [4, 5, 6]],
    ['Q3', [7, 8, 9]],
    ['Q4', [10, 11, 12]],
    ...M.map((m, i): [Period, number[]] => [m as Period, [i + 1]]),
  ])('%s → %j', (p, months) => {
    expect(monthsOf(p)).toEqual(months);
    expect(lastMonthOf(p)).toBe(months[months.length - 1]);
  });

  it('refuses an unknown period', () => {
    expect(() => monthsOf('M13' as Period)).toThrow(RangeError);
    expect(() => lastMonthOf('X' as Period)).toThrow(RangeError);
  });
});

describe('covers (period locks)', () => {
  it.each<[Period, Period, boolean]>([
    ['Y', 'Y', true],
    ['Y', 'S2', true],
    ['Y', 'Q3', true],
    ['Y', 'M12', true],
    ['S1', 'S1', true],
    ['S1', 'Q1', true],
    ['S1', 'Q2', true],
    ['S1', 'Q3', false],
    ['S1', 'M01', true],
    ['S1', 'M06', true],
    ['S1', 'M07', false],
    ['S2', 'Q3', true],
    ['S2', 'M07', true],
    ['S2', 'Q2', false],
    ['Q1', 'M01', true],
    ['Q1', 'M03', true],
    ['Q1', 'M04', false],
    ['Q2', 'S1', false],
    ['Q2', 'Y', false],
    ['Q4', 'M10', true],
    ['Q2', 'Q2', true],
    ['Q2', 'Q3', false],
    ['M03', 'M03', true],
    ['M03', 'Q1', false],
    ['M03', 'M04', false],
    ['S1', 'Y', false],
    ['S1', 'S2', false],
  ])('lock on %s covers %s: %s', (outer, inner, expected) => {
    expect(covers(outer, inner)).toBe(expected);
  });

  it('agrees with month containment for every pair', () => {
    for (const outer of ALL_PERIODS) {
      for (const inner of ALL_PERIODS) {
        const contained = monthsOf(inner).every((m) => monthsOf(outer).includes(m));
        expect([outer, inner, covers(outer, inner)]).toEqual([outer, inner, contained]);
      }
    }
  });

  it.each<[Period, string[]]>([
    ['Y', ['Y']],
    ['S1', ['Y', 'S1']],
    ['S2', ['Y', 'S2']],
    ['Q1', ['Y', 'S1', 'Q1']],
    ['Q3', ['Y', 'S2', 'Q3']],
    ['M01', ['Y', 'S1', 'Q1', 'M01']],
    ['M05', ['Y', 'S1', 'Q2', 'M05']],
    ['M07', ['Y', 'S2', 'Q3', 'M07']],
    ['M12', ['Y', 'S2', 'Q4', 'M12']],
  ])('a write to %s is blocked by a lock on any of %j', (p, expected) => {
    expect(coveringPeriods(p)).toEqual(expected);
  });
});

describe('requiredTargetPeriods', () => {
  it.each<[Frequency, string[]]>([
    ['annual', Q],
    ['semester', Q],
    ['quarterly', Q],
    ['monthly', [...Q, ...M]],
  ])('%s → %j', (freq, keys) => expect(requiredTargetPeriods(freq)).toEqual(keys));
});

describe('readDecimal / parseDecimal', () => {
  it.each<[unknown, string]>([
    ['0', '0'],
    ['-0', '0'],
    ['12.5', '12.5'],
    ['-12.50', '-12.5'],
    ['90.995', '90.995'],
    ['0.000000000000000000000000000001', '0.000000000000000000000000000001'],
    ['123456789012345678901234567890', '123456789012345678901234567890'],
    [0.1, '0.1'],
    [100, '100'],
    [new Decimal('7.25'), '7.25'],
  ])('%j → %s', (input, expected) => {
    expect(readDecimal(input)?.toFixed()).toBe(expected);
    expect(parseDecimal(input).toFixed()).toBe(expected);
  });

  it.each<[unknown]>([
    [''],
    [' 1'],
    ['1 '],
    ['1,5'],
    ['1.'],
    ['.5'],
    ['+1'],
    ['1e3'],
    ['0x10'],
    ['0b1'],
    ['NaN'],
    ['Infinity'],
    ['abc'],
    ['1'.repeat(201)],
    [NaN],
    [Infinity],
    [null],
    [undefined],
    [{}],
    [[1]],
    [new Decimal(NaN)],
  ])('%j is not a decimal', (input) => {
    expect(readDecimal(input)).toBeNull();
    expect(() => parseDecimal(input, 'target Q1')).toThrow(/^target Q1 must be a decimal number/);
  });
});

describe('targetOfPeriod', () => {
  const quarters = { Q1: '10', Q2: '20.5', Q3: '30', Q4: '40.25' };
  const months = {
    ...quarters,
    M01: '1',
    M02: '2',
    M03: '3',
    M04: '4',
    M05: '5',
    M06: '6',
    M07: '7',
    M08: '8',
    M09: '9',
    M10: '10',
    M11: '11',
    M12: '12.125',
  };

  it.each<[Frequency, Aggregation, Period, string]>([
    ['quarterly', 'sum', 'Y', '100.75'],
    ['quarterly', 'sum', 'Q1', '10'],
    ['quarterly', 'sum', 'Q4', '40.25'],
    ['quarterly', 'sum', 'S1', '30.5'],
    ['quarterly', 'sum', 'S2', '70.25'],
    ['semester', 'sum', 'S1', '30.5'],
    ['semester', 'average', 'S1', '15.25'],
    ['semester', 'average', 'S2', '35.125'],
    ['semester', 'last', 'S1', '20.5'],
    ['semester', 'last', 'S2', '40.25'],
    ['annual', 'last', 'Y', '100.75'],
    ['annual', 'average', 'Q3', '30'],
    ['monthly', 'sum', 'M01', '1'],
    ['monthly', 'sum', 'M12', '12.125'],
    ['monthly', 'average', 'Q2', '20.5'],
    ['monthly', 'last', 'S2', '40.25'],
  ])('%s/%s target of %s = %s', (freq, agg, p, expected) => {
    expect(targetOfPeriod(freq, agg, p, months, '100.75')).toBe(expected);
  });

  it('keeps every digit: the mean of two quarters is exact', () => {
    const t = { Q1: '0.1', Q2: '0.2', Q3: '0.000000000000000000001', Q4: '33.333333333333333333' };
    expect(targetOfPeriod('semester', 'sum', 'S1', t, '1')).toBe('0.3');
    expect(targetOfPeriod('semester', 'average', 'S1', t, '1')).toBe('0.15');
    expect(targetOfPeriod('semester', 'average', 'S2', t, '1')).toBe('16.6666666666666666665005');
  });

  it('returns plain notation, never exponent form', () => {
    const t = { Q1: '0.0000001', Q2: '0.0000001', Q3: '0', Q4: '0' };
    expect(targetOfPeriod('semester', 'sum', 'S1', t, '0')).toBe('0.0000002');
  });

  it.each<[Frequency, Period, Record<string, string>, RegExp]>([
    ['quarterly', 'M01', months, /quarterly indicator has no monthly targets/],
    ['quarterly', 'Q3', { Q1: '1' }, /no target for Q3/],
    ['semester', 'S2', { Q1: '1', Q2: '1', Q3: '1' }, /no target for Q4/],
    ['monthly', 'M05', quarters, /no target for M05/],
    ['quarterly', 'Q1', { Q1: 'ten' }, /target Q1 must be a decimal number/],
    ['quarterly', 'X' as Period, quarters, /unknown period/],
  ])('%s %s → RangeError', (freq, p, targets, message) => {
    expect(() => targetOfPeriod(freq, 'sum', p, targets, '100')).toThrow(RangeError);
    expect(() => targetOfPeriod(freq, 'sum', p, targets, '100')).toThrow(message);
  });

  it('refuses an unknown aggregation or a malformed annual', () => {
    expect(() => targetOfPeriod('quarterly', 'median' as Aggregation, 'S1', quarters, '1')).toThrow(RangeError);
    expect(() => targetOfPeriod('quarterly', 'sum', 'Y', quarters, '1e2')).toThrow(/annual target must be a decimal/);
  });

  it('does not read inherited keys as targets', () => {
    const t = Object.create({ Q1: '5' }) as Record<string, string>;
    expect(() => targetOfPeriod('quarterly', 'sum', 'Q1', t, '5')).toThrow(/no target for Q1/);
  });
});

describe('validateTargetSplit', () => {
  const months = (values: string[]): Record<string, string> => Object.fromEntries(M.map((m, i) => [m, values[i]]));
  const quarters = (values: string[]): Record<string, string> => Object.fromEntries(Q.map((q, i) => [q, values[i]]));

  describe('valid splits', () => {
    it.each<[string, Frequency, Aggregation, string, Record<string, string>]>([
      ['sum of quarters', 'quarterly', 'sum', '100', quarters(['25', '25', '25', '25'])],
      ['sum with decimals that float gets wrong', 'annual', 'sum', '0.6', quarters(['0.1', '0.2', '0.2', '0.1'])],
      ['sum, uneven', 'semester', 'sum', '100.75', quarters(['10', '20.5', '30', '40.25'])],
      ['average of quarters', 'quarterly', 'average', '80', quarters(['70', '75', '85', '90'])],
      ['average equal quarters', 'annual', 'average', '33.33', quarters(['33.33', '33.33', '33.33', '33.33'])],
      ['last: Q4 is the year', 'quarterly', 'last', '100', quarters(['10', '50', '75', '100'])],
      ['last: earlier quarters free', 'semester', 'last', '5', quarters(['9', '0', '100', '5'])],
      ['all zero', 'quarterly', 'sum', '0', quarters(['0', '0', '0', '0'])],
      ['trailing zeros compare equal', 'quarterly', 'sum', '100.00', quarters(['25.0', '25', '25.000', '25'])],
      ['-0 counts as zero', 'quarterly', 'sum', '0', quarters(['-0', '0', '0', '0'])],
      ['20 + 20 digits stay exact', 'quarterly', 'sum', '40000000000000000000.00000000000000000004', quarters([
        '10000000000000000000.00000000000000000001',
        '10000000000000000000.00000000000000000001',
        '10000000000000000000.00000000000000000001',
        '10000000000000000000.00000000000000000001',
      ])],
      [
        'monthly sum',
        'monthly',
        'sum',
        '1200',
        { ...quarters(['300', '300', '300', '300']), ...months(Array(12).fill('100')) },
      ],
      [
        'monthly sum, uneven months',
        'monthly',
        'sum',
        '10.5',
        {
          ...quarters(['0.6', '3', '3.9', '3']),
          ...months(['0.1', '0.2', '0.3', '1', '1', '1', '3.9', '0', '0', '1.5', '0.5', '1']),
        },
      ],
      [
        'monthly average',
        'monthly',
        'average',
        '11',
        {
          ...quarters(['10', '11', '12', '11']),
          ...months(['9', '10', '11', '10', '11', '12', '12', '12', '12', '0', '0', '33']),
        },
      ],
      [
        'monthly last',
        'monthly',
        'last',
        '100',
        {
          ...quarters(['30', '60', '80', '100']),
          ...months(['5', '1', '30', '0', '0', '60', '99', '99', '80', '0', '0', '100']),
        },
      ],
    ])('%s', (_name, freq, agg, annual, periods) => {
      expect(validateTargetSplit(freq, agg, annual, periods)).toEqual([]);
    });
  });

  describe('keys', () => {
    it('names each missing quarter', () => {
      expect(validateTargetSplit('quarterly', 'sum', '100', { Q1: '50', Q2: '50' })).toEqual([
        { field: 'periods.Q3', message: 'is required for a quarterly indicator' },
        { field: 'periods.Q4', message: 'is required for a quarterly indicator' },
      ]);
    });

    it('names each missing month of a monthly indicator', () => {
      const errors = validateTargetSplit('monthly', 'sum', '100', quarters(['25', '25', '25', '25']));
      expect(errors.map((e) => e.field)).toEqual(M.map((m) => `periods.${m}`));
      expect(errors[0].message).toBe('is required for a monthly indicator');
    });

    it.each<[Frequency, string]>([
      ['quarterly', 'M01'],
      ['quarterly', 'S1'],
      ['annual', 'Y'],
      ['semester', 'S2'],
      ['monthly', 'Q5'],
      ['monthly', 'annual'],
      ['quarterly', '__proto__'],
    ])('%s: refuses the extra key %s', (freq, extra) => {
      const periods: Record<string, string> = {
        ...quarters(['25', '25', '25', '25']),
        ...(freq === 'monthly' ? months(Array(12).fill('100')) : {}),
      };
      Object.defineProperty(periods, extra, { value: '1', enumerable: true });
      const expected = freq === 'monthly' ? 'Q1–Q4 and M01–M12' : 'Q1–Q4';
      expect(validateTargetSplit(freq, 'sum', freq === 'monthly' ? '1200' : '100', periods)).toEqual([
        { field: `periods.${extra}`, message: `is not a target period of a ${freq} indicator (expected ${expected})` },
      ]);
    });

    it('refuses periods that are not an object', () => {
      for (const periods of [null, [], '25,25,25,25']) {
        expect(validateTargetSplit('quarterly', 'sum', '100', periods as any)).toEqual([
          { field: 'periods', message: 'must be an object of period → target' },
        ]);
      }
    });

    it('refuses an unknown frequency or aggregation', () => {
      expect(validateTargetSplit('weekly' as Frequency, 'sum', '1', {})).toEqual([
        { field: 'frequency', message: 'unknown frequency "weekly"' },
      ]);
      expect(validateTargetSplit('annual', 'median' as Aggregation, '1', {})).toEqual([
        { field: 'aggregation', message: 'unknown aggregation "median"' },
      ]);
    });
  });

  describe('values', () => {
    it.each<[string, string, Record<string, string>, { field: string; message: string }[]]>([
      ['negative annual', '-1', quarters(['0', '0', '0', '0']), [{ field: 'annual', message: 'must not be negative, got -1' }]],
      [
        'negative quarter',
        '100',
        quarters(['50', '-0.01', '25', '25']),
        [{ field: 'periods.Q2', message: 'must not be negative, got -0.01' }],
      ],
      [
        'not a decimal',
        '100',
        quarters(['25', '25', 'x', '1e2']),
        [
          { field: 'periods.Q3', message: 'must be a decimal number (e.g. "12.5"), got "x"' },
          { field: 'periods.Q4', message: 'must be a decimal number (e.g. "12.5"), got "1e2"' },
        ],
      ],
      [
        'annual missing',
        undefined as unknown as string,
        quarters(['25', '25', '25', '25']),
        [{ field: 'annual', message: 'must be a decimal number (e.g. "12.5"), got nothing' }],
      ],
      [
        'too many integer digits',
        '100',
        quarters(['123456789012345678901', '0', '0', '0']),
        [{ field: 'periods.Q1', message: 'must have at most 20 digits before and 20 after the decimal point' }],
      ],
      [
        'too many decimals',
        '0.000000000000000000001',
        quarters(['0', '0', '0', '0']),
        [{ field: 'annual', message: 'must have at most 20 digits before and 20 after the decimal point' }],
      ],
    ])('%s', (_name, annual, periods, expected) => {
      expect(validateTargetSplit('quarterly', 'sum', annual, periods)).toEqual(expected);
    });

    it('accepts numbers from a parsed JSON body through their shortest text', () => {
      const periods = { Q1: 0.1, Q2: 0.2, Q3: 0.3, Q4: 0.4 } as unknown as Record<string, string>;
      expect(validateTargetSplit('quarterly', 'sum', 1 as unknown as string, periods)).toEqual([]);
    });

    it('reports value errors only, before any combination check', () => {
      const errors = validateTargetSplit('quarterly', 'sum', '100', quarters(['-1', '1', '1', '1']));
      expect(errors).toHaveLength(1);
    });
  });

  describe('combinations', () => {
    it.each<[string, Frequency, Aggregation, string, Record<string, string>, { field: string; message: string }[]]>([
      [
        'quarters do not sum to annual',
        'quarterly',
        'sum',
        '100',
        quarters(['20', '25', '25', '25']),
        [{ field: 'periods', message: 'Q1+Q2+Q3+Q4 = 95 but annual is 100 (aggregation sum)' }],
      ],
      [
        'float-style near miss is still a miss',
        'annual',
        'sum',
        '0.3',
        quarters(['0.1', '0.2', '0', '0.0000000000000000001']),
        [{ field: 'periods', message: 'Q1+Q2+Q3+Q4 = 0.3000000000000000001 but annual is 0.3 (aggregation sum)' }],
      ],
      [
        'quarters do not average to annual',
        'quarterly',
        'average',
        '80',
        quarters(['70', '75', '85', '89']),
        [{ field: 'periods', message: 'mean(Q1, Q2, Q3, Q4) = 79.75 but annual is 80 (aggregation average)' }],
      ],
      [
        'last quarter is not the annual',
        'semester',
        'last',
        '100',
        quarters(['100', '100', '100', '90']),
        [
          {
            field: 'periods',
            message: 'Q4 = 90 but annual is 100 (aggregation last: the last period carries the target)',
          },
        ],
      ],
      [
        'monthly sum: months off in Q2 and the year',
        'monthly',
        'sum',
        '1200',
        { ...quarters(['300', '300', '300', '300']), ...months(['100', '100', '100', '100', '100', '90', ...Array(6).fill('100')]) },
        [
          { field: 'periods', message: 'M01+…+M12 = 1190 but annual is 1200 (aggregation sum)' },
          { field: 'periods.Q2', message: 'M04+M05+M06 = 290 but Q2 is 300 (aggregation sum)' },
        ],
      ],
      [
        'monthly sum: quarters off but months match them',
        'monthly',
        'sum',
        '1200',
        { ...quarters(['300', '300', '300', '290']), ...months([...Array(9).fill('100'), '90', '100', '100']) },
        [
          { field: 'periods', message: 'Q1+Q2+Q3+Q4 = 1190 but annual is 1200 (aggregation sum)' },
          { field: 'periods', message: 'M01+…+M12 = 1190 but annual is 1200 (aggregation sum)' },
        ],
      ],
      [
        'monthly average: a non-terminating mean is shown approximately',
        'monthly',
        'average',
        '11',
        {
          ...quarters(['10', '11', '12', '11']),
          ...months(['9', '10', '12', '10', '11', '12', '12', '12', '12', '0', '0', '33']),
        },
        [
          { field: 'periods', message: 'mean(M01, …, M12) = ≈11.083333 (133/12) but annual is 11 (aggregation average)' },
          { field: 'periods.Q1', message: 'mean(M01, M02, M03) = ≈10.333333 (31/3) but Q1 is 10 (aggregation average)' },
        ],
      ],
      [
        'monthly average: a terminating mean is shown exactly',
        'monthly',
        'average',
        '10',
        { ...quarters(['10', '10', '10', '10']), ...months(['10', '10', '11.5', ...Array(9).fill('10')]) },
        [
          { field: 'periods', message: 'mean(M01, …, M12) = 10.125 but annual is 10 (aggregation average)' },
          { field: 'periods.Q1', message: 'mean(M01, M02, M03) = 10.5 but Q1 is 10 (aggregation average)' },
        ],
      ],
      [
        'monthly last: the last month of each quarter carries it',
        'monthly',
        'last',
        '100',
        {
          ...quarters(['30', '60', '80', '100']),
          ...months(['30', '30', '29', '0', '0', '60', '0', '0', '80', '0', '0', '99']),
        },
        [
          { field: 'periods', message: 'M12 = 99 but annual is 100 (aggregation last: the last period carries the target)' },
          { field: 'periods.Q1', message: 'M03 = 29 but Q1 is 30 (aggregation last: the last period carries the target)' },
          { field: 'periods.Q4', message: 'M12 = 99 but Q4 is 100 (aggregation last: the last period carries the target)' },
        ],
      ],
    ])('%s', (_name, freq, agg, annual, periods, expected) => {
      expect(validateTargetSplit(freq, agg, annual, periods)).toEqual(expected);
    });
  });
});
