import { OutboxWriter } from '@sakip/messaging';
import { FILE_SCHEMA } from '../migrations';

/** file's outbox: events are enqueued inside the transaction of the change (STYLE.md 5). */
export const fileOutbox = new OutboxWriter(FILE_SCHEMA);
