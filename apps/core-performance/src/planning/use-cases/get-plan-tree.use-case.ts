import { Injectable } from '@nestjs/common';
import { type CallerIdentity, type StrategicPlanTreeView } from '@sakip/contracts';
import { assertPermission } from '@sakip/security';
import { buildPlanTree } from '../plan-tree';
import { toStrategicPlanView } from '../plan-views';
import { StrategicPlansRepository } from '../strategic-plans.repository';
import { ManageStrategicPlans } from './manage-strategic-plans.use-case';

/** `GET /strategic-plans/:id/tree`: the whole plan in a few set-based reads. */
@Injectable()
export class GetPlanTree {
  constructor(
    private readonly plans: StrategicPlansRepository,
    private readonly manage: ManageStrategicPlans,
  ) {}

  async execute(caller: CallerIdentity | null, id: string): Promise<StrategicPlanTreeView> {
    const who = assertPermission(caller, 'plans.read');
    const plan = await this.manage.visible(who, id);
    const { nodes, indicators } = await this.plans.treeRows(plan.id);
    return buildPlanTree(toStrategicPlanView(plan), nodes, indicators);
  }
}
