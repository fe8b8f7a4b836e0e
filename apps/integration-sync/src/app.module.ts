import { Module, type DynamicModule } from '@nestjs/common';
import { EventsModule, eventSettingsFromEnv, MessagingModule, NatsReadiness } from '@sakip/messaging';
import { ObservabilityModule } from '@sakip/observability';
import { DatabaseModule, DatabaseReadiness } from '@sakip/persistence';
import { createIntegrationDataSource } from './database/integration-data-source';
import { INTEGRATION_SCHEMA } from './migrations';
import { INTEGRATION_CONFIG, type IntegrationConfig } from './integration.config';
import { IntegrationsModule } from './integrations/integrations.module';

@Module({})
export class IntegrationAppModule {
  static forRoot(config: IntegrationConfig): DynamicModule {
    return {
      module: IntegrationAppModule,
      global: true,
      imports: [
        ObservabilityModule.forRoot({ service: 'integration-sync', logLevel: config.LOG_LEVEL, readinessCheckTokens: [DatabaseReadiness, NatsReadiness] }),
        MessagingModule.forRoot({ url: config.NATS_URL, name: 'integration', user: config.NATS_USER, pass: config.NATS_PASSWORD, prefix: config.NATS_PREFIX, rpcTimeoutMs: config.RPC_TIMEOUT_MS }),
        DatabaseModule.forService(INTEGRATION_CONFIG, createIntegrationDataSource),
        EventsModule.forRoot({ service: 'integration', schema: INTEGRATION_SCHEMA, ...eventSettingsFromEnv(config) }),
        IntegrationsModule,
      ],
      providers: [{ provide: INTEGRATION_CONFIG, useValue: config }],
      exports: [INTEGRATION_CONFIG],
    };
  }
}
