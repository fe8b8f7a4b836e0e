import type { AchievementStatus } from '@sakip/contracts';
import type { IndicatorForPerformance } from '../performance/performance-rows';
import type { IndicatorYear } from './indicator-year';
import { projectionPoints, projectYearEnd } from './year-end-projection';

type Spec = Pick<IndicatorForPerformance, 'frequency' | 'aggregation'> & Partial<Pick<IndicatorForPerformance, 'polarity'>>;

function year(spec: Spec, targets: Record<string, string>, entered: Record<string, [string, AchievementStatus]>, cap: string | null = '150'): IndicatorYear {
  return {
    indicator: { id: 'i', name: 'I', objective_id: null, opd_id: null, polarity: 'higher_better', ...spec },
    targets,
    achievements: new Map(Object.entries(entered).map(([p, [realization, status]]) => [p, { realization, status }])),
    cap,
  };
}
const quarterly = (agg: Spec['aggregation']) => ({ frequency: 'quarterly', aggregation: agg }) as const;
const Q = (q1: string, q2: string, q3: string, q4: string, annual: string) => ({ Y: annual, Q1: q1, Q2: q2, Q3: q3, Q4: q4 });
const shown = (points: ReturnType<typeof projectionPoints>) => points.map((p) => [p.x, p.y.toFixed()]);

describe('projectionPoints', () => {
  it('sum: running totals at each counted period\'s last month, anchored at (0, 0)', () => {
    const y = year(quarterly('sum'), Q('25', '25', '25', '25', '100'), { Q1: ['20', 'verified'], Q2: ['30', 'submitted'] });
    expect(shown(projectionPoints(y))).toEqual([
      [0, '0'],
      [3, '20'],
      [6, '50'],
    ]);
  });

  it('average: running means, no anchor', () => {
    const y = year(quarterly('average'), Q('10', '10', '10', '10', '10'), { Q1: ['10', 'verified'], Q2: ['20', 'verified'] });
    expect(shown(projectionPoints(y))).toEqual([
      [3, '10'],
      [6, '15'],
    ]);
  });

  it('last: the level at each period end', () => {
    const y = year(quarterly('last'), Q('10', '20', '30', '40', '40'), { Q1: ['50', 'verified'], Q2: ['60', 'locked'] });
    expect(shown(projectionPoints(y))).toEqual([
      [3, '50'],
      [6, '60'],
    ]);
  });

  it('skips drafts and returned values (only reported figures count) and gaps', () => {
    const y = year(quarterly('sum'), Q('25', '25', '25', '25', '100'), { Q1: ['20', 'verified'], Q2: ['99', 'draft'], Q3: ['30', 'verified'], Q4: ['1', 'revision'] });
    // Q3's running total is over the counted periods only (Q1 + Q3).
    expect(shown(projectionPoints(y))).toEqual([
      [0, '0'],
      [3, '20'],
      [9, '50'],
    ]);
  });

  it('monthly: x is the month', () => {
    const months = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`M${String(i + 1).padStart(2, '0')}`, '10']));
    const y = year({ frequency: 'monthly', aggregation: 'sum' }, { ...Q('30', '30', '30', '30', '120'), ...months }, { M01: ['10', 'verified'], M02: ['30', 'verified'] });
    expect(shown(projectionPoints(y))).toEqual([
      [0, '0'],
      [1, '10'],
      [2, '40'],
    ]);
  });
});

describe('projectYearEnd', () => {
  it('nothing counted → null', () => {
    expect(projectYearEnd(year(quarterly('sum'), Q('25', '25', '25', '25', '100'), { Q1: ['20', 'draft'] }))).toBeNull();
  });

  it('one quarter of a running total projects through the origin: 30 by March → 120 by December', () => {
    const p = projectYearEnd(year(quarterly('sum'), Q('25', '25', '25', '25', '100'), { Q1: ['30', 'verified'] }));
    expect(p && { ...p, realization: p.realization.toFixed(), target: p.target?.toFixed(), capaian: p.capaian?.toFixed() }).toEqual({
      points: 1,
      actual: false,
      realization: '120',
      target: '100',
      capaian: '120',
    });
  });

  it('least squares over (0,0), (3,30), (6,66): slope 11, intercept −1 → 131; capaian 131/120', () => {
    const p = projectYearEnd(year(quarterly('sum'), Q('30', '30', '30', '30', '120'), { Q1: ['30', 'verified'], Q2: ['36', 'verified'] }));
    expect(p?.realization.toFixed()).toBe('131');
    expect(p?.target?.toFixed()).toBe('120');
    expect(p?.capaian?.toDecimalPlaces(4).toFixed()).toBe('109.1667');
  });

  it('a falling monthly average: means 90, 85, 80 → 35 in December, 35 % of a 100 target', () => {
    const months = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`M${String(i + 1).padStart(2, '0')}`, '100']));
    const y = year({ frequency: 'monthly', aggregation: 'average' }, { ...Q('100', '100', '100', '100', '100'), ...months }, {
      M01: ['90', 'verified'],
      M02: ['80', 'verified'],
      M03: ['70', 'verified'],
    });
    const p = projectYearEnd(y);
    expect([p?.realization.toFixed(), p?.capaian?.toFixed(), p?.points]).toEqual(['35', '35', 3]);
  });

  it('lower_better is scored on the projected value, and the cap applies', () => {
    const y = year({ ...quarterly('last'), polarity: 'lower_better' }, Q('10', '10', '10', '10', '10'), { Q1: ['8', 'verified'], Q2: ['6', 'verified'] }, '110');
    // Levels 8, 6 at months 3, 6 → 2 at month 12; (2·10 − 2)/10 = 180 %, capped at 110.
    const p = projectYearEnd(y);
    expect([p?.realization.toFixed(), p?.capaian?.toFixed()]).toEqual(['2', '110']);
  });

  it('a complete year is its own answer (the actual year value, nothing projected)', () => {
    const p = projectYearEnd(
      year(quarterly('sum'), Q('25', '25', '25', '25', '100'), { Q1: ['10', 'verified'], Q2: ['10', 'verified'], Q3: ['10', 'verified'], Q4: ['70', 'verified'] }),
    );
    expect(p && [p.actual, p.points, p.realization.toFixed(), p.capaian?.toFixed()]).toEqual([true, 4, '100', '100']);
  });

  it('annual: entered = actual, not entered = nothing to project', () => {
    const spec = { frequency: 'annual', aggregation: 'sum' } as const;
    expect(projectYearEnd(year(spec, Q('25', '25', '25', '25', '100'), {}))).toBeNull();
    const p = projectYearEnd(year(spec, Q('25', '25', '25', '25', '100'), { Y: ['80', 'verified'] }));
    expect(p && [p.actual, p.capaian?.toFixed()]).toEqual([true, '80']);
  });

  it('targets missing: a projected value, no capaian', () => {
    const p = projectYearEnd(year(quarterly('sum'), {}, { Q1: ['30', 'verified'] }));
    expect(p && [p.realization.toFixed(), p.target, p.capaian]).toEqual(['120', null, null]);
  });
});
