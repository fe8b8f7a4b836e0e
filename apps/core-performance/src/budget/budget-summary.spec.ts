import Decimal from 'decimal.js';
import type { EnteredAchievement } from '../performance/performance-rows';
import { budgetSummary, efficiencyOf, serapanOf, sortSummaryRows, totalsOf, type SummaryIndicator, type SummaryInputs, type SummaryNodeRow } from './budget-summary';

const node = (over: Partial<SummaryNodeRow>): SummaryNodeRow => ({
  node_id: 'n1',
  node_type: 'sub_activity',
  code: '1',
  name: 'Sub kegiatan',
  opd_id: 'opd-a',
  sipd_code: null,
  pagu: '1000.00',
  revision: 'murni',
  realization: '0.00',
  through_month: null,
  ...over,
});

const indicator = (id: string, parent: string, weight = '1'): SummaryIndicator => ({
  id,
  name: id,
  objective_id: null,
  opd_id: 'opd-a',
  frequency: 'annual',
  aggregation: 'sum',
  polarity: 'higher_better',
  parent_id: parent,
  weight,
});

const inputs = (over: Partial<SummaryInputs>): SummaryInputs => ({
  nodes: [],
  indicators: [],
  targets: new Map(),
  achievements: new Map(),
  cap: '150',
  efficientAbove: '5',
  inefficientBelow: '-5',
  ...over,
});

describe('serapanOf', () => {
  it('is realization / pagu × 100, exact', () => {
    expect(serapanOf('333.33', '1000.00')?.toFixed()).toBe('33.333');
    expect(serapanOf('0.30', '0.90')?.toFixed(10)).toBe('33.3333333333');
  });
  it('is null without a pagu or with pagu 0', () => {
    expect(serapanOf('10.00', null)).toBeNull();
    expect(serapanOf('10.00', '0.00')).toBeNull();
  });
});

describe('efficiencyOf', () => {
  const d = (x: string) => new Decimal(x);
  it('bands capaian − serapan: above +5 efficient, within ±5 (bounds included) fairly efficient, below −5 inefficient', () => {
    expect(efficiencyOf(d('90'), d('84.99'), '5', '-5')).toBe('efficient');
    expect(efficiencyOf(d('90'), d('85'), '5', '-5')).toBe('fairly_efficient');
    expect(efficiencyOf(d('80'), d('85'), '5', '-5')).toBe('fairly_efficient');
    expect(efficiencyOf(d('79.99'), d('85'), '5', '-5')).toBe('inefficient');
  });
  it('judges the rounded values, as shown', () => {
    // 90.004 − 85 = 5.004 unrounded, but 90.00 − 85.00 = 5.00 as shown: fairly efficient.
    expect(efficiencyOf(d('90.004'), d('85'), '5', '-5')).toBe('fairly_efficient');
    expect(efficiencyOf(d('90.005'), d('85'), '5', '-5')).toBe('efficient');
  });
  it('follows the thresholds', () => {
    expect(efficiencyOf(d('90'), d('84'), '10', '-10')).toBe('fairly_efficient');
  });
  it('is null when either side is', () => {
    expect(efficiencyOf(null, d('1'), '5', '-5')).toBeNull();
    expect(efficiencyOf(d('1'), null, '5', '-5')).toBeNull();
  });
});

describe('budgetSummary', () => {
  it('rolls the node capaian up as the weighted mean of its scored indicators and bands it against serapan', () => {
    const result = budgetSummary(
      inputs({
        nodes: [node({ node_id: 'n1', pagu: '1000.00', realization: '600.00', through_month: 6 })],
        indicators: [indicator('i1', 'n1', '3'), indicator('i2', 'n1', '1'), indicator('i3', 'n1', '5')],
        targets: new Map([
          ['i1', { Y: '100' }],
          ['i2', { Y: '100' }],
          ['i3', { Y: '100' }],
        ]),
        achievements: new Map<string, Map<string, EnteredAchievement>>([
          ['i1', new Map([['Y', { realization: '80', status: 'verified' }]])],
          ['i2', new Map([['Y', { realization: '40', status: 'submitted' }]])],
          // a draft does not count: i3 is not scored and does not dilute the others
          ['i3', new Map([['Y', { realization: '100', status: 'draft' }]])],
        ]),
      }),
      2026,
      null,
    );
    // (80×3 + 40×1) / 4 = 70; serapan 60; 70 − 60 = 10 > 5.
    expect(result.rows).toEqual([
      expect.objectContaining({ nodeId: 'n1', pagu: '1000.00', realization: '600.00', throughMonth: 6, serapan: 60, capaian: 70, efficiency: 'efficient' }),
    ]);
  });

  it('gives null capaian and efficiency to a node without scored indicators, null serapan without pagu', () => {
    const result = budgetSummary(inputs({ nodes: [node({ pagu: null, revision: null, realization: '5.00' })] }), 2026, 3);
    expect(result.rows[0]).toMatchObject({ pagu: null, revision: null, serapan: null, capaian: null, efficiency: null, throughMonth: 3 });
  });

  it('rounds serapan half-up to 2 decimals', () => {
    const result = budgetSummary(inputs({ nodes: [node({ pagu: '3.00', realization: '2.00' }), node({ node_id: 'n2', pagu: '8.00', realization: '0.01' })] }), 2026, null);
    expect(result.rows.map((r) => r.serapan)).toEqual([66.67, 0.13]);
  });
});

describe('totalsOf', () => {
  it('sums exactly per OPD and level, never across levels', () => {
    const totals = totalsOf([
      node({ node_id: 'a', pagu: '0.10', realization: '0.10' }),
      node({ node_id: 'b', pagu: '0.20', realization: '0.20' }),
      node({ node_id: 'c', pagu: null, realization: '0.05' }),
      node({ node_id: 'p', node_type: 'program', pagu: '999999999999999.99', realization: '0.00' }),
      node({ node_id: 'x', opd_id: 'opd-0', pagu: '0.00', realization: '1.00' }),
    ]);
    // opd-a's sub-activities: serapan 0.30 / 0.30 = 100, node c's 0.05 (no allocation) reported apart.
    expect(totals).toEqual([
      { opdId: 'opd-0', nodeType: 'sub_activity', nodes: 1, pagu: '0.00', realization: '1.00', unallocatedRealization: '0.00', serapan: null },
      { opdId: 'opd-a', nodeType: 'program', nodes: 1, pagu: '999999999999999.99', realization: '0.00', unallocatedRealization: '0.00', serapan: 0 },
      { opdId: 'opd-a', nodeType: 'sub_activity', nodes: 3, pagu: '0.30', realization: '0.30', unallocatedRealization: '0.05', serapan: 100 },
    ]);
  });

  it('leaves the realization of nodes without an allocation out of serapan', () => {
    const [total] = totalsOf([node({ node_id: 'a', pagu: '100.00', realization: '50.00' }), node({ node_id: 'b', pagu: null, realization: '1000.00' })]);
    expect(total).toMatchObject({ pagu: '100.00', realization: '50.00', unallocatedRealization: '1000.00', serapan: 50 });
  });
});

describe('sortSummaryRows', () => {
  const rows = budgetSummary(
    inputs({
      nodes: [
        node({ node_id: 'n10', code: '10', pagu: '100.00', realization: '50.00' }),
        node({ node_id: 'n2', code: '2', pagu: null, realization: '1.00' }),
        node({ node_id: 'n3', code: '3', pagu: '100.00', realization: '80.00' }),
      ],
    }),
    2026,
    null,
  ).rows;
  it('orders codes naturally by default', () => {
    expect(sortSummaryRows(rows, undefined).map((r) => r.nodeCode)).toEqual(['2', '3', '10']);
  });
  it('puts null figures last either way', () => {
    expect(sortSummaryRows(rows, 'serapan').map((r) => r.nodeCode)).toEqual(['10', '3', '2']);
    expect(sortSummaryRows(rows, '-serapan').map((r) => r.nodeCode)).toEqual(['3', '10', '2']);
  });
});
