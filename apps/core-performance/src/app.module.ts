import { Module, type DynamicModule } from '@nestjs/common';
import { EventsModule, eventSettingsFromEnv, MessagingModule, NatsReadiness } from '@sakip/messaging';
import { ObservabilityModule } from '@sakip/observability';
import { DatabaseModule, DatabaseReadiness } from '@sakip/persistence';
import { AchievementsModule } from './achievements/achievements.module';
import { AnalyticsModule } from './analytics/analytics.module';
import { AuditStoreModule } from './audit/audit-store.module';
import { BudgetModule } from './budget/budget.module';
import { DashboardModule } from './dashboard/dashboard.module';
import { EvaluationsModule } from './evaluations/evaluations.module';
import { CacheModule } from './cache/cache.module';
import { ReadCache } from './cache/read-cache';
import { CORE_CONFIG, type CoreConfig } from './core.config';
import { createCoreDataSource } from './database/database.module';
import { ImportsModule } from './imports/imports.module';
import { IndicatorsModule } from './indicators/indicators.module';
import { CORE_SCHEMA } from './migrations';
import { OpdsModule } from './opds/opds.module';
import { PerformanceModule } from './performance/performance.module';
import { PeriodsModule } from './periods/periods.module';
import { PlanningModule } from './planning/planning.module';
import { SettingsModule } from './settings/settings.module';
import { UserDirectoryModule } from './users/user-directory.module';

@Module({})
export class CoreAppModule {
  static forRoot(config: CoreConfig): DynamicModule {
    return {
      module: CoreAppModule,
      global: true,
      imports: [
        ObservabilityModule.forRoot({ service: 'core-performance', logLevel: config.LOG_LEVEL, readinessCheckTokens: [DatabaseReadiness, NatsReadiness, ReadCache] }),
        MessagingModule.forRoot({ url: config.NATS_URL, name: 'core', user: config.NATS_USER, pass: config.NATS_PASSWORD, prefix: config.NATS_PREFIX, rpcTimeoutMs: config.RPC_TIMEOUT_MS }),
        DatabaseModule.forService(CORE_CONFIG, createCoreDataSource),
        CacheModule,
        EventsModule.forRoot({ service: 'core', schema: CORE_SCHEMA, ...eventSettingsFromEnv(config) }),
        SettingsModule,
        OpdsModule,
        PlanningModule,
        IndicatorsModule,
        PeriodsModule,
        AchievementsModule,
        PerformanceModule,
        AuditStoreModule,
        UserDirectoryModule,
        BudgetModule,
        EvaluationsModule,
        DashboardModule,
        AnalyticsModule,
        ImportsModule,
      ],
      providers: [{ provide: CORE_CONFIG, useValue: config }],
      exports: [CORE_CONFIG],
    };
  }
}
