import { Injectable } from '@nestjs/common';
import {
  notFound,
  validationFailed,
  type CallerIdentity,
  type ErrorDetail,
  type GetTargetsCommand,
  type PlanTargetsView,
  type PutPlanTargetsCommand,
  type PutTargetsCommand,
  type TargetView,
} from '@sakip/contracts';
import { assertPermission } from '@sakip/security';
import { OpdAccess } from '../../access/opd-access';
import { validateTargetSplit } from '../../periods/period-calendar';
import { periodsAsNumbers, periodValueTexts, targetValueText, yearOutsidePlan } from '../target-values';
import { TargetsRepository, type PlanTargetRow, type PlanTargetSet, type TargetYearRow } from '../targets.repository';
import { ManageIndicators } from './manage-indicators.use-case';

/** `GET/PUT /indicators/:id/targets` (one year, Rencana Aksi split) and `/plan-targets` (five-year). */
@Injectable()
export class ManageTargets {
  constructor(
    private readonly targets: TargetsRepository,
    private readonly indicators: ManageIndicators,
  ) {}

  async getYear(caller: CallerIdentity | null, cmd: GetTargetsCommand): Promise<TargetView> {
    const who = assertPermission(caller, 'plans.read');
    await this.indicators.visible(who, cmd.id);
    const row = await this.targets.findYear(cmd.id, cmd.year);
    if (!row) throw notFound(`Target for ${cmd.year}`);
    return toTargetView(row);
  }

  async putYear(caller: CallerIdentity | null, cmd: PutTargetsCommand): Promise<TargetView> {
    const who = assertPermission(caller, 'plans.write');
    const indicator = await this.indicators.visible(who, cmd.id);
    OpdAccess.of(who).assertWritable(indicator.opd_id, 'Indicator');

    // Every problem at once, nothing written: year, each value, then the split rules.
    const errors: ErrorDetail[] = [];
    const outside = yearOutsidePlan(cmd.year, indicator.period_start, indicator.period_end);
    if (outside) errors.push(outside);
    const annual = targetValueText(cmd.annual, 'annual', errors);
    const periods = periodValueTexts(cmd.periods, errors);
    if (!errors.length && annual !== null) errors.push(...validateTargetSplit(indicator.frequency, indicator.aggregation, annual, periods).map((e) => ({ field: e.field, message: e.message })));
    if (errors.length || annual === null) throw validationFailed('Invalid targets', errors);

    const row = await this.targets.putYear(cmd.id, cmd.year, annual, periods, { frequency: indicator.frequency, aggregation: indicator.aggregation }, cmd.expectedVersion, who);
    if (!row) throw notFound('Indicator');
    return toTargetView(row);
  }

  async getPlan(caller: CallerIdentity | null, id: string): Promise<PlanTargetsView> {
    const who = assertPermission(caller, 'plans.read');
    await this.indicators.visible(who, id);
    const set = await this.targets.findPlanTargets(id);
    if (!set) throw notFound('Indicator');
    return toPlanTargetsView(id, set);
  }

  async putPlan(caller: CallerIdentity | null, cmd: PutPlanTargetsCommand): Promise<PlanTargetsView> {
    const who = assertPermission(caller, 'plans.write');
    const indicator = await this.indicators.visible(who, cmd.id);
    OpdAccess.of(who).assertWritable(indicator.opd_id, 'Indicator');

    const errors: ErrorDetail[] = [];
    const seen = new Set<number>();
    const items: PlanTargetRow[] = [];
    cmd.items.forEach((item, i) => {
      const outside = yearOutsidePlan(item.year, indicator.period_start, indicator.period_end, `items.${i}.year`);
      if (outside) errors.push(outside);
      if (seen.has(item.year)) errors.push({ field: `items.${i}.year`, message: `year ${item.year} appears more than once` });
      seen.add(item.year);
      const annual = targetValueText(item.annual, `items.${i}.annual`, errors);
      if (annual !== null) items.push({ year: item.year, annual });
    });
    if (errors.length) throw validationFailed('Invalid plan targets', errors);

    const set = await this.targets.putPlanTargets(cmd.id, items, cmd.expectedVersion, who);
    if (!set) throw notFound('Indicator');
    return toPlanTargetsView(cmd.id, set);
  }
}

function toTargetView(row: TargetYearRow): TargetView {
  return {
    indicatorId: row.indicator_id,
    year: row.year,
    annual: Number(row.annual),
    periods: periodsAsNumbers(row.periods),
    version: row.version,
    updatedAt: row.updated_at.toISOString(),
  };
}

function toPlanTargetsView(indicatorId: string, set: PlanTargetSet): PlanTargetsView {
  return { indicatorId, items: set.items.map((r) => ({ year: r.year, annual: Number(r.annual) })), version: set.version };
}
