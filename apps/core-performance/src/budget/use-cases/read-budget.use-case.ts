import { Injectable } from '@nestjs/common';
import {
  notFound,
  type BudgetAllocationListQuery,
  type BudgetAllocationView,
  type BudgetRealizationListQuery,
  type BudgetRealizationView,
  type CallerIdentity,
  type Page,
} from '@sakip/contracts';
import { assertPermission } from '@sakip/security';
import { OpdAccess } from '../../access/opd-access';
import { BudgetAllocationsRepository } from '../budget-allocations.repository';
import { BudgetRealizationsRepository } from '../budget-realizations.repository';
import { toAllocationView, toRealizationView } from '../budget-rows';

/** Lists and gets of allocations and realizations: every role reads (`budget.read`), bound callers their OPD only. */
@Injectable()
export class ReadBudget {
  constructor(
    private readonly allocations: BudgetAllocationsRepository,
    private readonly realizations: BudgetRealizationsRepository,
  ) {}

  listAllocations(caller: CallerIdentity | null, q: BudgetAllocationListQuery): Promise<Page<BudgetAllocationView>> {
    const who = assertPermission(caller, 'budget.read');
    return this.allocations.query(q, OpdAccess.of(who));
  }

  async getAllocation(caller: CallerIdentity | null, id: string): Promise<BudgetAllocationView> {
    const who = assertPermission(caller, 'budget.read');
    const row = await this.allocations.findById(id);
    if (!row) throw notFound('Budget allocation');
    OpdAccess.of(who).assertVisible(row.opd_id, 'Budget allocation');
    return toAllocationView(row);
  }

  listRealizations(caller: CallerIdentity | null, q: BudgetRealizationListQuery): Promise<Page<BudgetRealizationView>> {
    const who = assertPermission(caller, 'budget.read');
    return this.realizations.query(q, OpdAccess.of(who));
  }

  async getRealization(caller: CallerIdentity | null, id: string): Promise<BudgetRealizationView> {
    const who = assertPermission(caller, 'budget.read');
    const row = await this.realizations.findById(id);
    if (!row) throw notFound('Budget realization');
    OpdAccess.of(who).assertVisible(row.opd_id, 'Budget realization');
    return toRealizationView(row);
  }
}
