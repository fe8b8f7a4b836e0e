import { Module, type DynamicModule } from '@nestjs/common';
import { EventsModule, eventSettingsFromEnv, MessagingModule, NatsReadiness } from '@sakip/messaging';
import { ObservabilityModule } from '@sakip/observability';
import { DatabaseModule, DatabaseReadiness } from '@sakip/persistence';
import { AUTH_CONFIG, type AuthConfig } from './auth.config';
import { BootstrapAdmin } from './bootstrap/bootstrap-admin';
import { createAuthDataSource } from './database/database.module';
import { ApiKeysModule } from './api-keys/api-keys.module';
import { KeysModule } from './keys/keys.module';
import { RevocationsModule } from './redis/redis.module';
import { Revocations } from './redis/revocations';
import { MfaModule } from './mfa/mfa.module';
import { OpdsModule } from './opds/opds.module';
import { TotpModule } from './mfa/totp.module';
import { PasswordsModule } from './passwords/passwords.module';
import { SessionsModule } from './sessions/sessions.module';
import { UsersModule } from './users/users.module';
import { AUTH_SCHEMA } from './migrations';

@Module({})
export class AuthAppModule {
  static forRoot(config: AuthConfig): DynamicModule {
    return {
      module: AuthAppModule,
      global: true,
      imports: [
        ObservabilityModule.forRoot({ service: 'auth', logLevel: config.LOG_LEVEL, readinessCheckTokens: [DatabaseReadiness, NatsReadiness, Revocations] }),
        MessagingModule.forRoot({ url: config.NATS_URL, name: 'auth', user: config.NATS_USER, pass: config.NATS_PASSWORD, prefix: config.NATS_PREFIX, rpcTimeoutMs: config.RPC_TIMEOUT_MS }),
        DatabaseModule.forService(AUTH_CONFIG, createAuthDataSource),
        EventsModule.forRoot({ service: 'auth', schema: AUTH_SCHEMA, ...eventSettingsFromEnv(config) }),
        OpdsModule,
        UsersModule,
        KeysModule,
        SessionsModule,
        TotpModule,
        MfaModule,
        PasswordsModule,
        RevocationsModule,
        ApiKeysModule,
      ],
      providers: [{ provide: AUTH_CONFIG, useValue: config }, BootstrapAdmin],
      exports: [AUTH_CONFIG],
    };
  }
}
