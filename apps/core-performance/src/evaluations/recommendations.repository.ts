import { Injectable } from '@nestjs/common';
import { assertVersion, DomainError, ErrorCode, notFound, type CallerIdentity, type FollowUpStatus } from '@sakip/contracts';
import { uuidv7 } from '@sakip/persistence';
import { DataSource } from 'typeorm';
import { writeAudit } from '../audit/core-audit';
import { claimEvaluation } from './evaluation-claim';
import { RECOMMENDATION_COLUMNS, type RecommendationRow } from './evaluation-rows';

/** Recommendations per component (the evaluator, while draft) and their tindak lanjut (the OPD, once published). */
@Injectable()
export class RecommendationsRepository {
  constructor(private readonly ds: DataSource) {}

  async componentExists(evaluationId: string, componentId: string): Promise<boolean> {
    return (await this.ds.query(`SELECT 1 FROM core.evaluation_components WHERE evaluation_id = $1 AND id = $2`, [evaluationId, componentId])).length === 1;
  }

  /** Adds a recommendation to a draft (else 409); bumps the evaluation's version (If-Match: the evaluation's). */
  create(evaluationId: string, componentId: string, text: string, expectedVersion: number | undefined, caller: CallerIdentity): Promise<RecommendationRow> {
    return this.ds.transaction(async (tx) => {
      await claimEvaluation(tx, evaluationId, ['draft'], expectedVersion, 'adding recommendations');
      const [row]: RecommendationRow[] = await tx.query(
        `INSERT INTO core.evaluation_recommendations (id, evaluation_id, component_id, text, created_by) VALUES ($1, $2, $3, $4, $5) RETURNING ${RECOMMENDATION_COLUMNS}`,
        [uuidv7(), evaluationId, componentId, text, caller.actor],
      );
      await writeAudit(tx, {
        actor: caller.actor,
        ip: caller.ip,
        operation: 'insert',
        table: 'evaluation_recommendations',
        rowId: row.id,
        newValues: { evaluationId, componentId, text, followUpStatus: row.follow_up_status },
      });
      return row;
    });
  }

  /**
   * Records the follow-up of one recommendation of a PUBLISHED evaluation (else 409) that is not
   * done yet (done → 409: nothing changes, not even the evaluation's version). If-Match is
   * the recommendation's version; the evaluation's version moves too (its view shows follow-ups).
   */
  followUp(evaluationId: string, recommendationId: string, text: string, status: FollowUpStatus, expectedVersion: number | undefined, caller: CallerIdentity): Promise<RecommendationRow> {
    return this.ds.transaction(async (tx) => {
      await claimEvaluation(tx, evaluationId, ['published'], undefined, 'follow-up');
      // The evaluation row lock serializes every follow-up of this evaluation.
      const [before]: RecommendationRow[] = await tx.query(`SELECT ${RECOMMENDATION_COLUMNS} FROM core.evaluation_recommendations WHERE id = $1 AND evaluation_id = $2`, [
        recommendationId,
        evaluationId,
      ]);
      if (!before) throw notFound('Recommendation');
      assertVersion(expectedVersion, before.version);
      // DOMAIN.md: follow-up is recorded "until it is done": done is final. The condition sits in
      // the UPDATE itself, so it holds whatever was read above.
      const [[row]]: [RecommendationRow[], number] = await tx.query(
        `UPDATE core.evaluation_recommendations
            SET follow_up_text = $3, follow_up_status = $4, follow_up_by = $5, follow_up_at = now(), updated_at = now(), version = version + 1
          WHERE id = $1 AND evaluation_id = $2 AND follow_up_status <> 'done' RETURNING ${RECOMMENDATION_COLUMNS}`,
        [recommendationId, evaluationId, text, status, caller.actor],
      );
      if (!row) {
        throw new DomainError(ErrorCode.InvalidState, 'The follow-up of this recommendation is done; it can no longer change', [
          { field: 'followUpStatus', message: 'is done' },
        ]);
      }
      await writeAudit(tx, {
        actor: caller.actor,
        ip: caller.ip,
        operation: 'follow_up',
        table: 'evaluation_recommendations',
        rowId: row.id,
        oldValues: { followUpText: before.follow_up_text, followUpStatus: before.follow_up_status },
        newValues: { evaluationId, followUpText: row.follow_up_text, followUpStatus: row.follow_up_status },
      });
      return row;
    });
  }
}
