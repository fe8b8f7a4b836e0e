import { Injectable } from '@nestjs/common';
import { forbidden, validationFailed, type BudgetUpsertRequest, type CallerIdentity } from '@sakip/contracts';
import { batchProblems } from '../budget-rules';
import { BudgetSyncRepository, type SipdUpsertResult } from '../budget-sync.repository';

/**
 * `core.budget.upsert.v1`: integration-sync's SIPD batch (≤ 1000 rows per kind), by sub-kegiatan
 * code. Services only, like the OPD snapshot: a call carrying a user identity came through the
 * gateway (users write through `/budget-*`). Unknown and ambiguous codes, allocations of a locked
 * year and realizations of locked months are reported, not written; a repeated code is 400 with
 * nothing written.
 */
@Injectable()
export class UpsertSipdBudget {
  constructor(private readonly sync: BudgetSyncRepository) {}

  async execute(caller: CallerIdentity | null, req: BudgetUpsertRequest): Promise<SipdUpsertResult> {
    if (caller) throw forbidden('The SIPD budget upsert is for services only');
    const problems = batchProblems(req);
    if (problems.length) throw validationFailed('The batch repeats rows', problems);
    return this.sync.apply({ year: req.year, revision: req.revision, allocations: req.allocations ?? [], realizations: req.realizations ?? [] });
  }
}
