import { Injectable } from '@nestjs/common';
import {
  notFound,
  validationFailed,
  type BudgetAllocationView,
  type CallerIdentity,
  type CreateBudgetAllocationRequest,
  type DeleteBudgetRowCommand,
  type ErrorDetail,
  type UpdateBudgetAllocationCommand,
} from '@sakip/contracts';
import { assertPermission } from '@sakip/security';
import { OpdAccess } from '../../access/opd-access';
import { BudgetAllocationsRepository, type AllocationPatch } from '../budget-allocations.repository';
import { BudgetNodesRepository } from '../budget-nodes.repository';
import { toAllocationView, type AllocationRow } from '../budget-rows';
import { nodeLabel, nodeProblems, sipdCodeProblem } from '../budget-rules';

/** Create, update (pagu, SIPD code) and delete of allocations: super_admin only (`budget.allocate`). */
@Injectable()
export class ManageBudgetAllocations {
  constructor(
    private readonly allocations: BudgetAllocationsRepository,
    private readonly nodes: BudgetNodesRepository,
  ) {}

  async create(caller: CallerIdentity | null, req: CreateBudgetAllocationRequest): Promise<BudgetAllocationView> {
    const who = assertPermission(caller, 'budget.allocate');
    const node = await this.nodes.findNode(req.nodeId);
    if (!node) throw notFound(nodeLabel(req.nodeType));
    // A key bound to an OPD stays inside it.
    OpdAccess.of(who).assertVisible(node.opd_id, nodeLabel(req.nodeType));
    const errors: ErrorDetail[] = nodeProblems(node, req.nodeType, req.year);
    const sipd = req.sipdCode === undefined ? null : sipdCodeProblem(req.nodeType, req.sipdCode);
    if (sipd) errors.push(sipd);
    if (errors.length) throw validationFailed('The allocation does not fit the node', errors);
    const row = await this.allocations.create(
      { nodeType: req.nodeType, nodeId: node.id, opdId: node.opd_id as string, year: req.year, revision: req.revision, pagu: req.pagu, sipdCode: req.sipdCode ?? node.sipd_code },
      who,
    );
    return toAllocationView(row);
  }

  async update(caller: CallerIdentity | null, cmd: UpdateBudgetAllocationCommand): Promise<BudgetAllocationView> {
    const who = assertPermission(caller, 'budget.allocate');
    const patch: AllocationPatch = {};
    if (cmd.pagu !== undefined) patch.pagu = cmd.pagu;
    if (cmd.sipdCode !== undefined) patch.sipdCode = cmd.sipdCode;
    if (!Object.keys(patch).length) throw validationFailed('Nothing to update', [{ message: 'send pagu or sipdCode' }]);
    const current = await this.writable(who, cmd.id);
    const sipd = patch.sipdCode === undefined ? null : sipdCodeProblem(current.node_type, patch.sipdCode);
    if (sipd) throw validationFailed('The SIPD code does not fit the node', [sipd]);
    return toAllocationView(await this.allocations.update(current, patch, cmd.expectedVersion, who));
  }

  async delete(caller: CallerIdentity | null, cmd: DeleteBudgetRowCommand): Promise<void> {
    const who = assertPermission(caller, 'budget.allocate');
    await this.allocations.delete(await this.writable(who, cmd.id), cmd.expectedVersion, who);
  }

  private async writable(who: CallerIdentity, id: string): Promise<AllocationRow> {
    const row = await this.allocations.findById(id);
    if (!row) throw notFound('Budget allocation');
    OpdAccess.of(who).assertWritable(row.opd_id, 'Budget allocation');
    return row;
  }
}
