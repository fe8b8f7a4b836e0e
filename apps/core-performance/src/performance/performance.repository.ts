import { Injectable } from '@nestjs/common';
import type { PerformanceDataQuery } from '@sakip/contracts';
import { DataSource } from 'typeorm';
import type { OpdAccess } from '../access/opd-access';
import { loadIndicatorYearValues } from './indicator-year-values';
import { SettingsRepository } from '../settings/settings.repository';
import type { Period } from '../periods/period-calendar';
import type { EnteredAchievement, IndicatorForPerformance } from './performance-rows';
import { whereEquals } from '../database/sql-filters';

/** Everything one year's performance data is computed from, read in four set-based queries. */
export interface PerformanceInputs {
  indicators: IndicatorForPerformance[];
  /** indicator id → {Y: annual, Q1…, M01…}. */
  targets: Map<string, Partial<Record<Period, string>>>;
  /** indicator id → period → its achievement, whatever its status (which ones count is performance-rows'). */
  achievements: Map<string, Map<string, EnteredAchievement>>;
  /** The capaian cap setting; null = no cap. */
  cap: string | null;
}

@Injectable()
export class PerformanceRepository {
  constructor(
    private readonly ds: DataSource,
    private readonly settings: SettingsRepository,
  ) {}

  /**
   * The indicators the caller may see whose strategic plan covers the year (filtered), their
   * targets and achievements of that year, and the cap — in one REPEATABLE READ snapshot, so the
   * numbers agree with each other. Never a query per indicator.
   */
  /** `opdId: null` = the Pemda's own rows only (OpdAccess.sql). */
  read(q: Omit<PerformanceDataQuery, 'opdId'> & { opdId?: string | null }, access: OpdAccess): Promise<PerformanceInputs> {
    return this.ds.transaction('REPEATABLE READ', async (tx) => {
      const params: unknown[] = [q.year];
      const where =
        access.sql('i.opd_id', params, q.opdId) +
        whereEquals(params, [
          ['i.id', q.indicatorId],
          ['i.objective_id', q.objectiveId],
          ['i.is_iku', q.isIku],
        ]);
      const indicators: IndicatorForPerformance[] = await tx.query(
        `SELECT i.id, i.name, i.objective_id, i.opd_id, i.frequency, i.aggregation, i.polarity
           FROM core.indicators i JOIN core.strategic_plans sp ON sp.id = i.strategic_plan_id
          WHERE $1 BETWEEN sp.period_start AND sp.period_end${where}`,
        params,
      );
      const { targets, achievements } = await loadIndicatorYearValues(tx, q.year, indicators.map((i) => i.id));
      const { capaianCap } = await this.settings.current(tx);
      return { indicators, targets, achievements, cap: capaianCap };
    });
  }
}
