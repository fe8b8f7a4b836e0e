import { Injectable } from '@nestjs/common';
import { notFound, type CallerIdentity, type EvaluationActionCommand, type EvaluationView } from '@sakip/contracts';
import { assertPermission } from '@sakip/security';
import { OpdAccess } from '../../access/opd-access';
import { toEvaluationView } from '../evaluation-rows';
import { EvaluationsRepository } from '../evaluations.repository';

/**
 * finalize (draft → final, evaluators; refused while a criterion is unanswered, stores score and
 * grade) and publish (final → published, super_admin; emits `evt.core.evaluation.published.v1`).
 */
@Injectable()
export class TransitionEvaluation {
  constructor(private readonly evaluations: EvaluationsRepository) {}

  async finalize(caller: CallerIdentity | null, cmd: EvaluationActionCommand): Promise<EvaluationView> {
    const who = assertPermission(caller, 'evaluations.manage');
    await this.visible(who, cmd.id);
    await this.evaluations.finalize(cmd.id, cmd.expectedVersion, who);
    return this.view(cmd.id);
  }

  async publish(caller: CallerIdentity | null, cmd: EvaluationActionCommand): Promise<EvaluationView> {
    const who = assertPermission(caller, 'evaluations.publish');
    await this.visible(who, cmd.id);
    await this.evaluations.publish(cmd.id, cmd.expectedVersion, who);
    return this.view(cmd.id);
  }

  private async visible(who: CallerIdentity, id: string): Promise<void> {
    const row = await this.evaluations.findById(id);
    if (!row) throw notFound('Evaluation');
    OpdAccess.of(who).assertVisible(row.opd_id, 'Evaluation');
  }

  private async view(id: string): Promise<EvaluationView> {
    const sheet = await this.evaluations.sheetOf(id);
    if (!sheet) throw notFound('Evaluation');
    return toEvaluationView(sheet);
  }
}
