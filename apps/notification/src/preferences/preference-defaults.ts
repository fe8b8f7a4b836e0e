import type { NotificationChannel, NotificationType } from '@sakip/contracts';

/**
 * When a user chose nothing: in-app always on; e-mail on for the workflow events that ask
 * somebody to act (verify, revise, follow up) and for failed syncs, off for report completion
 * (the requester is usually waiting in the app).
 */
const EMAIL_BY_DEFAULT: ReadonlySet<NotificationType> = new Set<NotificationType>([
  'achievement.submitted',
  'achievement.returned',
  'achievement.verified',
  'evaluation.published',
  'sync.failed',
]);

export function defaultEnabled(type: NotificationType, channel: NotificationChannel): boolean {
  return channel === 'in_app' ? true : EMAIL_BY_DEFAULT.has(type);
}
