import { Module, type DynamicModule } from '@nestjs/common';
import { EventsModule, eventSettingsFromEnv, MessagingModule, NatsReadiness } from '@sakip/messaging';
import { ObservabilityModule } from '@sakip/observability';
import { DatabaseModule, DatabaseReadiness } from '@sakip/persistence';
import { createReportDataSource } from './database/report-data-source';
import { REPORT_SCHEMA } from './migrations';
import { REPORT_CONFIG, type ReportConfig } from './report.config';
import { ReportsModule } from './reports/reports.module';

@Module({})
export class ReportAppModule {
  static forRoot(config: ReportConfig): DynamicModule {
    return {
      module: ReportAppModule,
      global: true,
      imports: [
        ObservabilityModule.forRoot({ service: 'report-generation', logLevel: config.LOG_LEVEL, readinessCheckTokens: [DatabaseReadiness, NatsReadiness] }),
        MessagingModule.forRoot({ url: config.NATS_URL, name: 'report', user: config.NATS_USER, pass: config.NATS_PASSWORD, prefix: config.NATS_PREFIX, rpcTimeoutMs: config.RPC_TIMEOUT_MS }),
        DatabaseModule.forService(REPORT_CONFIG, createReportDataSource),
        EventsModule.forRoot({ service: 'report', schema: REPORT_SCHEMA, ...eventSettingsFromEnv(config) }),
        ReportsModule,
      ],
      providers: [{ provide: REPORT_CONFIG, useValue: config }],
      exports: [REPORT_CONFIG],
    };
  }
}
