import { InitCore1733000000000 } from './1733000000000-init-core';

/** Every migration of the core schema, in order (also used by the test template builder). */
export const CORE_MIGRATIONS = [InitCore1733000000000];
export const CORE_SCHEMA = 'core';
export const CORE_DB_ROLE = 'sakip_core';
