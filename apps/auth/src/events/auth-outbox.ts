import { OutboxWriter } from '@sakip/messaging';
import { AUTH_SCHEMA } from '../migrations';

/**
 * auth's outbox: repositories enqueue events with it inside the transaction of the change
 * (STYLE.md 5); the OutboxRelay run by EventsModule publishes them.
 */
export const authOutbox = new OutboxWriter(AUTH_SCHEMA);
