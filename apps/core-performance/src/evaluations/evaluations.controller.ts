import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  CORE_SUBJECTS,
  CreateEvaluationRequest,
  CreateRecommendationCommand,
  EvaluationActionCommand,
  EvaluationListQuery,
  FollowUpCommand,
  IdRequest,
  PutEvaluationAnswersCommand,
  type CallerIdentity,
} from '@sakip/contracts';
import { Caller, RpcController } from '@sakip/messaging';
import { AnswerEvaluation } from './use-cases/answer-evaluation.use-case';
import { ManageEvaluations } from './use-cases/manage-evaluations.use-case';
import { ReadEvaluations } from './use-cases/read-evaluations.use-case';
import { Recommendations } from './use-cases/recommendations.use-case';
import { TransitionEvaluation } from './use-cases/transition-evaluation.use-case';

/** The public `/evaluations` routes (LKE), forwarded by the gateway with the caller identity. */
@RpcController()
export class EvaluationsController {
  constructor(
    private readonly read: ReadEvaluations,
    private readonly manage: ManageEvaluations,
    private readonly answers: AnswerEvaluation,
    private readonly transitions: TransitionEvaluation,
    private readonly recommendations: Recommendations,
  ) {}

  @MessagePattern(CORE_SUBJECTS.evaluationQuery)
  query(@Payload() q: EvaluationListQuery, @Caller() caller: CallerIdentity | null) {
    return this.read.list(caller, q);
  }

  @MessagePattern(CORE_SUBJECTS.evaluationGet)
  get(@Payload() req: IdRequest, @Caller() caller: CallerIdentity | null) {
    return this.read.get(caller, req.id);
  }

  @MessagePattern(CORE_SUBJECTS.evaluationCreate)
  create(@Payload() req: CreateEvaluationRequest, @Caller() caller: CallerIdentity | null) {
    return this.manage.create(caller, req);
  }

  @MessagePattern(CORE_SUBJECTS.evaluationDelete)
  async delete(@Payload() cmd: EvaluationActionCommand, @Caller() caller: CallerIdentity | null) {
    await this.manage.delete(caller, cmd);
    return null;
  }

  @MessagePattern(CORE_SUBJECTS.evaluationAnswer)
  answer(@Payload() cmd: PutEvaluationAnswersCommand, @Caller() caller: CallerIdentity | null) {
    return this.answers.execute(caller, cmd);
  }

  @MessagePattern(CORE_SUBJECTS.evaluationRecommend)
  recommend(@Payload() cmd: CreateRecommendationCommand, @Caller() caller: CallerIdentity | null) {
    return this.recommendations.create(caller, cmd);
  }

  @MessagePattern(CORE_SUBJECTS.evaluationFinalize)
  finalize(@Payload() cmd: EvaluationActionCommand, @Caller() caller: CallerIdentity | null) {
    return this.transitions.finalize(caller, cmd);
  }

  @MessagePattern(CORE_SUBJECTS.evaluationPublish)
  publish(@Payload() cmd: EvaluationActionCommand, @Caller() caller: CallerIdentity | null) {
    return this.transitions.publish(caller, cmd);
  }

  @MessagePattern(CORE_SUBJECTS.evaluationFollowUp)
  followUp(@Payload() cmd: FollowUpCommand, @Caller() caller: CallerIdentity | null) {
    return this.recommendations.followUp(caller, cmd);
  }
}
