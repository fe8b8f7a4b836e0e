import { OutboxWriter } from '@sakip/messaging';
import { INTEGRATION_SCHEMA } from '../migrations';

/** integration's outbox: events are enqueued inside the transaction of the change (STYLE.md 5). */
export const integrationOutbox = new OutboxWriter(INTEGRATION_SCHEMA);
