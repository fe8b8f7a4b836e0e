import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { DomainError, ErrorCode } from '../common/errors';
import { toDetails } from '../common/validation';
import type { ServiceName } from './audit.events';
import { AuditRecordedV1 } from './audit.events';
import { AUTH_EVENTS, UserCreatedV1, UserDeactivatedV1, UserUpdatedV1 } from './auth.events';
import {
  AchievementLockedV1,
  AchievementReturnedV1,
  AchievementSubmittedV1,
  AchievementVerifiedV1,
  CORE_EVENTS,
  EvaluationPublishedV1,
  IndicatorChangedV1,
  OpdChangedV1,
} from './core.events';
import type { EventEnvelope } from './envelope';
import { FILE_EVENTS } from './file.events';
import { FileLinksChangedV1 } from './file-links.events';
import { INTEGRATION_EVENTS, SyncFailedV1 } from './integration.events';
import { NOTIFICATION_EVENTS } from './notification.events';
import { REPORT_EVENTS, ReportCompletedV1, ReportFailedV1 } from './report.events';

interface CatalogueEntry {
  producer: ServiceName;
  payload: new () => object;
}

/**
 * Every event subject, who produces it and its payload class — the one list producers and
 * consumers compile against (STYLE.md 2 and 7). A breaking change ships as a new `.v2` entry
 * beside `.v1`; adding an optional field to a v1 payload is not breaking (consumers ignore
 * fields they do not know).
 */
export const EVENT_CATALOGUE = {
  [AUTH_EVENTS.userCreated]: { producer: 'auth', payload: UserCreatedV1 },
  [AUTH_EVENTS.userUpdated]: { producer: 'auth', payload: UserUpdatedV1 },
  [AUTH_EVENTS.userDeactivated]: { producer: 'auth', payload: UserDeactivatedV1 },
  [AUTH_EVENTS.auditRecorded]: { producer: 'auth', payload: AuditRecordedV1 },

  [CORE_EVENTS.achievementSubmitted]: { producer: 'core', payload: AchievementSubmittedV1 },
  [CORE_EVENTS.achievementReturned]: { producer: 'core', payload: AchievementReturnedV1 },
  [CORE_EVENTS.achievementVerified]: { producer: 'core', payload: AchievementVerifiedV1 },
  [CORE_EVENTS.achievementLocked]: { producer: 'core', payload: AchievementLockedV1 },
  [CORE_EVENTS.indicatorChanged]: { producer: 'core', payload: IndicatorChangedV1 },
  [CORE_EVENTS.opdChanged]: { producer: 'core', payload: OpdChangedV1 },
  [CORE_EVENTS.evaluationPublished]: { producer: 'core', payload: EvaluationPublishedV1 },
  [CORE_EVENTS.fileLinksChanged]: { producer: 'core', payload: FileLinksChangedV1 },
  [CORE_EVENTS.auditRecorded]: { producer: 'core', payload: AuditRecordedV1 },

  [INTEGRATION_EVENTS.syncFailed]: { producer: 'integration', payload: SyncFailedV1 },
  [INTEGRATION_EVENTS.fileLinksChanged]: { producer: 'integration', payload: FileLinksChangedV1 },
  [INTEGRATION_EVENTS.auditRecorded]: { producer: 'integration', payload: AuditRecordedV1 },

  [REPORT_EVENTS.reportCompleted]: { producer: 'report', payload: ReportCompletedV1 },
  [REPORT_EVENTS.reportFailed]: { producer: 'report', payload: ReportFailedV1 },
  [REPORT_EVENTS.fileLinksChanged]: { producer: 'report', payload: FileLinksChangedV1 },
  [REPORT_EVENTS.auditRecorded]: { producer: 'report', payload: AuditRecordedV1 },

  [NOTIFICATION_EVENTS.auditRecorded]: { producer: 'notification', payload: AuditRecordedV1 },

  [FILE_EVENTS.auditRecorded]: { producer: 'file', payload: AuditRecordedV1 },
} as const satisfies Record<string, CatalogueEntry>;

export type EventSubject = keyof typeof EVENT_CATALOGUE;

/** Every event as `{subject, data}`, discriminated by subject (STYLE.md 7). */
export type SakipEvent = { [S in EventSubject]: { subject: S; data: InstanceType<(typeof EVENT_CATALOGUE)[S]['payload']> } }[EventSubject];

/** The payload type of one subject: `EventOf<typeof AUTH_EVENTS.userCreated>` is `UserCreatedV1`. */
export type EventOf<S extends SakipEvent['subject']> = Extract<SakipEvent, { subject: S }>['data'];

/** A known event with its envelope; switch on `subject` to narrow `data`. */
export type SakipEventEnvelope = { [S in EventSubject]: EventEnvelope<S, EventOf<S>> }[EventSubject];
export type EnvelopeOf<S extends EventSubject> = EventEnvelope<S, EventOf<S>>;

export const EVENT_SUBJECTS = Object.keys(EVENT_CATALOGUE) as EventSubject[];

export function isEventSubject(value: unknown): value is EventSubject {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(EVENT_CATALOGUE, value);
}

/**
 * Validates an event payload against its class. Producers validate `strict` (an unknown field is
 * a bug that must not reach the stream); consumers validate `tolerant` (unknown fields are
 * dropped, so a producer may add an optional field without breaking older consumers).
 */
export function validateEventData<S extends EventSubject>(subject: S, data: unknown, mode: 'strict' | 'tolerant'): EventOf<S> {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new DomainError(ErrorCode.ValidationFailed, `Event ${subject}: data must be a JSON object`);
  }
  const cls: new () => object = EVENT_CATALOGUE[subject].payload;
  const instance = plainToInstance(cls, data);
  const errors = validateSync(instance, { whitelist: true, forbidNonWhitelisted: mode === 'strict', forbidUnknownValues: true });
  if (errors.length) throw new DomainError(ErrorCode.ValidationFailed, `Event ${subject}: invalid payload`, toDetails(errors));
  return instance as EventOf<S>;
}
