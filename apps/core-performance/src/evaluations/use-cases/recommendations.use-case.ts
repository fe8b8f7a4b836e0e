import { Injectable } from '@nestjs/common';
import { notFound, validationFailed, type CallerIdentity, type CreateRecommendationCommand, type FollowUpCommand, type RecommendationView } from '@sakip/contracts';
import { assertPermission } from '@sakip/security';
import { OpdAccess } from '../../access/opd-access';
import { wrongState } from '../evaluation-claim';
import { toRecommendationView } from '../evaluation-rows';
import { EvaluationsRepository } from '../evaluations.repository';
import { RecommendationsRepository } from '../recommendations.repository';

/**
 * Recommendations per component: written by evaluators before finalize; their follow-up
 * (*tindak lanjut*) by super_admin or the OPD's admin_opd once published (before: 409).
 */
@Injectable()
export class Recommendations {
  constructor(
    private readonly evaluations: EvaluationsRepository,
    private readonly recommendations: RecommendationsRepository,
  ) {}

  async create(caller: CallerIdentity | null, cmd: CreateRecommendationCommand): Promise<RecommendationView> {
    const who = assertPermission(caller, 'evaluations.manage');
    const row = await this.evaluations.findById(cmd.id);
    if (!row) throw notFound('Evaluation');
    OpdAccess.of(who).assertVisible(row.opd_id, 'Evaluation');
    if (row.status !== 'draft') throw wrongState(row.status, 'adding recommendations', ['draft']);
    if (!(await this.recommendations.componentExists(row.id, cmd.componentId.toLowerCase()))) {
      throw validationFailed('Unknown component', [{ field: 'componentId', message: `${cmd.componentId} is not a component of this evaluation` }]);
    }
    return toRecommendationView(await this.recommendations.create(row.id, cmd.componentId.toLowerCase(), cmd.text, cmd.expectedVersion, who));
  }

  /**
   * Another OPD's evaluation is 404. The OPD's own evaluation answers 409 until published: its
   * existence is no secret to the OPD being evaluated (only its content is, see evaluation-access).
   */
  async followUp(caller: CallerIdentity | null, cmd: FollowUpCommand): Promise<RecommendationView> {
    const who = assertPermission(caller, 'evaluations.follow_up');
    const row = await this.evaluations.findById(cmd.id);
    if (!row) throw notFound('Evaluation');
    OpdAccess.of(who).assertWritable(row.opd_id, 'Evaluation');
    return toRecommendationView(await this.recommendations.followUp(row.id, cmd.recommendationId.toLowerCase(), cmd.text, cmd.status, cmd.expectedVersion, who));
  }
}
