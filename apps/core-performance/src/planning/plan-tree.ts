import type { GoalTreeNode, IndicatorView, PlanLevel, StrategicPlanTreeView, StrategicPlanView } from '@sakip/contracts';
import { toIndicatorView, type IndicatorRow } from '../indicators/indicator-views';
import { childLevelOf } from './plan-levels';
import { toPlanNodeView, type PlanNodeRow } from './plan-views';

/** The key under which a node lists the level below it. */
const CHILDREN_KEY: Record<PlanLevel, string | null> = {
  goal: 'objectives',
  objective: 'programs',
  program: 'activities',
  activity: 'subActivities',
  sub_activity: null,
};

/**
 * Nests a plan's nodes and indicators (two flat, set-based reads) into goals → objectives →
 * programs → activities → subActivities, each node with its indicators. Pure. `nodes` come in
 * sibling order (DOMAIN.md: `order`, then code; the SQL sorts them) and keep it.
 */
export function buildPlanTree(plan: StrategicPlanView, nodes: PlanNodeRow[], indicators: IndicatorRow[]): StrategicPlanTreeView {
  const indicatorsOf = new Map<string, IndicatorView[]>();
  for (const row of indicators) {
    const list = indicatorsOf.get(row.parent_id) ?? [];
    list.push(toIndicatorView(row));
    indicatorsOf.set(row.parent_id, list);
  }
  const childrenOf = new Map<string | null, PlanNodeRow[]>();
  for (const row of nodes) {
    const key = row.level === 'goal' ? null : row.parent_id;
    const list = childrenOf.get(key) ?? [];
    list.push(row);
    childrenOf.set(key, list);
  }
  const build = (row: PlanNodeRow): Record<string, unknown> => {
    const node: Record<string, unknown> = { ...toPlanNodeView(row), indicators: indicatorsOf.get(row.id) ?? [] };
    const key = CHILDREN_KEY[row.level];
    const below = childLevelOf(row.level);
    if (key && below) node[key] = (childrenOf.get(row.id) ?? []).filter((c) => c.level === below).map(build);
    return node;
  };
  const goals = (childrenOf.get(null) ?? []).map(build) as unknown as GoalTreeNode[];
  return { ...plan, goals };
}
