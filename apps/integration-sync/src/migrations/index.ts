import { InitIntegration1736000000000 } from './1736000000000-init-integration';
import { Integrations1736000000001 } from './1736000000001-integrations';

/** Every migration of the integration schema, in order (also used by the test template builder). */
export const INTEGRATION_MIGRATIONS = [InitIntegration1736000000000, Integrations1736000000001];
export const INTEGRATION_SCHEMA = 'integration';
export const INTEGRATION_DB_ROLE = 'sakip_integration';
