import { Module, type DynamicModule } from '@nestjs/common';
import { EventsModule, eventSettingsFromEnv, MessagingModule, NatsReadiness } from '@sakip/messaging';
import { ObservabilityModule } from '@sakip/observability';
import { DatabaseModule, DatabaseReadiness } from '@sakip/persistence';
import { createNotificationDataSource } from './database/notification-data-source';
import { InboxModule } from './inbox/inbox.module';
import { NOTIFICATION_SCHEMA } from './migrations';
import { NOTIFICATION_CONFIG, type NotificationConfig } from './notification.config';
import { DirectMailModule } from './direct-mail/direct-mail.module';

@Module({})
export class NotificationAppModule {
  static forRoot(config: NotificationConfig): DynamicModule {
    return {
      module: NotificationAppModule,
      global: true,
      imports: [
        // The mail server is not a readiness dependency: when it is down mail waits in `deliveries`.
        ObservabilityModule.forRoot({ service: 'notification', logLevel: config.LOG_LEVEL, readinessCheckTokens: [DatabaseReadiness, NatsReadiness] }),
        MessagingModule.forRoot({ url: config.NATS_URL, name: 'notification', user: config.NATS_USER, pass: config.NATS_PASSWORD, prefix: config.NATS_PREFIX, rpcTimeoutMs: config.RPC_TIMEOUT_MS }),
        DatabaseModule.forService(NOTIFICATION_CONFIG, createNotificationDataSource),
        EventsModule.forRoot({ service: 'notification', schema: NOTIFICATION_SCHEMA, ...eventSettingsFromEnv(config) }),
        InboxModule,
        DirectMailModule,
      ],
      providers: [{ provide: NOTIFICATION_CONFIG, useValue: config }],
      exports: [NOTIFICATION_CONFIG],
    };
  }
}
