import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { MessagingModule, NatsReadiness } from '@sakip/messaging';
import { ObservabilityModule } from '@sakip/observability';
import { RolesGuard } from '@sakip/security';
import { AuthController } from './auth/auth.controller';
import { GATEWAY_CONFIG, type GatewayConfig } from './gateway.config';
import { EnvelopeInterceptor } from './http/envelope.interceptor';
import { IdempotencyInterceptor } from './http/idempotency.interceptor';
import { EnvelopeErrorFilter } from './http/error.filter';
import { IdentityModule } from './identity/identity.module';
import { JwtAuthGuard } from './identity/jwt-auth.guard';
import { ScopesGuard } from './identity/scopes.guard';
import { ApiKeysController } from './api-keys/api-keys.controller';
import { RateLimitGuard } from './rate-limit/rate-limit.guard';
import { GatewayRedis } from './redis.provider';
import { UsersController } from './users/users.controller';
import { CORE_CONTROLLERS } from './core';
import { FilesController } from './files/files.controller';
import { NotificationsController } from './notifications/notifications.controller';
import { ReportsController } from './reports/reports.controller';
import { IntegrationsController } from './integrations/integrations.controller';
import { PushModule } from './push/push.module';

@Module({})
export class GatewayAppModule {
  static forRoot(config: GatewayConfig): DynamicModule {
    return {
      module: GatewayAppModule,
      global: true,
      imports: [
        ObservabilityModule.forRoot({ service: 'gateway', logLevel: config.LOG_LEVEL, readinessCheckTokens: [NatsReadiness, GatewayRedis] }),
        MessagingModule.forRoot({ url: config.NATS_URL, name: 'gateway', user: config.NATS_USER, pass: config.NATS_PASSWORD, prefix: config.NATS_PREFIX, rpcTimeoutMs: config.RPC_TIMEOUT_MS }),
        IdentityModule,
        PushModule,
      ],
      controllers: [AuthController, UsersController, ApiKeysController, ...CORE_CONTROLLERS, FilesController, NotificationsController, ReportsController, IntegrationsController],
      providers: [
        { provide: GATEWAY_CONFIG, useValue: config },
        GatewayRedis,
        // Order matters: authenticate, then check the role, before any downstream call.
        { provide: APP_GUARD, useExisting: JwtAuthGuard },
        RateLimitGuard,
        { provide: APP_GUARD, useExisting: RateLimitGuard },
        { provide: APP_GUARD, useClass: ScopesGuard },
        { provide: APP_GUARD, useClass: RolesGuard },
        // Outermost first: idempotency stores and replays the final, enveloped answer.
        { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
        { provide: APP_INTERCEPTOR, useClass: EnvelopeInterceptor },
        { provide: APP_FILTER, useClass: EnvelopeErrorFilter },
      ],
      exports: [GATEWAY_CONFIG, GatewayRedis, RateLimitGuard],
    };
  }
}
