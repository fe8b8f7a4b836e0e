import { Injectable } from '@nestjs/common';
import {
  notFound,
  validationFailed,
  type BudgetRealizationView,
  type CallerIdentity,
  type CreateBudgetRealizationRequest,
  type DeleteBudgetRowCommand,
  type UpdateBudgetRealizationCommand,
} from '@sakip/contracts';
import { assertPermission } from '@sakip/security';
import { OpdAccess } from '../../access/opd-access';
import { BudgetNodesRepository } from '../budget-nodes.repository';
import { BudgetRealizationsRepository } from '../budget-realizations.repository';
import { toRealizationView, type RealizationRow } from '../budget-rows';
import { nodeLabel, nodeProblems } from '../budget-rules';

/** Monthly realizations: super_admin, or admin_opd in its own OPD (`budget.write`); a locked month → 409. */
@Injectable()
export class ManageBudgetRealizations {
  constructor(
    private readonly realizations: BudgetRealizationsRepository,
    private readonly nodes: BudgetNodesRepository,
  ) {}

  async create(caller: CallerIdentity | null, req: CreateBudgetRealizationRequest): Promise<BudgetRealizationView> {
    const who = assertPermission(caller, 'budget.write');
    const node = await this.nodes.findNode(req.nodeId);
    if (!node) throw notFound(nodeLabel(req.nodeType));
    // Another OPD's node → 404 (its existence does not leak).
    OpdAccess.of(who).assertVisible(node.opd_id, nodeLabel(req.nodeType));
    const errors = nodeProblems(node, req.nodeType, req.year);
    if (errors.length) throw validationFailed('The realization does not fit the node', errors);
    const row = await this.realizations.create(
      { nodeType: req.nodeType, nodeId: node.id, opdId: node.opd_id as string, year: req.year, month: req.month, amount: req.amount },
      who,
    );
    return toRealizationView(row);
  }

  async update(caller: CallerIdentity | null, cmd: UpdateBudgetRealizationCommand): Promise<BudgetRealizationView> {
    const who = assertPermission(caller, 'budget.write');
    if (cmd.amount === undefined) throw validationFailed('Nothing to update', [{ field: 'amount', message: 'send amount' }]);
    const current = await this.writable(who, cmd.id);
    return toRealizationView(await this.realizations.update(current, cmd.amount, cmd.expectedVersion, who));
  }

  async delete(caller: CallerIdentity | null, cmd: DeleteBudgetRowCommand): Promise<void> {
    const who = assertPermission(caller, 'budget.write');
    await this.realizations.delete(await this.writable(who, cmd.id), cmd.expectedVersion, who);
  }

  private async writable(who: CallerIdentity, id: string): Promise<RealizationRow> {
    const row = await this.realizations.findById(id);
    if (!row) throw notFound('Budget realization');
    OpdAccess.of(who).assertWritable(row.opd_id, 'Budget realization');
    return row;
  }
}
