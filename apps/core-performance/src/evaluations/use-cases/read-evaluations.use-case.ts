import { Injectable } from '@nestjs/common';
import { notFound, type CallerIdentity, type EvaluationListQuery, type EvaluationSummaryView, type EvaluationView, type Page } from '@sakip/contracts';
import { assertPermission } from '@sakip/security';
import { OpdAccess } from '../../access/opd-access';
import { assertEvaluationVisible, readsPublishedOnly } from '../evaluation-access';
import { toEvaluationView } from '../evaluation-rows';
import { EvaluationsRepository } from '../evaluations.repository';

/** `GET /evaluations` and `GET /evaluations/:id` (the whole sheet with computed values). */
@Injectable()
export class ReadEvaluations {
  constructor(private readonly evaluations: EvaluationsRepository) {}

  list(caller: CallerIdentity | null, q: EvaluationListQuery): Promise<Page<EvaluationSummaryView>> {
    const who = assertPermission(caller, 'evaluations.read');
    return this.evaluations.query(q, OpdAccess.of(who), readsPublishedOnly(who));
  }

  async get(caller: CallerIdentity | null, id: string): Promise<EvaluationView> {
    const who = assertPermission(caller, 'evaluations.read');
    const sheet = await this.evaluations.sheetOf(id);
    if (!sheet) throw notFound('Evaluation');
    assertEvaluationVisible(who, sheet.evaluation);
    return toEvaluationView(sheet);
  }
}
