import { batchProblems, monthPeriod, monthsLockedBy, nodeProblems, resolveCodes, sipdCodeProblem, type BudgetNode } from './budget-rules';

const node: BudgetNode = { id: 'n1', level: 'activity', opd_id: 'opd', sipd_code: '1.02.02.2.01', period_start: 2025, period_end: 2029 };

describe('nodeProblems', () => {
  it('accepts a node of the right level, of an OPD, in its plan period', () => {
    expect(nodeProblems(node, 'activity', 2029)).toEqual([]);
  });
  it('names every problem', () => {
    expect(nodeProblems({ ...node, opd_id: null }, 'program', 2030).map((e) => e.field)).toEqual(['nodeType', 'nodeId', 'year']);
  });
});

describe('sipdCodeProblem', () => {
  it('checks the code against the level', () => {
    expect(sipdCodeProblem('sub_activity', '1.02.02.2.01.0001')).toBeNull();
    expect(sipdCodeProblem('program', '1.02.02.2.01')).toMatchObject({ field: 'sipdCode' });
  });
});

describe('months and locks', () => {
  it('maps months to period keys', () => {
    expect(monthPeriod(3)).toBe('M03');
    expect(monthPeriod(12)).toBe('M12');
    expect(() => monthPeriod(13)).toThrow(RangeError);
  });
  it('expands locked periods to the months they cover', () => {
    expect([...monthsLockedBy(['Q1', 'M05'])].sort((a, b) => a - b)).toEqual([1, 2, 3, 5]);
    expect(monthsLockedBy(['S2']).size).toBe(6);
  });
});

describe('batchProblems', () => {
  it('refuses a code twice among allocations and a (code, month) twice among realizations', () => {
    const problems = batchProblems({
      allocations: [
        { kodeSubGiat: 'A', pagu: '1' },
        { kodeSubGiat: 'B', pagu: '1' },
        { kodeSubGiat: 'A', pagu: '2' },
      ],
      realizations: [
        { kodeSubGiat: 'A', month: 1, amount: '1' },
        { kodeSubGiat: 'A', month: 2, amount: '1' },
        { kodeSubGiat: 'A', month: 1, amount: '1' },
      ],
    });
    expect(problems.map((p) => p.field)).toEqual(['allocations.2.kodeSubGiat', 'realizations.2']);
  });
  it('accepts the same code in both kinds and over several months', () => {
    expect(batchProblems({ allocations: [{ kodeSubGiat: 'A', pagu: '1' }], realizations: [{ kodeSubGiat: 'A', month: 1, amount: '1' }] })).toEqual([]);
  });
});

describe('resolveCodes', () => {
  it('sorts codes into resolved, unknown and ambiguous', () => {
    const r = resolveCodes(['A', 'B', 'C'], [
      { sipd_code: 'A', node_id: 'n1', opd_id: 'o1' },
      { sipd_code: 'C', node_id: 'n2', opd_id: 'o1' },
      { sipd_code: 'C', node_id: 'n3', opd_id: 'o2' },
    ]);
    expect([...r.nodes.entries()]).toEqual([['A', { node_id: 'n1', opd_id: 'o1' }]]);
    expect(r.unknownCodes).toEqual(['B']);
    expect(r.ambiguousCodes).toEqual(['C']);
  });
});
