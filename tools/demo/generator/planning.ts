import type { Frequency } from '../../../apps/core-performance/src/periods/period-calendar';
import { RPJMD_GOAL_LEAD, RPJMD_GOALS, RPJMD_MISSION, RPJMD_VISION } from '../catalog/rpjmd';
import type { IndicatorSpec } from '../catalog/spec';
import { INDICATORS, PLAN_NODES, STRATEGIC_PLANS, type IndicatorRow, type PlanLevel } from '../core-tables';
import { DAY, iso, wib } from '../demo-calendar';
import type { Rng } from '../random';
import { definitionOf, formulaOf, personInCharge } from './indicator-text';
import { PLAN_START, type DemoIndicator, type DemoModule, type DemoNode, type DemoOpd, type DemoPlan, type DemoWorld } from './world';

const CATEGORY_BY_LEVEL: Record<PlanLevel, IndicatorRow['category']> = {
  goal: 'impact',
  objective: 'outcome',
  program: 'outcome',
  activity: 'output',
  sub_activity: 'output',
};

/** Frequencies the catalogue leaves open, by how the indicator aggregates (mostly quarterly and monthly). */
const FREQUENCY_MIX: Record<IndicatorSpec['aggregation'], ReadonlyArray<readonly [Frequency, number]>> = {
  sum: [
    ['monthly', 40],
    ['quarterly', 45],
    ['semester', 15],
  ],
  average: [
    ['monthly', 30],
    ['quarterly', 50],
    ['semester', 10],
    ['annual', 10],
  ],
  last: [
    ['monthly', 15],
    ['quarterly', 45],
    ['semester', 25],
    ['annual', 15],
  ],
};

/**
 * The RPJMD 2022–2026 (strategic plan without an OPD: tujuan, sasaran, Pemda IKU) and every OPD's
 * Renstra 2022–2026: tujuan → sasaran (pointing at the RPJMD sasaran they serve) → program →
 * kegiatan → sub kegiatan with SIPD codes, and the indicators on them.
 */
export const planningModule: DemoModule = {
  name: 'planning',
  generate(world) {
    const rpjmdObjectives = generateRpjmd(world);
    for (const opd of world.opds) generateRenstra(world, opd, rpjmdObjectives);
    assertUniqueKeys(world);
  },
};

function generateRpjmd(world: DemoWorld): Map<string, DemoNode> {
  const rng = world.rng.fork('rpjmd');
  const plan = addPlan(world, null, wib(2021, 12, 20, 10), RPJMD_VISION, RPJMD_MISSION);
  const byKey = new Map<string, DemoNode>();
  RPJMD_GOALS.forEach((g, gi) => {
    const goalNode = addNode(world, plan, 'goal', null, `T${gi + 1}`, g.name, null, gi + 1, RPJMD_GOAL_LEAD, null);
    if (g.ind) addIndicator(world, rng, goalNode, g.ind, null);
    g.objectives.forEach((o, oi) => {
      const objective = addNode(world, plan, 'objective', goalNode, `S${gi + 1}.${oi + 1}`, o.name, null, oi + 1, o.lead, null);
      byKey.set(o.key, objective);
      for (const ind of o.inds) addIndicator(world, rng, objective, ind, null);
    });
  });
  return byKey;
}

function generateRenstra(world: DemoWorld, opd: DemoOpd, rpjmd: Map<string, DemoNode>): void {
  const p = opd.profile;
  const rng = world.rng.fork(`renstra:${opd.index}`);
  // An OPD's Renstra adopts the Bupati's vision (RPJMD) and states its own missions.
  const plan = addPlan(world, opd, wib(2022, 3, 1 + (opd.index % 27), 9) + (opd.index % 6) * 3_600_000, RPJMD_VISION, p.mission);
  p.goals.forEach((g, gi) => {
    const goalNode = addNode(world, plan, 'goal', null, `T${gi + 1}`, g.name, null, gi + 1, p.position, null);
    if (g.ind) addIndicator(world, rng, goalNode, g.ind, opd);
    g.objectives.forEach((o, oi) => {
      const serves = o.serves ? rpjmd.get(o.serves) : undefined;
      if (o.serves && !serves) throw new Error(`${p.name}: sasaran "${o.name}" serves unknown RPJMD sasaran ${o.serves}`);
      const objective = addNode(world, plan, 'objective', goalNode, `S${gi + 1}.${oi + 1}`, o.name, null, oi + 1, p.position, serves ?? null);
      for (const ind of o.inds) addIndicator(world, rng, objective, ind, opd);
      o.programs.forEach((pr, pi) => {
        // A program of another urusan the OPD also handles carries its full code (e.g. 2.22.02).
        const programCode = pr.code.includes('.') ? pr.code : `${p.urusan}.${pr.code}`;
        const pic = personInCharge(p, pr.bidang);
        const program = addNode(world, plan, 'program', objective, programCode, pr.name, programCode, pi + 1, pic, null);
        if (pr.ind) addIndicator(world, rng, program, pr.ind, opd);
        pr.activities.forEach((a, ai) => {
          const activityCode = `${programCode}.${a.code}`;
          const activity = addNode(world, plan, 'activity', program, activityCode, a.name, activityCode, ai + 1, pic, null);
          if (a.ind) addIndicator(world, rng, activity, a.ind, opd);
          a.subs.forEach((s, si) => {
            const subCode = `${activityCode}.${s.code}`;
            const subNode = addNode(world, plan, 'sub_activity', activity, subCode, s.name, subCode, si + 1, pic, null);
            if (s.ind) addIndicator(world, rng, subNode, s.ind, opd);
          });
        });
      });
    });
  });
}

function addPlan(world: DemoWorld, opd: DemoOpd | null, createdAt: number, vision: string, mission: readonly string[]): DemoPlan {
  const plan: DemoPlan = { id: world.ids.id(`plan:${opd ? opd.index : 'rpjmd'}`, createdAt), opd, periodStart: PLAN_START, createdAt };
  world.plans.push(plan);
  world.data.rows(STRATEGIC_PLANS).push({
    id: plan.id,
    opd_id: opd?.id ?? null,
    period_start: PLAN_START,
    period_end: PLAN_START + 4,
    vision,
    mission: mission.map((m, i) => `${i + 1}. ${m}`).join('\n'),
    created_at: iso(createdAt),
    updated_at: iso(createdAt),
    version: 1,
  });
  return plan;
}

function addNode(
  world: DemoWorld,
  plan: DemoPlan,
  level: PlanLevel,
  parent: DemoNode | null,
  code: string,
  name: string,
  sipdCode: string | null,
  sortOrder: number,
  personInCharge: string,
  rpjmdObjective: DemoNode | null,
): DemoNode {
  const key = `${plan.id}:${level}:${code}`;
  const createdAt = plan.createdAt + (world.nodes.length % 50) * 60_000;
  const node: DemoNode = {
    id: world.ids.id(`node:${key}`, createdAt),
    key,
    level,
    plan,
    parent,
    code,
    name,
    sipdCode,
    objective: parent?.objective ?? null,
    personInCharge,
    createdAt,
  };
  if (level === 'objective') node.objective = node;
  world.nodes.push(node);
  world.data.rows(PLAN_NODES).push({
    id: node.id,
    level,
    strategic_plan_id: plan.id,
    parent_id: parent?.id ?? null,
    opd_id: plan.opd?.id ?? null,
    code,
    name,
    sort_order: sortOrder,
    sipd_code: sipdCode,
    rpjmd_objective_id: rpjmdObjective?.id ?? null,
    created_at: iso(createdAt),
    updated_at: iso(createdAt),
    version: 1,
  });
  return node;
}

function addIndicator(world: DemoWorld, rng: Rng, node: DemoNode, spec: IndicatorSpec, opd: DemoOpd | null): void {
  const key = `${node.key}:${spec.name}`;
  const createdAt = node.plan.createdAt + rng.int(2, 25) * DAY + rng.int(0, 6 * 60) * 60_000;
  const frequency = spec.frequency ?? rng.weighted(FREQUENCY_MIX[spec.aggregation]);
  const weight = spec.weight !== undefined ? String(spec.weight) : node.level === 'objective' || node.level === 'goal' ? '1' : rng.weighted([['1', 60], ['2', 15], ['1.5', 10], ['0.5', 15]] as const);
  const indicator: DemoIndicator = {
    id: world.ids.id(`indicator:${key}`, createdAt),
    key,
    spec,
    node,
    opd,
    frequency,
    aggregation: spec.aggregation,
    polarity: spec.polarity,
    createdAt,
    targets: new Map(),
  };
  world.indicators.push(indicator);
  const owner = opd ? opd.profile.name : 'Pemerintah Kabupaten Sukamaju';
  world.data.rows(INDICATORS).push({
    id: indicator.id,
    parent_type: node.level,
    parent_id: node.id,
    strategic_plan_id: node.plan.id,
    objective_id: node.objective?.id ?? null,
    opd_id: opd?.id ?? null,
    name: spec.name,
    definition: definitionOf(spec, owner),
    formula: formulaOf(spec),
    unit: spec.unit,
    data_source: spec.source ?? opd?.profile.source ?? 'Badan Pusat Statistik',
    person_in_charge: node.personInCharge,
    category: spec.category ?? CATEGORY_BY_LEVEL[node.level],
    is_iku: node.level === 'objective',
    weight,
    frequency,
    polarity: spec.polarity,
    aggregation: spec.aggregation,
    created_at: iso(createdAt),
    updated_at: iso(createdAt),
    version: 1,
  });
}

/**
 * Node keys carry the schema's unique (strategic_plan_id, level, code), indicator keys the node and
 * the name: a catalogue slip (a program listed twice, an indicator repeated) fails here, before
 * anything reaches the database, and never yields two rows with one id.
 */
function assertUniqueKeys(world: DemoWorld): void {
  const seen = new Set<string>();
  for (const { key } of [...world.nodes, ...world.indicators]) {
    if (seen.has(key)) throw new Error(`demo catalogue: ${key} appears twice`);
    seen.add(key);
  }
}
