import type { NotificationView } from './inbox.dto';

/**
 * Live push from notification to every gateway replica: plain NATS publish (no queue group, no
 * stream), so each replica hears every message and delivers it to the sockets it holds. Best effort
 * by design: the inbox is the record, and clients catch up with Last-Event-ID or GET /notifications.
 */
export const GATEWAY_PUSH_SUBJECTS = {
  notification: 'gateway.push.notification.v1',
} as const;

export interface PushedNotification {
  userId: string;
  /** What the client receives: API.md's `{id, type, data, createdAt}` plus title, body and readAt. */
  message: NotificationView;
}

export interface NotificationPushBatch {
  items: PushedNotification[];
}
