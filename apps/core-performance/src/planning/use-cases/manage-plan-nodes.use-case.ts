import { Injectable } from '@nestjs/common';
import {
  conflict,
  notFound,
  validationFailed,
  type CallerIdentity,
  type CreatePlanNodeCommand,
  type ErrorDetail,
  type Page,
  type PlanLevel,
  type PlanNodeListCommand,
  type PlanNodeView,
  type UpdatePlanNodeCommand,
} from '@sakip/contracts';
import { assertPermission } from '@sakip/security';
import { OpdAccess } from '../../access/opd-access';
import { childLevelOf, levelFieldErrors, LEVELS, listFilterErrors } from '../plan-levels';
import { PlanNodesRepository, type NodeDependants, type PlanNodePatch } from '../plan-nodes.repository';
import { periodsOverlap, sentFields } from '../plan-rules';
import { toPlanNodeView, type PlanNodeRow } from '../plan-views';
import { isSipdLevel, parseSipdCode, sipdExtensionProblem } from '../sipd-code';
import { StrategicPlansRepository } from '../strategic-plans.repository';

/** Where a new node goes: its plan (OPD, period) and its parent node (null for a goal). */
interface Placement {
  strategicPlanId: string;
  opdId: string | null;
  periodStart: number;
  periodEnd: number;
  parent: PlanNodeRow | null;
}

/** Goals, objectives, programs, activities and sub-activities (`core.plan_nodes`, one set of subjects). */
@Injectable()
export class ManagePlanNodes {
  constructor(
    private readonly nodes: PlanNodesRepository,
    private readonly plans: StrategicPlansRepository,
  ) {}

  async create(caller: CallerIdentity | null, cmd: CreatePlanNodeCommand): Promise<PlanNodeView> {
    const who = assertPermission(caller, 'plans.write');
    const { level } = cmd;
    const sipdCode = cmd.sipdCode ?? null;
    const errors = [...levelFieldErrors(level, cmd as unknown as Record<string, unknown>, true), ...sipdFormatErrors(level, sipdCode)];
    if (errors.length) throw validationFailed(`Invalid ${level}`, errors);

    const at = await this.placement(who, cmd);
    // A foreign OPD was already 404 in placement(); the RPJMD needs super_admin (403).
    OpdAccess.of(who).assertWritable(at.opdId, LEVELS[level].label);
    const ruleErrors: ErrorDetail[] = [];
    const extension = sipdCode === null ? null : sipdExtensionProblem(at.parent?.sipd_code ?? null, sipdCode);
    if (extension) ruleErrors.push({ field: 'sipdCode', message: extension });
    if (cmd.rpjmdObjectiveId) ruleErrors.push(...(await this.rpjmdLinkErrors(cmd.rpjmdObjectiveId, at)));
    if (ruleErrors.length) throw validationFailed(`Invalid ${level}`, ruleErrors);

    const row = await this.nodes.create(
      {
        level,
        strategicPlanId: at.strategicPlanId,
        parentId: at.parent?.id ?? null,
        opdId: at.opdId,
        code: cmd.code,
        name: cmd.name,
        order: cmd.order ?? 0,
        sipdCode,
        rpjmdObjectiveId: cmd.rpjmdObjectiveId ?? null,
      },
      who,
    );
    return toPlanNodeView(row);
  }

  async list(caller: CallerIdentity | null, q: PlanNodeListCommand): Promise<Page<PlanNodeView>> {
    const who = assertPermission(caller, 'plans.read');
    const errors = listFilterErrors(q.level, q as unknown as Record<string, unknown>);
    if (errors.length) throw validationFailed('Unknown filter', errors);
    return this.nodes.query(q, OpdAccess.of(who));
  }

  async get(caller: CallerIdentity | null, level: PlanLevel, id: string): Promise<PlanNodeView> {
    const who = assertPermission(caller, 'plans.read');
    return toPlanNodeView(await this.visible(who, level, id));
  }

  async update(caller: CallerIdentity | null, cmd: UpdatePlanNodeCommand): Promise<PlanNodeView> {
    const who = assertPermission(caller, 'plans.write');
    const { id, level, expectedVersion, ...fields } = cmd;
    const patch = sentFields(fields) as PlanNodePatch;
    const errors = [...levelFieldErrors(level, patch, false), ...sipdFormatErrors(level, patch.sipdCode ?? null)];
    if (errors.length) throw validationFailed(`Invalid ${level}`, errors);
    if (!Object.keys(patch).length) throw validationFailed('Nothing to update', []);

    const current = await this.visible(who, level, id);
    OpdAccess.of(who).assertWritable(current.opd_id, LEVELS[level].label);
    if (patch.sipdCode) await this.assertSipdFits(current, patch.sipdCode);
    if (patch.rpjmdObjectiveId) {
      const plan = await this.plans.findById(current.strategic_plan_id);
      if (!plan) throw notFound(LEVELS[level].label);
      const linkErrors = await this.rpjmdLinkErrors(patch.rpjmdObjectiveId, { strategicPlanId: plan.id, opdId: plan.opd_id, periodStart: plan.period_start, periodEnd: plan.period_end, parent: null });
      if (linkErrors.length) throw validationFailed(`Invalid ${level}`, linkErrors);
    }
    const updated = await this.nodes.update(id, level, patch, expectedVersion, who);
    if (!updated) throw notFound(LEVELS[level].label);
    return toPlanNodeView(updated);
  }

  async delete(caller: CallerIdentity | null, level: PlanLevel, id: string, expectedVersion?: number): Promise<void> {
    const who = assertPermission(caller, 'plans.write');
    const current = await this.visible(who, level, id);
    OpdAccess.of(who).assertWritable(current.opd_id, LEVELS[level].label);
    const deleted = await this.nodes.delete(id, level, expectedVersion, who, (deps) => {
      const problems = dependantProblems(level, deps);
      if (problems.length) throw conflict(`The ${level} cannot be deleted: ${problems.map((p) => p.message).join('; ')}. Remove them first (no cascade)`, problems);
    });
    if (!deleted) throw notFound(LEVELS[level].label);
  }

  private async visible(who: CallerIdentity, level: PlanLevel, id: string): Promise<PlanNodeRow> {
    const row = await this.nodes.findById(id);
    // A node of another level behind this level's path does not exist there.
    if (!row || row.level !== level) throw notFound(LEVELS[level].label);
    OpdAccess.of(who).assertVisible(row.opd_id, LEVELS[level].label);
    return row;
  }

  /** The parent (plan for a goal) must exist and be visible to the caller: else 404, named after it. */
  private async placement(who: CallerIdentity, cmd: CreatePlanNodeCommand): Promise<Placement> {
    const access = OpdAccess.of(who);
    const rule = LEVELS[cmd.level];
    if (rule.parentLevel === null) {
      const plan = await this.plans.findById(cmd.strategicPlanId as string);
      if (!plan || !access.canSee(plan.opd_id)) throw notFound('Strategic plan');
      return { strategicPlanId: plan.id, opdId: plan.opd_id, periodStart: plan.period_start, periodEnd: plan.period_end, parent: null };
    }
    const parentLabel = LEVELS[rule.parentLevel].label;
    const parent = await this.nodes.findWithPlan(cmd[rule.parentField] as string);
    if (!parent || parent.level !== rule.parentLevel || !access.canSee(parent.opd_id)) throw notFound(parentLabel);
    return { strategicPlanId: parent.strategic_plan_id, opdId: parent.opd_id, periodStart: parent.plan_period_start, periodEnd: parent.plan_period_end, parent };
  }

  /** A new code must extend the parent's code (400), and the children's codes must extend it (409). */
  private async assertSipdFits(node: PlanNodeRow, sipdCode: string): Promise<void> {
    const parent = node.parent_id ? await this.nodes.findById(node.parent_id) : null;
    const problem = sipdExtensionProblem(parent?.sipd_code ?? null, sipdCode);
    if (problem) throw validationFailed(`Invalid ${node.level}`, [{ field: 'sipdCode', message: problem }]);
    const strays = await this.nodes.childrenNotExtending(node.id, sipdCode);
    if (strays.length) {
      throw conflict(`The ${node.level}'s children have SIPD codes that do not extend ${sipdCode} (${strays.join(', ')}); change them first`, [
        { field: 'sipdCode', message: 'children would no longer extend it' },
      ]);
    }
  }

  /** rpjmdObjectiveId names a sasaran of an RPJMD whose period overlaps the OPD plan's (400 otherwise). */
  private async rpjmdLinkErrors(rpjmdObjectiveId: string, at: Placement): Promise<ErrorDetail[]> {
    const field = 'rpjmdObjectiveId';
    if (at.opdId === null) return [{ field, message: 'only an OPD sasaran serves an RPJMD sasaran; this one belongs to the RPJMD itself' }];
    const target = await this.nodes.findRpjmdObjective(rpjmdObjectiveId);
    if (!target || target.level !== 'objective' || target.plan_opd_id !== null) return [{ field, message: 'must be a sasaran (objective) of the RPJMD' }];
    if (!periodsOverlap({ start: target.period_start, end: target.period_end }, { start: at.periodStart, end: at.periodEnd })) {
      return [{ field, message: `the RPJMD period ${target.period_start}–${target.period_end} does not overlap this plan's ${at.periodStart}–${at.periodEnd}` }];
    }
    return [];
  }
}

function sipdFormatErrors(level: PlanLevel, sipdCode: string | null): ErrorDetail[] {
  if (sipdCode === null || !isSipdLevel(level)) return [];
  const parsed = parseSipdCode(level, sipdCode);
  return parsed.ok ? [] : [{ field: 'sipdCode', message: parsed.message }];
}

/** Why a node cannot go yet, one detail per kind of dependant. */
export function dependantProblems(level: PlanLevel, deps: NodeDependants): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  const below = childLevelOf(level);
  if (deps.children > 0) problems.push({ field: 'children', message: `it has ${deps.children} ${below ?? 'child'} node(s)` });
  if (deps.indicators > 0) problems.push({ field: 'indicators', message: `it has ${deps.indicators} indicator(s)` });
  if (deps.servingObjectives > 0) problems.push({ field: 'rpjmdObjectiveId', message: `${deps.servingObjectives} OPD sasaran reference it as their RPJMD sasaran` });
  return problems;
}
