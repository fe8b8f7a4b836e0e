import { Module } from '@nestjs/common';
import { FileReferencesModule } from '../files/file-references.module';
import { EvaluationsController } from './evaluations.controller';
import { EvaluationsRepository } from './evaluations.repository';
import { RecommendationsRepository } from './recommendations.repository';
import { AnswerEvaluation } from './use-cases/answer-evaluation.use-case';
import { ManageEvaluations } from './use-cases/manage-evaluations.use-case';
import { ReadEvaluations } from './use-cases/read-evaluations.use-case';
import { Recommendations } from './use-cases/recommendations.use-case';
import { TransitionEvaluation } from './use-cases/transition-evaluation.use-case';

/** LKE evaluations per OPD and year (DOMAIN.md "Evaluation (LKE, PermenPAN-RB 88/2021)"). */
@Module({
  imports: [FileReferencesModule],
  controllers: [EvaluationsController],
  providers: [EvaluationsRepository, RecommendationsRepository, ReadEvaluations, ManageEvaluations, AnswerEvaluation, TransitionEvaluation, Recommendations],
})
export class EvaluationsModule {}
