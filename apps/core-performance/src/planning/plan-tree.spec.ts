import type { PlanLevel, StrategicPlanView } from '@sakip/contracts';
import type { IndicatorRow } from '../indicators/indicator-views';
import { buildPlanTree } from './plan-tree';
import type { PlanNodeRow } from './plan-views';
import { dependantProblems } from './use-cases/manage-plan-nodes.use-case';

const at = new Date('2026-01-01T00:00:00Z');
const plan: StrategicPlanView = { id: 'plan', opdId: 'opd', periodStart: 2025, periodEnd: 2029, vision: 'v', mission: 'm', version: 1, createdAt: at.toISOString(), updatedAt: at.toISOString() };

function node(id: string, level: PlanLevel, parentId: string | null, code: string, order = 0, sipd: string | null = null): PlanNodeRow {
  return { id, level, strategic_plan_id: 'plan', parent_id: parentId, opd_id: 'opd', code, name: id, sort_order: order, sipd_code: sipd, rpjmd_objective_id: null, created_at: at, updated_at: at, version: 1 };
}

function indicator(id: string, parentType: PlanLevel, parentId: string): IndicatorRow {
  return {
    id,
    parent_type: parentType,
    parent_id: parentId,
    strategic_plan_id: 'plan',
    objective_id: null,
    opd_id: 'opd',
    name: id,
    definition: 'd',
    formula: 'f',
    unit: '%',
    data_source: null,
    person_in_charge: null,
    category: 'outcome',
    is_iku: false,
    weight: '1.0000',
    frequency: 'quarterly',
    polarity: 'higher_better',
    aggregation: 'sum',
    created_at: at,
    updated_at: at,
    version: 1,
  };
}

describe('buildPlanTree', () => {
  it('nests every level under its parent, keeps the given sibling order, and hangs indicators on their node', () => {
    const nodes = [
      node('g2', 'goal', null, '2', 0),
      node('g1', 'goal', null, '1', 0),
      node('o1', 'objective', 'g1', '1.1'),
      node('p1', 'program', 'o1', 'P1', 0, '1.02.02'),
      node('a1', 'activity', 'p1', 'A1', 0, '1.02.02.2.01'),
      node('s1', 'sub_activity', 'a1', 'S1', 0, '1.02.02.2.01.0001'),
    ];
    const tree = buildPlanTree(plan, nodes, [indicator('i-goal', 'goal', 'g1'), indicator('i-sub', 'sub_activity', 's1'), indicator('i-obj', 'objective', 'o1')]);
    expect(tree.id).toBe('plan');
    expect(tree.goals.map((g) => g.id)).toEqual(['g2', 'g1']);
    const g1 = tree.goals[1];
    expect(g1.indicators.map((i) => i.id)).toEqual(['i-goal']);
    expect(g1.objectives[0]).toMatchObject({ id: 'o1', goalId: 'g1', indicators: [{ id: 'i-obj' }] });
    const program = g1.objectives[0].programs[0];
    expect(program).toMatchObject({ id: 'p1', objectiveId: 'o1', kodeUrusan: '1', kodeBidang: '02', kodeProgram: '02', indicators: [] });
    expect(program.activities[0]).toMatchObject({ id: 'a1', programId: 'p1', kodeGiat: '2.01' });
    expect(program.activities[0].subActivities[0]).toMatchObject({ id: 's1', activityId: 'a1', kodeSubGiat: '0001', indicators: [{ id: 'i-sub' }] });
    expect(program.activities[0].subActivities[0]).not.toHaveProperty('subActivities');
    expect(tree.goals[0]).toMatchObject({ id: 'g2', objectives: [], indicators: [] });
  });

  it('returns a plan without nodes as an empty goal list', () => {
    expect(buildPlanTree(plan, [], [])).toEqual({ ...plan, goals: [] });
  });
});

describe('dependantProblems', () => {
  it('names each kind of dependant', () => {
    expect(dependantProblems('goal', { children: 0, indicators: 0, servingObjectives: 0 })).toEqual([]);
    expect(dependantProblems('program', { children: 2, indicators: 1, servingObjectives: 0 }).map((p) => p.message)).toEqual(['it has 2 activity node(s)', 'it has 1 indicator(s)']);
    expect(dependantProblems('objective', { children: 0, indicators: 0, servingObjectives: 3 })).toEqual([{ field: 'rpjmdObjectiveId', message: expect.stringContaining('3 OPD sasaran') }]);
  });
});
