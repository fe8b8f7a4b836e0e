import { InitNotification1735000000000 } from './1735000000000-init-notification';

/** Every migration of the notification schema, in order (also used by the test template builder). */
export const NOTIFICATION_MIGRATIONS = [InitNotification1735000000000];
export const NOTIFICATION_SCHEMA = 'notification';
export const NOTIFICATION_DB_ROLE = 'sakip_notification';
