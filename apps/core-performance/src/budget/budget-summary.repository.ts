import { Injectable } from '@nestjs/common';
import type { BudgetNodeType } from '@sakip/contracts';
import { DataSource } from 'typeorm';
import type { OpdAccess } from '../access/opd-access';
import { loadIndicatorYearValues } from '../performance/indicator-year-values';
import { SettingsRepository } from '../settings/settings.repository';
import type { SummaryIndicator, SummaryInputs, SummaryNodeRow } from './budget-summary';

export interface SummaryFilter {
  year: number;
  /** Realizations through this month; null = all of the year. */
  month: number | null;
  opdId: string | undefined;
  nodeType: BudgetNodeType | undefined;
}

@Injectable()
export class BudgetSummaryRepository {
  constructor(
    private readonly ds: DataSource,
    private readonly settings: SettingsRepository,
  ) {}

  /**
   * Everything the summary is computed from, in five set-based queries inside one REPEATABLE READ
   * snapshot (so the figures agree with each other), whatever the number of nodes: the nodes with
   * budget data of the year (latest revision's pagu, cumulative realization), their indicators of
   * plans covering the year, those indicators' targets and achievements of the year, and the
   * settings (cap, efficiency thresholds).
   */
  read(f: SummaryFilter, access: OpdAccess): Promise<SummaryInputs> {
    return this.ds.transaction('REPEATABLE READ', async (tx) => {
      const params: unknown[] = [f.year, f.month];
      const scopeA = access.sql('a.opd_id', params, f.opdId);
      const scopeR = access.sql('r.opd_id', params, f.opdId);
      const typeA = f.nodeType === undefined ? '' : ` AND a.node_type = $${params.push(f.nodeType)}`;
      const typeR = f.nodeType === undefined ? '' : ` AND r.node_type = $${params.length}`;
      // DISTINCT ON keeps one allocation per node: perubahan when present, else murni (the latest counts).
      const nodes: SummaryNodeRow[] = await tx.query(
        `WITH alloc AS (
           SELECT DISTINCT ON (a.node_id) a.node_id, a.revision, a.pagu, a.sipd_code
             FROM core.budget_allocations a
            WHERE a.year = $1${scopeA}${typeA}
            ORDER BY a.node_id, (a.revision = 'perubahan') DESC
         ), real AS (
           SELECT r.node_id,
                  coalesce(sum(r.amount) FILTER (WHERE $2::int IS NULL OR r.month <= $2::int), 0) AS realization,
                  max(r.month) FILTER (WHERE $2::int IS NULL OR r.month <= $2::int) AS through_month
             FROM core.budget_realizations r
            WHERE r.year = $1${scopeR}${typeR}
            GROUP BY r.node_id
         )
         SELECT n.id AS node_id, n.level AS node_type, n.code, n.name, n.opd_id, coalesce(al.sipd_code, n.sipd_code) AS sipd_code,
                al.pagu::text AS pagu, al.revision, coalesce(re.realization, 0)::text AS realization, re.through_month
           FROM (SELECT node_id FROM alloc UNION SELECT node_id FROM real) k
           JOIN core.plan_nodes n ON n.id = k.node_id
           LEFT JOIN alloc al ON al.node_id = k.node_id
           LEFT JOIN real re ON re.node_id = k.node_id`,
        params,
      );
      const nodeIds = nodes.map((n) => n.node_id);
      const indicators: SummaryIndicator[] = await tx.query(
        `SELECT i.id, i.name, i.objective_id, i.opd_id, i.frequency, i.aggregation, i.polarity, i.parent_id, i.weight::text AS weight
           FROM core.indicators i JOIN core.strategic_plans sp ON sp.id = i.strategic_plan_id
          WHERE i.parent_id = ANY($2::uuid[]) AND $1 BETWEEN sp.period_start AND sp.period_end`,
        [f.year, nodeIds],
      );
      const { targets, achievements } = await loadIndicatorYearValues(tx, f.year, indicators.map((i) => i.id));
      const settings = await this.settings.current(tx);
      return {
        nodes,
        indicators,
        targets,
        achievements,
        cap: settings.capaianCap,
        efficientAbove: settings.efficientAbove,
        inefficientBelow: settings.inefficientBelow,
      };
    });
  }
}
