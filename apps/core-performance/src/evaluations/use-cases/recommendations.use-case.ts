import { Injectable } from '@nestjs/common';
import { notFound, validationFailed, type CallerIdentity, type CreateRecommendationCommand, type FollowUpCommand, type RecommendationView } from '@sakip/contracts';
import { assertPermission } from '@sakip/security';
import { OpdAccess } from '../../access/opd-access';
import { readsPublishedOnly } from '../evaluation-access';
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
   * Another OPD's evaluation is 404, and so is an unpublished one for a caller that reads published
   * evaluations only (admin_opd: evaluation-access says drafts and final ones do not exist for it).
   * super_admin sees every evaluation, so an unpublished one is 409 for it.
   */
  async followUp(caller: CallerIdentity | null, cmd: FollowUpCommand): Promise<RecommendationView> {
    const who = assertPermission(caller, 'evaluations.follow_up');
    const row = await this.evaluations.findById(cmd.id);
    if (!row) throw notFound('Evaluation');
    OpdAccess.of(who).assertWritable(row.opd_id, 'Evaluation');
    if (readsPublishedOnly(who) && row.status !== 'published') throw notFound('Evaluation');
    return toRecommendationView(await this.recommendations.followUp(row.id, cmd.recommendationId.toLowerCase(), cmd.text, cmd.status, cmd.expectedVersion, who));
  }
}
