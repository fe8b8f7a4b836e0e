import { Module } from '@nestjs/common';
import { SettingsModule } from '../settings/settings.module';
import { BudgetAllocationsRepository } from './budget-allocations.repository';
import { BudgetNodesRepository } from './budget-nodes.repository';
import { BudgetRealizationsRepository } from './budget-realizations.repository';
import { BudgetSummaryRepository } from './budget-summary.repository';
import { BudgetSyncController } from './budget-sync.controller';
import { BudgetSyncRepository } from './budget-sync.repository';
import { BudgetController } from './budget.controller';
import { BudgetSummary } from './use-cases/budget-summary.use-case';
import { ManageBudgetAllocations } from './use-cases/manage-budget-allocations.use-case';
import { ManageBudgetRealizations } from './use-cases/manage-budget-realizations.use-case';
import { ReadBudget } from './use-cases/read-budget.use-case';
import { UpsertSipdBudget } from './use-cases/upsert-sipd-budget.use-case';

/** Budget allocations (pagu), monthly realizations, the serapan/efficiency summary and the SIPD upsert (DOMAIN.md "Budget"). */
@Module({
  imports: [SettingsModule],
  controllers: [BudgetController, BudgetSyncController],
  providers: [
    BudgetNodesRepository,
    BudgetAllocationsRepository,
    BudgetRealizationsRepository,
    BudgetSummaryRepository,
    BudgetSyncRepository,
    ReadBudget,
    ManageBudgetAllocations,
    ManageBudgetRealizations,
    BudgetSummary,
    UpsertSipdBudget,
  ],
})
export class BudgetModule {}
