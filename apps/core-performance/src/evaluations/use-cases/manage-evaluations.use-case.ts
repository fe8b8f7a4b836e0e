import { Injectable } from '@nestjs/common';
import { notFound, type CallerIdentity, type CreateEvaluationRequest, type EvaluationActionCommand, type EvaluationView } from '@sakip/contracts';
import { assertPermission } from '@sakip/security';
import { OpdAccess } from '../../access/opd-access';
import { toEvaluationView } from '../evaluation-rows';
import { EvaluationsRepository } from '../evaluations.repository';
import { LKE_TEMPLATE_CODE } from '../lke-template';

/** Create (a draft copying the latest `lke-88-2021`) and delete (draft only): evaluators. */
@Injectable()
export class ManageEvaluations {
  constructor(private readonly evaluations: EvaluationsRepository) {}

  async create(caller: CallerIdentity | null, req: CreateEvaluationRequest): Promise<EvaluationView> {
    const who = assertPermission(caller, 'evaluations.manage');
    OpdAccess.of(who).assertVisible(req.opdId, 'OPD');
    if (!(await this.evaluations.opdExists(req.opdId))) throw notFound('OPD');
    const template = await this.evaluations.latestTemplate(LKE_TEMPLATE_CODE);
    if (!template) throw new Error(`LKE template ${LKE_TEMPLATE_CODE} is not seeded`);
    const row = await this.evaluations.create(req.opdId, req.year, template, who);
    const sheet = await this.evaluations.sheetOf(row.id);
    if (!sheet) throw notFound('Evaluation');
    return toEvaluationView(sheet);
  }

  async delete(caller: CallerIdentity | null, cmd: EvaluationActionCommand): Promise<void> {
    const who = assertPermission(caller, 'evaluations.manage');
    const row = await this.evaluations.findById(cmd.id);
    if (!row) throw notFound('Evaluation');
    OpdAccess.of(who).assertVisible(row.opd_id, 'Evaluation');
    await this.evaluations.delete(row.id, cmd.expectedVersion, who);
  }
}
