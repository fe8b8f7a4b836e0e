export const NOTIFICATION_EVENTS = {
  auditRecorded: 'evt.notification.audit.recorded.v1',
} as const;
