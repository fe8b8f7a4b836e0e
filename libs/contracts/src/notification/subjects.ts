/** Request/reply subjects served by `notification`. */
export const NOTIFICATION_SUBJECTS = {
  /** Direct mail, for content that must never sit in a stream (e.g. a password-reset link). */
  mailSend: 'notification.mail.send.v1',
} as const;

export type NotificationSubject = (typeof NOTIFICATION_SUBJECTS)[keyof typeof NOTIFICATION_SUBJECTS];
