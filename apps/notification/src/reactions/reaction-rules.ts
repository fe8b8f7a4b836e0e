import { CORE_EVENTS, INTEGRATION_EVENTS, REPORT_EVENTS, Role, type NotificationType, type SakipEventEnvelope } from '@sakip/contracts';
import type { RecipientQuery } from '../directory/directory.repository';

/** What one event means to people: the kind of notification and who gets it. */
export interface Reaction {
  type: NotificationType;
  to: RecipientQuery;
}

const USER_ACTOR = /^user:([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

/** The admins of an OPD; a Pemda-level fact (no OPD) goes to the super_admins, who own those rows. */
function opdAdmins(opdId: string | null): RecipientQuery {
  return opdId ? { roles: [Role.AdminOpd], opdId } : { roles: [Role.SuperAdmin] };
}

/**
 * issue #7 "Reactions": submitted → evaluators; returned/verified → that OPD's admin_opd users;
 * evaluation published → the OPD's admin_opd and viewer users; report done/failed → whoever
 * ordered it; sync failed → super_admins. Anything else (locked, an API-key requester) → none.
 */
export function reactionTo(event: SakipEventEnvelope): Reaction | null {
  switch (event.subject) {
    case CORE_EVENTS.achievementSubmitted:
      return { type: 'achievement.submitted', to: { roles: [Role.Evaluator] } };
    case CORE_EVENTS.achievementReturned:
      return { type: 'achievement.returned', to: opdAdmins(event.data.opdId) };
    case CORE_EVENTS.achievementVerified:
      return { type: 'achievement.verified', to: opdAdmins(event.data.opdId) };
    case CORE_EVENTS.evaluationPublished:
      return { type: 'evaluation.published', to: { roles: [Role.AdminOpd, Role.Viewer], opdId: event.data.opdId } };
    case REPORT_EVENTS.reportCompleted:
    case REPORT_EVENTS.reportFailed: {
      const requester = USER_ACTOR.exec(event.data.requestedBy)?.[1];
      if (!requester) return null;
      return { type: event.subject === REPORT_EVENTS.reportCompleted ? 'report.completed' : 'report.failed', to: { userId: requester.toLowerCase() } };
    }
    case INTEGRATION_EVENTS.syncFailed:
      return { type: 'sync.failed', to: { roles: [Role.SuperAdmin] } };
    default:
      return null;
  }
}
