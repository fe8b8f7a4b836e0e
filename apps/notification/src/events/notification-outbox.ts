import { OutboxWriter } from '@sakip/messaging';
import { NOTIFICATION_SCHEMA } from '../migrations';

/** notification's outbox: events are enqueued inside the transaction of the change (STYLE.md 5). */
export const notificationOutbox = new OutboxWriter(NOTIFICATION_SCHEMA);
