import { createServiceDataSource } from '@sakip/persistence';
import type { DataSource } from 'typeorm';
import type { ReportConfig } from '../report.config';
import { REPORT_MIGRATIONS, REPORT_SCHEMA } from '../migrations';

/** The report-generation service speaks SQL through the DataSource; no entities are registered. */
export function createReportDataSource(config: ReportConfig): DataSource {
  return createServiceDataSource({
    url: config.databaseUrl,
    schema: REPORT_SCHEMA,
    entities: [],
    migrations: REPORT_MIGRATIONS,
    poolSize: config.DATABASE_POOL_SIZE,
    applicationName: 'sakip-report-generation',
  });
}
