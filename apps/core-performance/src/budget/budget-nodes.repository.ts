import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { BudgetNode } from './budget-rules';

/** The plan node a budget write hangs on, with its plan period. */
@Injectable()
export class BudgetNodesRepository {
  constructor(private readonly ds: DataSource) {}

  async findNode(id: string): Promise<BudgetNode | null> {
    const [row] = await this.ds.query(
      `SELECT n.id, n.level, n.opd_id, n.sipd_code, sp.period_start, sp.period_end
         FROM core.plan_nodes n JOIN core.strategic_plans sp ON sp.id = n.strategic_plan_id
        WHERE n.id = $1`,
      [id],
    );
    return row ?? null;
  }
}
