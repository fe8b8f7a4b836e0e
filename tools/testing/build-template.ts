import { dropStaleTestDatabases, ensureTemplateDatabase, TEMPLATE_ENV, testServers } from '@sakip/testing';
import { join } from 'node:path';
import { AUTH_DB_ROLE, AUTH_MIGRATIONS, AUTH_SCHEMA } from '../../apps/auth/src/migrations';
import { CORE_DB_ROLE, CORE_MIGRATIONS, CORE_SCHEMA } from '../../apps/core-performance/src/migrations';
import { FILE_DB_ROLE, FILE_MIGRATIONS, FILE_SCHEMA } from '../../apps/file/src/migrations';
import { INTEGRATION_DB_ROLE, INTEGRATION_MIGRATIONS, INTEGRATION_SCHEMA } from '../../apps/integration-sync/src/migrations';
import { NOTIFICATION_DB_ROLE, NOTIFICATION_MIGRATIONS, NOTIFICATION_SCHEMA } from '../../apps/notification/src/migrations';
import { REPORT_DB_ROLE, REPORT_MIGRATIONS, REPORT_SCHEMA } from '../../apps/report-generation/src/migrations';

/**
 * Builds the migrated template database once per content hash. Lives outside
 * libs/ because it must know every app's migrations (libs never import apps).
 */
export default async function globalSetup(): Promise<void> {
  const root = join(__dirname, '..', '..');
  const template = await ensureTemplateDatabase({
    adminUrl: testServers.pgAdminUrl,
    sqlDir: join(root, 'infra', 'postgres'),
    migrationDirs: ['auth', 'core-performance', 'file', 'integration-sync', 'notification', 'report-generation'].map((app) => join(root, 'apps', app, 'src', 'migrations')),
    services: [
      { schema: AUTH_SCHEMA, role: AUTH_DB_ROLE, migrations: AUTH_MIGRATIONS },
      { schema: CORE_SCHEMA, role: CORE_DB_ROLE, migrations: CORE_MIGRATIONS },
      { schema: FILE_SCHEMA, role: FILE_DB_ROLE, migrations: FILE_MIGRATIONS },
      { schema: INTEGRATION_SCHEMA, role: INTEGRATION_DB_ROLE, migrations: INTEGRATION_MIGRATIONS },
      { schema: NOTIFICATION_SCHEMA, role: NOTIFICATION_DB_ROLE, migrations: NOTIFICATION_MIGRATIONS },
      { schema: REPORT_SCHEMA, role: REPORT_DB_ROLE, migrations: REPORT_MIGRATIONS },
    ],
  });
  process.env[TEMPLATE_ENV] = template;
  await dropStaleTestDatabases(testServers.pgAdminUrl);
}
