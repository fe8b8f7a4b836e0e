import { join } from 'node:path';
import { AUTH_DB_ROLE, AUTH_MIGRATIONS, AUTH_SCHEMA } from '../../apps/auth/src/migrations';
import { CORE_DB_ROLE, CORE_MIGRATIONS, CORE_SCHEMA } from '../../apps/core-performance/src/migrations';
import { FILE_DB_ROLE, FILE_MIGRATIONS, FILE_SCHEMA } from '../../apps/file/src/migrations';
import { INTEGRATION_DB_ROLE, INTEGRATION_MIGRATIONS, INTEGRATION_SCHEMA } from '../../apps/integration-sync/src/migrations';
import { NOTIFICATION_DB_ROLE, NOTIFICATION_MIGRATIONS, NOTIFICATION_SCHEMA } from '../../apps/notification/src/migrations';
import { REPORT_DB_ROLE, REPORT_MIGRATIONS, REPORT_SCHEMA } from '../../apps/report-generation/src/migrations';
import type { ServiceSchema } from '@sakip/testing';

export const ROOT = join(__dirname, '..', '..');

/** Every service the dev stack runs, in start order, with its schema and probe port. */
export interface DevService {
  name: string;
  main: string;
  /** Port of /health/ready. */
  port: number;
  envPrefix?: string;
  schema?: ServiceSchema;
}

export const DEV_SERVICES: DevService[] = [
  {
    name: 'auth',
    main: 'apps/auth/src/main.ts',
    port: 3101,
    envPrefix: 'AUTH',
    schema: { schema: AUTH_SCHEMA, role: AUTH_DB_ROLE, migrations: AUTH_MIGRATIONS },
  },
  {
    name: 'core-performance',
    main: 'apps/core-performance/src/main.ts',
    port: 3102,
    envPrefix: 'CORE',
    schema: { schema: CORE_SCHEMA, role: CORE_DB_ROLE, migrations: CORE_MIGRATIONS },
  },
  {
    name: 'file',
    main: 'apps/file/src/main.ts',
    port: 3106,
    envPrefix: 'FILE',
    schema: { schema: FILE_SCHEMA, role: FILE_DB_ROLE, migrations: FILE_MIGRATIONS },
  },
  {
    name: 'notification',
    main: 'apps/notification/src/main.ts',
    port: 3105,
    envPrefix: 'NOTIFICATION',
    schema: { schema: NOTIFICATION_SCHEMA, role: NOTIFICATION_DB_ROLE, migrations: NOTIFICATION_MIGRATIONS },
  },
  {
    name: 'integration-sync',
    main: 'apps/integration-sync/src/main.ts',
    port: 3103,
    envPrefix: 'INTEGRATION',
    schema: { schema: INTEGRATION_SCHEMA, role: INTEGRATION_DB_ROLE, migrations: INTEGRATION_MIGRATIONS },
  },
  {
    name: 'report-generation',
    main: 'apps/report-generation/src/main.ts',
    port: 3104,
    envPrefix: 'REPORT',
    schema: { schema: REPORT_SCHEMA, role: REPORT_DB_ROLE, migrations: REPORT_MIGRATIONS },
  },
  { name: 'gateway', main: 'apps/gateway/src/main.ts', port: 3000 },
];
