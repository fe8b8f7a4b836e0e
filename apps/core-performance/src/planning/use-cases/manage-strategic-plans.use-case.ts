import { Injectable } from '@nestjs/common';
import {
  conflict,
  DomainError,
  ErrorCode,
  notFound,
  validationFailed,
  type CallerIdentity,
  type CreateStrategicPlanRequest,
  type Page,
  type StrategicPlanListQuery,
  type StrategicPlanView,
  type UpdateStrategicPlanCommand,
} from '@sakip/contracts';
import { assertPermission } from '@sakip/security';
import { OpdAccess } from '../../access/opd-access';
import { planPeriodErrors, sentFields } from '../plan-rules';
import { toStrategicPlanView, type StrategicPlanRow } from '../plan-views';
import { StrategicPlansRepository, type StrategicPlanPatch } from '../strategic-plans.repository';

const WHAT = 'Strategic plan';

/** Renstra (per OPD) and the Pemda RPJMD (opdId null): `/strategic-plans`. */
@Injectable()
export class ManageStrategicPlans {
  constructor(private readonly plans: StrategicPlansRepository) {}

  async create(caller: CallerIdentity | null, req: CreateStrategicPlanRequest): Promise<StrategicPlanView> {
    const who = assertPermission(caller, 'plans.write');
    const periodErrors = planPeriodErrors(req.periodStart, req.periodEnd);
    if (periodErrors.length) throw validationFailed('A strategic plan spans five years', periodErrors);
    await this.assertOwnerWritable(who, req.opdId);
    const row = await this.plans.create({ opdId: req.opdId, periodStart: req.periodStart, periodEnd: req.periodEnd, vision: req.vision, mission: req.mission }, who);
    return toStrategicPlanView(row);
  }

  async list(caller: CallerIdentity | null, q: StrategicPlanListQuery): Promise<Page<StrategicPlanView>> {
    const who = assertPermission(caller, 'plans.read');
    return this.plans.query(q, OpdAccess.of(who));
  }

  async get(caller: CallerIdentity | null, id: string): Promise<StrategicPlanView> {
    const who = assertPermission(caller, 'plans.read');
    return toStrategicPlanView(await this.visible(who, id));
  }

  async update(caller: CallerIdentity | null, cmd: UpdateStrategicPlanCommand): Promise<StrategicPlanView> {
    const who = assertPermission(caller, 'plans.write');
    const { id, expectedVersion, ...fields } = cmd;
    const patch = sentFields(fields) as StrategicPlanPatch;
    if (!Object.keys(patch).length) throw validationFailed('Nothing to update', []);
    const current = await this.visible(who, id);
    const access = OpdAccess.of(who);
    access.assertWritable(current.opd_id, WHAT);
    const movesOpd = patch.opdId !== undefined && patch.opdId !== current.opd_id;
    if (movesOpd) await this.assertOwnerWritable(who, patch.opdId ?? null);
    const periodErrors = planPeriodErrors(patch.periodStart ?? current.period_start, patch.periodEnd ?? current.period_end);
    if (periodErrors.length) throw validationFailed('A strategic plan spans five years', periodErrors);

    const updated = await this.plans.update(id, patch, expectedVersion, who, (before, deps) => {
      const movesPeriod = (patch.periodStart ?? before.period_start) !== before.period_start;
      // The nodes and indicators copy the plan's OPD; re-homing a populated plan would split them.
      if (movesOpd && deps.nodes > 0) throw new DomainError(ErrorCode.InvalidState, 'The OPD of a strategic plan can change only while it has no goals');
      if (movesPeriod && deps.yearsOutside > 0) {
        throw new DomainError(ErrorCode.InvalidState, 'Targets, achievements or budget rows of this plan lie outside the new period; remove them first', [
          { field: 'periodStart', message: `${deps.yearsOutside} target/achievement/budget year(s) outside the new period` },
        ]);
      }
      if (movesPeriod && deps.brokenRpjmdLinks > 0) {
        throw new DomainError(ErrorCode.InvalidState, 'Sasaran linked between this plan and an RPJMD would no longer overlap in time', [
          { field: 'periodStart', message: `${deps.brokenRpjmdLinks} rpjmdObjectiveId link(s) would break` },
        ]);
      }
    });
    if (!updated) throw notFound(WHAT);
    return toStrategicPlanView(updated);
  }

  async delete(caller: CallerIdentity | null, id: string, expectedVersion?: number): Promise<void> {
    const who = assertPermission(caller, 'plans.write');
    const current = await this.visible(who, id);
    OpdAccess.of(who).assertWritable(current.opd_id, WHAT);
    const deleted = await this.plans.delete(id, expectedVersion, who, (_before, deps) => {
      if (deps.nodes > 0) throw conflict(`The strategic plan still has ${deps.nodes} goal(s) or other node(s); delete them first`, [{ field: 'id', message: 'has goals' }]);
    });
    if (!deleted) throw notFound(WHAT);
  }

  /** Loads a plan the caller may see (another OPD's plan is 404). */
  async visible(who: CallerIdentity, id: string): Promise<StrategicPlanRow> {
    const row = await this.plans.findById(id);
    if (!row) throw notFound(WHAT);
    OpdAccess.of(who).assertVisible(row.opd_id, WHAT);
    return row;
  }

  /** RPJMD: super_admin (rpjmd.write → 403); an OPD: the caller's own (else 404) and known (else 404). */
  private async assertOwnerWritable(who: CallerIdentity, opdId: string | null): Promise<void> {
    if (opdId === null) {
      assertPermission(who, 'rpjmd.write');
      return;
    }
    OpdAccess.of(who).assertWritable(opdId, 'OPD');
    if (!(await this.plans.opdExists(opdId))) throw notFound('OPD');
  }
}
