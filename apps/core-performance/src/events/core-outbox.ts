import { OutboxWriter } from '@sakip/messaging';
import { CORE_SCHEMA } from '../migrations';

/** core's outbox: repositories enqueue events inside the transaction of the change (STYLE.md 5). */
export const coreOutbox = new OutboxWriter(CORE_SCHEMA);
