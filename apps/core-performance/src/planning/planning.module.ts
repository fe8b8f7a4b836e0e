import { Module } from '@nestjs/common';
import { PlanNodesController } from './plan-nodes.controller';
import { PlanNodesRepository } from './plan-nodes.repository';
import { StrategicPlansController } from './strategic-plans.controller';
import { StrategicPlansRepository } from './strategic-plans.repository';
import { GetPlanTree } from './use-cases/get-plan-tree.use-case';
import { ManagePlanNodes } from './use-cases/manage-plan-nodes.use-case';
import { ManageStrategicPlans } from './use-cases/manage-strategic-plans.use-case';

/** Renstra/RPJMD and the planning tree (DOMAIN.md "Planning tree"). */
@Module({
  controllers: [StrategicPlansController, PlanNodesController],
  providers: [StrategicPlansRepository, PlanNodesRepository, ManageStrategicPlans, ManagePlanNodes, GetPlanTree],
  exports: [PlanNodesRepository, StrategicPlansRepository],
})
export class PlanningModule {}
