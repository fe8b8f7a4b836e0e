import { CORE_EVENTS } from '@sakip/contracts';
import Decimal from 'decimal.js';
import type { EntityManager } from 'typeorm';
import { coreOutbox } from '../events/core-outbox';
import type { EvaluationRow } from './evaluation-rows';

/** Owner kind of evaluation evidence in `evt.core.file_links.changed.v1`. */
export const EVIDENCE_OWNER_TYPE = 'evaluation_evidence';

/** The evaluation's COMPLETE current set of evidence files (every criterion's, once each; [] on delete). */
export async function enqueueEvidenceLinks(tx: EntityManager, evaluation: Pick<EvaluationRow, 'id' | 'opd_id'>, fileIds: string[]): Promise<void> {
  await coreOutbox.enqueue(tx, CORE_EVENTS.fileLinksChanged, { ownerType: EVIDENCE_OWNER_TYPE, ownerId: evaluation.id, fileIds, opdId: evaluation.opd_id });
}

/** `evt.core.evaluation.published.v1`: score as a 2-decimal string, in the publish transaction. */
export async function enqueuePublished(tx: EntityManager, row: EvaluationRow): Promise<void> {
  if (row.score === null || row.grade === null || row.published_at === null) throw new Error(`evaluation ${row.id} is published without a score`);
  await coreOutbox.enqueue(tx, CORE_EVENTS.evaluationPublished, {
    evaluationId: row.id,
    opdId: row.opd_id,
    year: row.year,
    score: new Decimal(row.score).toFixed(2),
    grade: row.grade,
    publishedAt: row.published_at.toISOString(),
  });
}
