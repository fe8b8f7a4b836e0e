import { notFound, Role, type CallerIdentity } from '@sakip/contracts';
import { OpdAccess } from '../access/opd-access';
import type { EvaluationRow } from './evaluation-rows';

/**
 * Who reads which evaluation (DOMAIN.md "Roles"): evaluators and super_admin every one; admin_opd
 * and viewer only PUBLISHED ones of their own OPD (all OPDs for a viewer without one). Drafts and
 * final-but-unpublished evaluations do not exist for them (404), like another OPD's.
 */
export function readsPublishedOnly(caller: CallerIdentity): boolean {
  return caller.role === Role.AdminOpd || caller.role === Role.Viewer;
}

export function assertEvaluationVisible(caller: CallerIdentity, row: EvaluationRow): void {
  OpdAccess.of(caller).assertVisible(row.opd_id, 'Evaluation');
  if (readsPublishedOnly(caller) && row.status !== 'published') throw notFound('Evaluation');
}
