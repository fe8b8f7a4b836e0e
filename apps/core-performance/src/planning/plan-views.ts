import type { PlanLevel, PlanNodeView, StrategicPlanView } from '@sakip/contracts';
import { LEVELS } from './plan-levels';
import { isSipdLevel, sipdPartsOf } from './sipd-code';

/** core.strategic_plans as pg returns it. */
export interface StrategicPlanRow {
  id: string;
  opd_id: string | null;
  period_start: number;
  period_end: number;
  vision: string;
  mission: string;
  created_at: Date;
  updated_at: Date;
  version: number;
}

/** core.plan_nodes as pg returns it. */
export interface PlanNodeRow {
  id: string;
  level: PlanLevel;
  strategic_plan_id: string;
  parent_id: string | null;
  opd_id: string | null;
  code: string;
  name: string;
  sort_order: number;
  sipd_code: string | null;
  rpjmd_objective_id: string | null;
  created_at: Date;
  updated_at: Date;
  version: number;
}

export const STRATEGIC_PLAN_COLUMNS = 'id, opd_id, period_start, period_end, vision, mission, created_at, updated_at, version';
export const PLAN_NODE_COLUMNS = 'id, level, strategic_plan_id, parent_id, opd_id, code, name, sort_order, sipd_code, rpjmd_objective_id, created_at, updated_at, version';

export function toStrategicPlanView(r: StrategicPlanRow): StrategicPlanView {
  return {
    id: r.id,
    opdId: r.opd_id,
    periodStart: r.period_start,
    periodEnd: r.period_end,
    vision: r.vision,
    mission: r.mission,
    version: r.version,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
  };
}

/** The view of any level: its parent under the level's own field name, SIPD parts where the level has them. */
export function toPlanNodeView(r: PlanNodeRow): PlanNodeView {
  const rule = LEVELS[r.level];
  const view: PlanNodeView = {
    id: r.id,
    level: r.level,
    strategicPlanId: r.strategic_plan_id,
    parentId: r.parent_id,
    opdId: r.opd_id,
    code: r.code,
    name: r.name,
    order: r.sort_order,
    sipdCode: r.sipd_code,
    version: r.version,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
  };
  if (rule.parentField !== 'strategicPlanId') view[rule.parentField] = r.parent_id as string;
  if (rule.takesRpjmdObjective) view.rpjmdObjectiveId = r.rpjmd_objective_id;
  if (isSipdLevel(r.level)) {
    const parts = sipdPartsOf(r.level, r.sipd_code);
    Object.assign(view, { kodeUrusan: parts.kodeUrusan, kodeBidang: parts.kodeBidang, kodeProgram: parts.kodeProgram });
    if (r.level !== 'program') view.kodeGiat = parts.kodeGiat;
    if (r.level === 'sub_activity') view.kodeSubGiat = parts.kodeSubGiat;
  }
  return view;
}
