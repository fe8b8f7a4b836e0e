import { InitAuth1732400000000 } from './1732400000000-init-auth';
import { IdentityHardening1732500000000 } from './1732500000000-identity-hardening';
import { EventTables1732600000000 } from './1732600000000-event-tables';
import { OpdDirectory1732700000000 } from './1732700000000-opd-directory';
import { PasswordResets1732800000000 } from './1732800000000-password-resets';

/** Every migration of the auth schema, in order (also used by the test template builder). */
export const AUTH_MIGRATIONS = [InitAuth1732400000000, IdentityHardening1732500000000, EventTables1732600000000, OpdDirectory1732700000000, PasswordResets1732800000000];
export const AUTH_SCHEMA = 'auth';
export const AUTH_DB_ROLE = 'sakip_auth';
