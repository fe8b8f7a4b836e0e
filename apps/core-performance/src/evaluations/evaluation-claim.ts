import { assertVersion, DomainError, ErrorCode, notFound, type EvaluationStatus } from '@sakip/contracts';
import type { EntityManager } from 'typeorm';
import { EVALUATION_COLUMNS, type EvaluationRow } from './evaluation-rows';

/**
 * The state check of every write to an evaluation, as ONE conditional update: bumps its version
 * `WHERE status = ANY(allowed) AND version = expected (when given)`. Of two concurrent writers one
 * matches and the other waits on the row lock, then sees the new state (409) or version (412). The
 * row stays locked for the rest of the transaction, so answers, finalize and publish serialize.
 * No match → 404 (gone), 412 (If-Match), 409 INVALID_STATE (wrong status).
 */
export async function claimEvaluation(tx: EntityManager, id: string, allowed: readonly EvaluationStatus[], expectedVersion: number | undefined, action: string): Promise<EvaluationRow> {
  const [rows]: [EvaluationRow[], number] = await tx.query(
    `UPDATE core.evaluations SET version = version + 1, updated_at = now()
      WHERE id = $1 AND status = ANY($2::text[]) AND ($3::int IS NULL OR version = $3::int)
      RETURNING ${EVALUATION_COLUMNS}`,
    [id, allowed, expectedVersion ?? null],
  );
  if (rows.length === 1) return rows[0];
  const [now]: Array<Pick<EvaluationRow, 'status' | 'version'>> = await tx.query(`SELECT status, version FROM core.evaluations WHERE id = $1`, [id]);
  if (!now) throw notFound('Evaluation');
  assertVersion(expectedVersion, now.version);
  throw wrongState(now.status, action, allowed);
}

export function wrongState(status: EvaluationStatus, action: string, allowed: readonly EvaluationStatus[]): DomainError {
  return new DomainError(ErrorCode.InvalidState, `The evaluation is ${status}; ${action} needs it ${allowed.join(' or ')}`, [
    { field: 'status', message: `is ${status}, expected ${allowed.join(' or ')}` },
  ]);
}
