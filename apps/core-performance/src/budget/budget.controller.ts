import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  BudgetAllocationListQuery,
  BudgetRealizationListQuery,
  BudgetSummaryQuery,
  CORE_SUBJECTS,
  CreateBudgetAllocationRequest,
  CreateBudgetRealizationRequest,
  DeleteBudgetRowCommand,
  IdRequest,
  UpdateBudgetAllocationCommand,
  UpdateBudgetRealizationCommand,
  type CallerIdentity,
} from '@sakip/contracts';
import { Caller, RpcController } from '@sakip/messaging';
import { BudgetSummary } from './use-cases/budget-summary.use-case';
import { ManageBudgetAllocations } from './use-cases/manage-budget-allocations.use-case';
import { ManageBudgetRealizations } from './use-cases/manage-budget-realizations.use-case';
import { ReadBudget } from './use-cases/read-budget.use-case';

/** The budget routes the gateway forwards (API.md "Core performance": Budget). */
@RpcController()
export class BudgetController {
  constructor(
    private readonly read: ReadBudget,
    private readonly allocations: ManageBudgetAllocations,
    private readonly realizations: ManageBudgetRealizations,
    private readonly summary: BudgetSummary,
  ) {}

  @MessagePattern(CORE_SUBJECTS.budgetAllocationQuery)
  queryAllocations(@Payload() q: BudgetAllocationListQuery, @Caller() caller: CallerIdentity | null) {
    return this.read.listAllocations(caller, q);
  }

  @MessagePattern(CORE_SUBJECTS.budgetAllocationGet)
  getAllocation(@Payload() req: IdRequest, @Caller() caller: CallerIdentity | null) {
    return this.read.getAllocation(caller, req.id);
  }

  @MessagePattern(CORE_SUBJECTS.budgetAllocationCreate)
  createAllocation(@Payload() req: CreateBudgetAllocationRequest, @Caller() caller: CallerIdentity | null) {
    return this.allocations.create(caller, req);
  }

  @MessagePattern(CORE_SUBJECTS.budgetAllocationUpdate)
  updateAllocation(@Payload() cmd: UpdateBudgetAllocationCommand, @Caller() caller: CallerIdentity | null) {
    return this.allocations.update(caller, cmd);
  }

  @MessagePattern(CORE_SUBJECTS.budgetAllocationDelete)
  async deleteAllocation(@Payload() cmd: DeleteBudgetRowCommand, @Caller() caller: CallerIdentity | null) {
    await this.allocations.delete(caller, cmd);
    return null;
  }

  @MessagePattern(CORE_SUBJECTS.budgetRealizationQuery)
  queryRealizations(@Payload() q: BudgetRealizationListQuery, @Caller() caller: CallerIdentity | null) {
    return this.read.listRealizations(caller, q);
  }

  @MessagePattern(CORE_SUBJECTS.budgetRealizationGet)
  getRealization(@Payload() req: IdRequest, @Caller() caller: CallerIdentity | null) {
    return this.read.getRealization(caller, req.id);
  }

  @MessagePattern(CORE_SUBJECTS.budgetRealizationCreate)
  createRealization(@Payload() req: CreateBudgetRealizationRequest, @Caller() caller: CallerIdentity | null) {
    return this.realizations.create(caller, req);
  }

  @MessagePattern(CORE_SUBJECTS.budgetRealizationUpdate)
  updateRealization(@Payload() cmd: UpdateBudgetRealizationCommand, @Caller() caller: CallerIdentity | null) {
    return this.realizations.update(caller, cmd);
  }

  @MessagePattern(CORE_SUBJECTS.budgetRealizationDelete)
  async deleteRealization(@Payload() cmd: DeleteBudgetRowCommand, @Caller() caller: CallerIdentity | null) {
    await this.realizations.delete(caller, cmd);
    return null;
  }

  @MessagePattern(CORE_SUBJECTS.budgetSummary)
  budgetSummary(@Payload() q: BudgetSummaryQuery, @Caller() caller: CallerIdentity | null) {
    return this.summary.execute(caller, q);
  }
}
