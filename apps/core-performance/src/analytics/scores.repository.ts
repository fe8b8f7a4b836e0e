import { Injectable } from '@nestjs/common';
import type { PemdaTimezone } from '@sakip/contracts';
import { DataSource } from 'typeorm';
import { SettingsRepository } from '../settings/settings.repository';
import type { IndicatorHeader } from './indicator-analytics';
import type { OpdHeader } from './opd-analytics';
import type { ObjectiveRef } from './score-rollup';

/**
 * What the roll-ups need beyond the performance repository's rows (which carry no weights and no
 * sasaran list): OPDs, sasaran of the plans covering a year, indicator weights. Set-based, never a
 * query per row.
 */
@Injectable()
export class ScoresRepository {
  constructor(
    private readonly ds: DataSource,
    private readonly settings: SettingsRepository,
  ) {}

  async timezone(): Promise<PemdaTimezone> {
    return (await this.settings.current()).timezone;
  }

  async indicator(id: string): Promise<IndicatorHeader | null> {
    const [row] = await this.ds.query<IndicatorHeader[]>(
      `SELECT id, name, opd_id, objective_id, unit, frequency, aggregation, polarity FROM core.indicators WHERE id = $1`,
      [id],
    );
    return row ?? null;
  }

  async opd(id: string): Promise<OpdHeader | null> {
    const [row] = await this.ds.query<OpdHeader[]>(`SELECT id, code, name FROM core.opds WHERE id = $1`, [id]);
    return row ?? null;
  }

  /** One OPD (active or not), or with `opdId` null every active OPD; by code. */
  opds(opdId: string | null): Promise<OpdHeader[]> {
    return opdId === null
      ? this.ds.query<OpdHeader[]>(`SELECT id, code, name FROM core.opds WHERE is_active ORDER BY code, id`)
      : this.ds.query<OpdHeader[]>(`SELECT id, code, name FROM core.opds WHERE id = $1`, [opdId]);
  }

  /**
   * Sasaran of the strategic plans covering `year`: of the given OPDs (null = every OPD), plus the
   * RPJMD's (opd null) when `withPemda`; in tree order.
   */
  objectives(year: number, opdIds: readonly string[] | null, withPemda: boolean): Promise<ObjectiveRef[]> {
    return this.ds.query<ObjectiveRef[]>(
      `SELECT n.id, n.opd_id AS "opdId", n.code, n.name
         FROM core.plan_nodes n JOIN core.strategic_plans sp ON sp.id = n.strategic_plan_id
        WHERE n.level = 'objective' AND $1 BETWEEN sp.period_start AND sp.period_end
          AND ((n.opd_id IS NOT NULL AND ($2::uuid[] IS NULL OR n.opd_id = ANY($2::uuid[]))) OR ($3 AND n.opd_id IS NULL))
        ORDER BY n.sort_order, n.code, n.id`,
      [year, opdIds, withPemda],
    );
  }

  /** indicator id → weight (numeric text). */
  async weights(indicatorIds: readonly string[]): Promise<Map<string, string>> {
    if (!indicatorIds.length) return new Map();
    const rows = await this.ds.query<Array<{ id: string; weight: string }>>(`SELECT id, weight::text AS weight FROM core.indicators WHERE id = ANY($1::uuid[])`, [
      indicatorIds,
    ]);
    return new Map(rows.map((r) => [r.id, r.weight]));
  }
}
