import { Injectable } from '@nestjs/common';
import {
  conflict,
  DomainError,
  ErrorCode,
  notFound,
  validationFailed,
  type CallerIdentity,
  type CreateIndicatorRequest,
  type IndicatorListQuery,
  type IndicatorView,
  type Page,
  type UpdateIndicatorCommand,
  type UpdateIndicatorRequest,
} from '@sakip/contracts';
import { assertPermission } from '@sakip/security';
import { OpdAccess } from '../../access/opd-access';
import { LEVELS } from '../../planning/plan-levels';
import { toIndicatorView } from '../indicator-views';
import { IndicatorsRepository, type IndicatorFields, type IndicatorWithPlan } from '../indicators.repository';

const WHAT = 'Indicator';

/** Request field → column: the only columns an update may touch. */
const COLUMN_OF: Record<keyof UpdateIndicatorRequest, keyof IndicatorFields> = {
  name: 'name',
  definition: 'definition',
  formula: 'formula',
  unit: 'unit',
  dataSource: 'data_source',
  personInCharge: 'person_in_charge',
  category: 'category',
  isIku: 'is_iku',
  weight: 'weight',
  frequency: 'frequency',
  polarity: 'polarity',
  aggregation: 'aggregation',
};

/**
 * Frozen once the indicator has targets or achievements: frequency and aggregation shape the
 * stored target splits and achievement periods, polarity decides how their capaian is computed
 * (changing it would silently rewrite verified and locked figures). `weight` stays editable: it
 * only weights the indicator within its parent's roll-up and changes no figure of the indicator.
 */
const FROZEN_ONCE_USED = ['frequency', 'aggregation', 'polarity'] as const;

/** `/indicators` (DOMAIN.md "Indicators"); Pemda IKU (on RPJMD nodes) is super_admin's. */
@Injectable()
export class ManageIndicators {
  constructor(private readonly indicators: IndicatorsRepository) {}

  async create(caller: CallerIdentity | null, req: CreateIndicatorRequest): Promise<IndicatorView> {
    const who = assertPermission(caller, 'plans.write');
    const access = OpdAccess.of(who);
    const parent = await this.indicators.findParent(req.parentId);
    if (!parent || parent.level !== req.parentType || !access.canSee(parent.opd_id)) throw notFound(LEVELS[req.parentType].label);
    access.assertWritable(parent.opd_id, WHAT);
    const row = await this.indicators.create(
      {
        parent_type: req.parentType,
        parent_id: parent.id,
        strategic_plan_id: parent.strategic_plan_id,
        objective_id: parent.objective_id,
        opd_id: parent.opd_id,
        name: req.name,
        definition: req.definition,
        formula: req.formula,
        unit: req.unit,
        data_source: req.dataSource ?? null,
        person_in_charge: req.personInCharge ?? null,
        category: req.category,
        is_iku: req.isIku,
        weight: String(req.weight ?? 1),
        frequency: req.frequency,
        polarity: req.polarity,
        aggregation: req.aggregation,
      },
      who,
    );
    return toIndicatorView(row);
  }

  async list(caller: CallerIdentity | null, q: IndicatorListQuery): Promise<Page<IndicatorView>> {
    const who = assertPermission(caller, 'plans.read');
    return this.indicators.query(q, OpdAccess.of(who));
  }

  async get(caller: CallerIdentity | null, id: string): Promise<IndicatorView> {
    const who = assertPermission(caller, 'plans.read');
    return toIndicatorView(await this.visible(who, id));
  }

  async update(caller: CallerIdentity | null, cmd: UpdateIndicatorCommand): Promise<IndicatorView> {
    const who = assertPermission(caller, 'plans.write');
    const { id, expectedVersion, ...fields } = cmd;
    const patch: Partial<IndicatorFields> = {};
    for (const [key, value] of Object.entries(fields) as Array<[keyof UpdateIndicatorRequest, unknown]>) {
      if (value === undefined || !Object.hasOwn(COLUMN_OF, key)) continue;
      Object.assign(patch, { [COLUMN_OF[key]]: key === 'weight' ? String(value) : value });
    }
    if (!Object.keys(patch).length) throw validationFailed('Nothing to update', []);
    const current = await this.visible(who, id);
    OpdAccess.of(who).assertWritable(current.opd_id, WHAT);
    const updated = await this.indicators.update(id, patch, expectedVersion, who, (before, deps) => {
      const changed = FROZEN_ONCE_USED.filter((k) => patch[k] !== undefined && patch[k] !== before[k]);
      if (changed.length && (deps.targetYears > 0 || deps.achievements > 0)) {
        throw new DomainError(
          ErrorCode.InvalidState,
          `${changed.join(' and ')} cannot change while the indicator has targets or achievements: their split, periods or capaian would become wrong`,
          changed.map((field) => ({ field, message: 'locked by existing targets or achievements' })),
        );
      }
    });
    if (!updated) throw notFound(WHAT);
    return toIndicatorView(updated);
  }

  async delete(caller: CallerIdentity | null, id: string, expectedVersion?: number): Promise<void> {
    const who = assertPermission(caller, 'plans.write');
    const current = await this.visible(who, id);
    OpdAccess.of(who).assertWritable(current.opd_id, WHAT);
    const deleted = await this.indicators.delete(id, expectedVersion, who, (deps) => {
      if (deps.achievements > 0) {
        throw conflict(`The indicator has ${deps.achievements} achievement(s); it cannot be deleted`, [{ field: 'achievements', message: `${deps.achievements} recorded` }]);
      }
    });
    if (!deleted) throw notFound(WHAT);
  }

  /** An indicator the caller may see (another OPD's is 404), with its plan's period. */
  async visible(who: CallerIdentity, id: string): Promise<IndicatorWithPlan> {
    const row = await this.indicators.findById(id);
    if (!row) throw notFound(WHAT);
    OpdAccess.of(who).assertVisible(row.opd_id, WHAT);
    return row;
  }
}
