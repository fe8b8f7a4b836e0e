/** Request/reply subjects served by `notification`. */
export const NOTIFICATION_SUBJECTS = {
  /** Direct mail, for content that must never sit in a stream (e.g. a password-reset link). */
  mailSend: 'notification.mail.send.v1',
  /** The caller's own inbox (API.md "Notifications"). */
  inboxList: 'notification.inbox.list.v1',
  inboxRead: 'notification.inbox.read.v1',
  inboxReadAll: 'notification.inbox.read_all.v1',
  inboxSince: 'notification.inbox.since.v1',
  preferencesGet: 'notification.preferences.get.v1',
  preferencesUpdate: 'notification.preferences.update.v1',
  /** Deliveries that gave up (super_admin). */
  deadLetterList: 'notification.dead_letter.list.v1',
} as const;

export type NotificationSubject = (typeof NOTIFICATION_SUBJECTS)[keyof typeof NOTIFICATION_SUBJECTS];
