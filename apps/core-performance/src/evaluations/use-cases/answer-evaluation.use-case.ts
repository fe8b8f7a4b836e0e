import { Injectable } from '@nestjs/common';
import { notFound, type CallerIdentity, type EvaluationView, type PutEvaluationAnswersCommand } from '@sakip/contracts';
import { assertPermission } from '@sakip/security';
import { OpdAccess } from '../../access/opd-access';
import { FileReferences } from '../../files/file-references';
import { wrongState } from '../evaluation-claim';
import { toEvaluationView } from '../evaluation-rows';
import { EvaluationsRepository } from '../evaluations.repository';
import { checkAnswers } from '../lke-answers';

/**
 * `PUT /evaluations/:id/answers`: evaluators upsert answers per criterion while the evaluation is a
 * draft (after finalize 409). Everything is checked before the transaction: a bad item → 400 naming
 * it, nothing written. super_admin gets 403 (separation of duties).
 */
@Injectable()
export class AnswerEvaluation {
  constructor(
    private readonly evaluations: EvaluationsRepository,
    private readonly files: FileReferences,
  ) {}

  async execute(caller: CallerIdentity | null, cmd: PutEvaluationAnswersCommand): Promise<EvaluationView> {
    const who = assertPermission(caller, 'evaluations.manage');
    const row = await this.evaluations.findById(cmd.id);
    if (!row) throw notFound('Evaluation');
    OpdAccess.of(who).assertVisible(row.opd_id, 'Evaluation');
    // A finalized sheet is closed whatever the body says: 409 before judging the answers.
    if (row.status !== 'draft') throw wrongState(row.status, 'answering', ['draft']);
    const criteria = new Map((await this.evaluations.criteriaOf(row.id)).map((c) => [c.id, c]));
    const answers = checkAnswers(cmd.answers, criteria);
    const evidence = answers.flatMap((a) => a.evidenceFileIds ?? []);
    if (evidence.length) await this.files.assertVisible(who, evidence, 'answers.evidenceFileIds', [...criteria.values()].flatMap((c) => c.evidence_file_ids));
    return toEvaluationView(await this.evaluations.saveAnswers(row.id, answers, cmd.expectedVersion, who));
  }
}
