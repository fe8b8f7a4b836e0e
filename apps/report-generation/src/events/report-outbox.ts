import { OutboxWriter } from '@sakip/messaging';
import { REPORT_SCHEMA } from '../migrations';

/** report's outbox: events are enqueued inside the transaction of the change (STYLE.md 5). */
export const reportOutbox = new OutboxWriter(REPORT_SCHEMA);
