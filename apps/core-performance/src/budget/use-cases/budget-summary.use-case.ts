import { Injectable } from '@nestjs/common';
import { DEFAULT_LIMIT, type BudgetSummaryPage, type BudgetSummaryQuery, type CallerIdentity } from '@sakip/contracts';
import { assertPermission } from '@sakip/security';
import { OpdAccess } from '../../access/opd-access';
import { ReadCache } from '../../cache/read-cache';
import { budgetSummary, sortSummaryRows } from '../budget-summary';
import { BudgetSummaryRepository } from '../budget-summary.repository';

/**
 * `GET /budget/summary`: serapan, capaian and efficiency per node of the year, with totals per OPD
 * and level. Computed for the whole filtered set (cached until the next write), then sorted and paged.
 */
@Injectable()
export class BudgetSummary {
  constructor(
    private readonly summary: BudgetSummaryRepository,
    private readonly cache: ReadCache,
  ) {}

  async execute(caller: CallerIdentity | null, q: BudgetSummaryQuery): Promise<BudgetSummaryPage> {
    const who = assertPermission(caller, 'budget.read');
    const access = OpdAccess.of(who);
    access.listFilter(q.opdId); // an explicit foreign OPD → 404 before anything is read
    const filter = { year: q.year, month: q.month ?? null, opdId: q.opdId, nodeType: q.nodeType };
    const result = await this.cache.getOrCompute('budget.summary.v1', { scope: access.boundOpdId, ...filter }, async () =>
      budgetSummary(await this.summary.read(filter, access), filter.year, filter.month),
    );
    const limit = q.limit ?? DEFAULT_LIMIT;
    const offset = q.offset ?? 0;
    return {
      items: sortSummaryRows(result.rows, q.sort).slice(offset, offset + limit),
      total: result.rows.length,
      limit,
      offset,
      year: q.year,
      month: filter.month,
      totals: result.totals,
    };
  }
}
